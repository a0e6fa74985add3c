/**
 * The one interface every evolution strategy implements (docs/ARCHITECTURE.md convention 2; docs/ALGORITHMS.md §1).
 * Semantics follow evosax 0.1.4: strategies see fitness in *minimise* form ("lower is better");
 * the shared runner (run-strategy.ts) is the single place where the lab's maximise-a-score convention
 * is flipped (docs/ALGORITHMS.md §1.3 step 1).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ParamSpecs, ParamValues, AnyParamValues } from '../params';
import type { Rng } from '../rng';

/** Sizes a strategy is instantiated for. `dim` = number of active (unpruned) coordinates d. */
export interface EsContext {
  readonly popSize: number;
  readonly dim: number;
}

/** Strategy state: plain data only (tensors and numbers), so it can be checkpointed. */
export type EsState = Record<string, tf.Tensor | number>;

/** Which σ `perParamStd` reports for SNR pruning (docs/ALGORITHMS.md §1.5). Only Sep-CMA-ES distinguishes them. */
export type SigmaMode = 'paper' | 'sC' | 'true';

export interface Strategy {
  readonly id: string;
  readonly label: string;
  /** One paragraph for the UI: what the strategy does and which paper/evosax file it follows. */
  readonly help: string;
  /** Row layout of `ask`'s population (docs/ALGORITHMS.md §1.2). Antithetic layouts need an even popsize. */
  readonly antithetic: 'interleaved' | 'blocked' | 'none';
  /** Hyperparameters with metadata; defaults are evosax 0.1.4's (docs/ALGORITHMS.md §2). */
  readonly paramSpecs: ParamSpecs;
  /** Whether SNR pruning is meaningful (false for isotropic-σ strategies: OpenES, ARS; docs/ALGORITHMS.md §1.5). */
  readonly supportsSnr: boolean;
  /**
   * Fresh state for one IMP round (docs/ALGORITHMS.md §1.1 "fresh state per round"). `meanInit` has length d.
   * Must not take ownership of `meanInit` (the caller disposes it).
   */
  init(ctx: EsContext, params: AnyParamValues, meanInit: tf.Tensor1D): EsState;
  /** Samples the population [P, d]. Noise comes from `rng` via the backend noise source (see noise.ts). */
  ask(ctx: EsContext, state: EsState, params: AnyParamValues, rng: Rng): tf.Tensor2D;
  /**
   * Strategy-specific update given the population `x` [P, d] and *shaped minimise-form* fitness
   * `f` [P]. Returns the new state. Must not dispose its inputs: the runner disposes superseded
   * state tensors.
   */
  tell(ctx: EsContext, x: tf.Tensor2D, f: tf.Tensor1D, state: EsState, params: AnyParamValues): EsState;
  /** Per-coordinate σ used by SNR pruning (docs/ALGORITHMS.md §1.5), length d. */
  perParamStd(ctx: EsContext, state: EsState, params: AnyParamValues, mode: SigmaMode): tf.Tensor1D;
}

/** A strategy as its file writes it: the methods see its params typed by its own `paramSpecs`. */
export interface StrategyDef<S extends ParamSpecs> extends Omit<
  Strategy,
  'paramSpecs' | 'init' | 'ask' | 'tell' | 'perParamStd'
> {
  readonly paramSpecs: S;
  // NoInfer: S comes from `paramSpecs` alone, so shared helpers typed for fewer params (sampling.ts) fit in.
  init(ctx: EsContext, params: NoInfer<ParamValues<S>>, meanInit: tf.Tensor1D): EsState;
  ask(ctx: EsContext, state: EsState, params: NoInfer<ParamValues<S>>, rng: Rng): tf.Tensor2D;
  tell(ctx: EsContext, x: tf.Tensor2D, f: tf.Tensor1D, state: EsState, params: NoInfer<ParamValues<S>>): EsState;
  perParamStd(ctx: EsContext, state: EsState, params: NoInfer<ParamValues<S>>, mode: SigmaMode): tf.Tensor1D;
}

/**
 * A registry entry from a typed definition. Sound because a strategy is only ever called with values
 * resolved against its own `paramSpecs` (run-strategy.ts resolveParams): this is the one place where the
 * registry's loose parameter type meets each strategy's typed one.
 */
export function defineStrategy<S extends ParamSpecs>(def: StrategyDef<S>): Strategy {
  return def as unknown as Strategy;
}
