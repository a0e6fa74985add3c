/**
 * Locomotion task definitions (docs/ALGORITHMS.md §9.2–9.3 "Brax" rows): a gym-style MuJoCo
 * model (MJCF generated from the task's params) plus the rules that turn its state into observations,
 * rewards and terminations. Gym's MuJoCo v3/v4 conventions are followed, not Brax v1's
 * (`legacy_spring=True` has no WASM port): see each model file for the constants and their source.
 */
import type { BoolParamSpec, ChoiceParamSpec, NumberParamSpec, ParamSpecs, ParamValues } from '../../params';
import type { CommonParamSpecs, Integrator } from './models/common';

/** Reset noise of gym's MuJoCo envs: qpos += U(−s, s); qvel += U(−s, s) or s·N(0, 1). */
export interface ResetNoise {
  readonly qvelDist: 'uniform' | 'normal';
}

/** Read-only state a reward / health rule may look at (live views into MjData; copy to keep). */
export interface SimState {
  readonly qpos: Float64Array;
  readonly qvel: Float64Array;
}

/**
 * The param specs of every model: the common ones (horizon, frame skip, timestep, reward weights, reset
 * noise) and the integrator; the observation clip and the healthy-state reward and termination where the
 * model has them; and any model-specific constants.
 */
export type LocomotionParamSpecs = ParamSpecs &
  CommonParamSpecs & {
    readonly integrator: ChoiceParamSpec<Integrator>;
    readonly qvelClip?: NumberParamSpec;
    readonly healthyReward?: NumberParamSpec;
    readonly terminateWhenUnhealthy?: BoolParamSpec;
  };

/** A model's resolved params as the simulator sees them. */
export type LocomotionParams = ParamValues<LocomotionParamSpecs>;

export interface LocomotionModel {
  /** Env id shown in the UI and used by the rollout viewer, e.g. "Hopper". */
  readonly id: string;
  readonly label: string;
  /** Network input size: qpos minus the `qposSkip` leading entries (the x position), plus qvel. */
  readonly obsDim: number;
  /** Actuators (network outputs, tanh-squashed into the [−1, 1] ctrlrange). */
  readonly actDim: number;
  /** Leading qpos entries left out of the observation (gym: the x position, so the policy is x-invariant). */
  readonly qposSkip: number;
  /**
   * WebAssembly memory one simulation copy (MjData: MuJoCo's default arena plus buffers) takes, rounded
   * up; memory.ts sizes populations by it (a test checks it against the compiled model).
   */
  readonly simulationBytes: number;
  readonly resetNoise: ResetNoise;
  /** Constants with metadata; the task adds episodes/testEpisodes. */
  readonly paramSpecs: LocomotionParamSpecs;
  /** MJCF for these params (attribute values as plain numbers such as `0.065`: MuJoCo's MJCF parser rejects arithmetic such as `0.13/2`). */
  xml(params: LocomotionParams): string;
  /**
   * Healthy-state rule (gym `is_healthy`); null for tasks that never terminate early (HalfCheetah). Called
   * on the state after a step. A model with a rule has the `healthyReward` and `terminateWhenUnhealthy` params.
   */
  readonly isHealthy: ((s: SimState, params: LocomotionParams) => boolean) | null;
}

/** A model as its file writes it: `xml` and `isHealthy` see its params typed by its own `paramSpecs`. */
export interface LocomotionModelDef<S extends LocomotionParamSpecs> extends Omit<
  LocomotionModel,
  'paramSpecs' | 'xml' | 'isHealthy'
> {
  readonly paramSpecs: S;
  xml(params: NoInfer<ParamValues<S>>): string;
  readonly isHealthy: ((s: SimState, params: NoInfer<ParamValues<S>>) => boolean) | null;
}

/**
 * A registry entry from a typed definition. Sound because a model is only ever built with its task's params
 * resolved against its own `paramSpecs` (locomotion-task.ts modelParamsOf after resolveParams).
 */
export function defineLocomotionModel<S extends LocomotionParamSpecs>(def: LocomotionModelDef<S>): LocomotionModel {
  return def as unknown as LocomotionModel;
}

/** The reward terms of one env step (gym `info` names), their sum is the step reward. */
export interface RewardTerms {
  /** forwardRewardWeight · (x_after − x_before) / dt, dt = timestep · frameSkip. */
  forward: number;
  /** healthyReward when healthy (or when termination is off), 0 otherwise; 0 for tasks without the rule. */
  healthy: number;
  /** ctrlCostWeight · Σ a² (subtracted). */
  ctrlCost: number;
}
