/**
 * Batched classic-control environments (docs/ALGORITHMS.md §11, gymnax v0.0.6 dynamics).
 *
 * An environment steps n independent copies at once over a struct-of-arrays state: one Float64Array
 * per state variable (named in `stateNames`) plus an Int32Array step counter. The physics is a handful
 * of flops per copy, so plain typed arrays beat tensor ops by orders of magnitude here.
 *
 * Actions are one number per copy *after* the action mapping of docs/ALGORITHMS.md §11.5 (`mapAction`): a discrete
 * index for CartPole/Acrobot, a raw continuous value for Pendulum/MountainCar (the env clips it).
 */
import type { NumberParamSpec, ParamSpecs, ParamValues } from '../../../params';
import type { Rng } from '../../../rng';

/** State of n environment copies; `vars[k][i]` is variable `stateNames[k]` of copy i. */
export interface EnvState {
  readonly n: number;
  readonly vars: Float64Array[];
  /** Steps taken in the current episode (gymnax `time`). */
  readonly t: Int32Array;
}

/** Per-copy outcome of one step. Entries of copies that were not stepped are left untouched. */
export interface StepResult {
  readonly reward: Float64Array;
  /** 1 where the episode ended on this step (terminal or t ≥ maxSteps). */
  readonly done: Uint8Array;
  /** 1 where the new state is terminal (done for a reason other than the horizon). */
  readonly terminal: Uint8Array;
}

/** The param specs of every environment: its constants, and always the horizon `maxSteps`. */
export type EnvParamSpecs = ParamSpecs & { readonly maxSteps: NumberParamSpec };

/** An environment's resolved params as rollouts see them: any constants, and the horizon typed. */
export type EnvParams = ParamValues<EnvParamSpecs>;

/** How raw network outputs become the env's action (docs/ALGORITHMS.md §11.5). */
export type ActionMapping = 'argmax' | 'identity';

export interface ControlEnv {
  /** Gym-style id, e.g. "CartPole-v1". */
  readonly id: string;
  readonly label: string;
  readonly help: string;
  readonly stateNames: readonly string[];
  readonly obsDim: number;
  /** Network outputs per step: logits for discrete envs, one unit for continuous ones. */
  readonly outputSize: number;
  readonly actionMapping: ActionMapping;
  /** Output activation the policy network should use (docs/ALGORITHMS.md §11.5; MountainCar's tanh unit is [U]). */
  readonly policyOutputActivation: 'none' | 'tanh';
  /** Physical constants and the horizon `maxSteps`, for transfer variants (defaults = gymnax v0.0.6). */
  readonly paramSpecs: EnvParamSpecs;
  /**
   * Return range [worst, best] of one episode under `params`, for axes and sanity checks. A function of the
   * params because the bounds scale with the horizon `maxSteps` (e.g. Pendulum's 200 vs the paper's 500).
   */
  returnRange(params: EnvParams): readonly [number, number];
  /** n fresh copies drawn i.i.d. from the reset distribution using `rng`. */
  reset(rng: Rng, n: number, params: EnvParams): EnvState;
  /** Writes copy i's observation at `out[offset … offset + obsDim)`. */
  observe(state: EnvState, i: number, out: Float32Array, offset: number): void;
  /**
   * Steps the copies listed in `active` (all copies when omitted) with `actions[i]` for copy i.
   * Mutates `state`; writes reward and done for the stepped copies into `out` (allocated when omitted).
   */
  step(
    state: EnvState,
    actions: Float64Array,
    params: EnvParams,
    active?: ArrayLike<number>,
    out?: StepResult,
  ): StepResult;
}

/** An environment as its file writes it: `reset`, `step` and `returnRange` see its params typed by its own `paramSpecs`. */
export interface ControlEnvDef<S extends EnvParamSpecs> extends Omit<
  ControlEnv,
  'paramSpecs' | 'reset' | 'step' | 'returnRange'
> {
  readonly paramSpecs: S;
  returnRange(params: NoInfer<ParamValues<S>>): readonly [number, number];
  reset(rng: Rng, n: number, params: NoInfer<ParamValues<S>>): EnvState;
  step(
    state: EnvState,
    actions: Float64Array,
    params: NoInfer<ParamValues<S>>,
    active?: ArrayLike<number>,
    out?: StepResult,
  ): StepResult;
}

/**
 * A registry entry from a typed definition. Sound because an environment is only ever stepped with its
 * task's params resolved against its own `paramSpecs` (control-task.ts pickParams after resolveParams).
 */
export function defineControlEnv<S extends EnvParamSpecs>(def: ControlEnvDef<S>): ControlEnv {
  return def as unknown as ControlEnv;
}
