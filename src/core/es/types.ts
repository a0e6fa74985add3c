/**
 * The one interface every evolution strategy implements (docs/ARCHITECTURE.md convention 2; docs/ALGORITHMS.md §1).
 * Semantics follow evosax 0.1.4: strategies see fitness in *minimise* form ("lower is better");
 * the shared runner (run-strategy.ts) is the single place where the lab's maximise-a-score convention
 * is flipped (docs/ALGORITHMS.md §1.3 step 1).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ParamSpecs, ParamValues, AnyParamValues } from '../params';

/** Sizes a strategy is instantiated for. `dim` = number of active (unpruned) coordinates d. */
export interface EsContext {
  readonly popSize: number;
  readonly dim: number;
}

/**
 * Strategy state as the runner sees it: plain data only (tensors and numbers), so it can be checkpointed,
 * and always the mean of the search distribution. Each strategy file types its own state (`StrategyDef`).
 */
export type EsState = { mean: tf.Tensor1D } & Record<string, tf.Tensor | number>;

/**
 * The search distribution of one generation: the population is x_p = mean + scale ⊙ (±z_p) with unit
 * noise z in the strategy's `antithetic` layout (docs/ALGORITHMS.md §1.2). `scale` is a scalar σ or a
 * per-coordinate vector; a tensor that is not part of the state is the caller's to dispose.
 */
export interface SearchDistribution {
  readonly mean: tf.Tensor1D;
  readonly scale: number | tf.Tensor1D;
}

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
  /**
   * What `ask` samples from this generation. The shared runner draws the noise (shared table, noise.ts)
   * and builds the population, so every strategy's population can also be sent as a recipe
   * (population-rows.ts) to evaluation workers.
   */
  sampling(ctx: EsContext, state: EsState, params: AnyParamValues): SearchDistribution;
  /**
   * Strategy-specific update given the population `x` [P, d] and *shaped minimise-form* fitness
   * `f` [P]. Returns the new state. Must not dispose its inputs: the runner disposes superseded
   * state tensors.
   */
  tell(ctx: EsContext, x: tf.Tensor2D, f: tf.Tensor1D, state: EsState, params: AnyParamValues): EsState;
  /** Per-coordinate σ used by SNR pruning (docs/ALGORITHMS.md §1.5), length d. */
  perParamStd(ctx: EsContext, state: EsState, params: AnyParamValues, mode: SigmaMode): tf.Tensor1D;
}

/**
 * A strategy as its file writes it: the methods see its params typed by its own `paramSpecs` and its state
 * typed as what its own `init` returns (`St`).
 */
export interface StrategyDef<S extends ParamSpecs, St extends EsState> extends Omit<
  Strategy,
  'paramSpecs' | 'init' | 'sampling' | 'tell' | 'perParamStd'
> {
  readonly paramSpecs: S;
  // NoInfer: S comes from `paramSpecs` alone, so shared helpers typed for fewer params (sampling.ts) fit in;
  // St comes from `init` alone.
  init(ctx: EsContext, params: NoInfer<ParamValues<S>>, meanInit: tf.Tensor1D): St;
  sampling(ctx: EsContext, state: NoInfer<St>, params: NoInfer<ParamValues<S>>): SearchDistribution;
  tell(
    ctx: EsContext,
    x: tf.Tensor2D,
    f: tf.Tensor1D,
    state: NoInfer<St>,
    params: NoInfer<ParamValues<S>>,
  ): NoInfer<St>;
  perParamStd(ctx: EsContext, state: NoInfer<St>, params: NoInfer<ParamValues<S>>, mode: SigmaMode): tf.Tensor1D;
}

/**
 * A registry entry from a typed definition: the one place where the registry's loose parameter and state
 * types meet each strategy's typed ones. Sound because a strategy is only ever called with values resolved
 * against its own `paramSpecs` (run-strategy.ts resolveParams) and with a state its own `init` or `tell`
 * made, or a checkpoint checked against a fresh `init` (run-strategy.ts `EsRunner.restore`).
 */
export function defineStrategy<S extends ParamSpecs, St extends EsState>(def: StrategyDef<S, St>): Strategy {
  return def as unknown as Strategy;
}
