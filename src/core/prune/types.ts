/**
 * Pruning is mask → mask (docs/ARCHITECTURE.md convention 5; docs/ALGORITHMS.md §3). A pruning method turns the
 * end-of-round state of a chain into the next round's mask and starting weights. Masks cover the whole
 * parameter vector (length D, 1 = active); bias entries are always 1.
 */
import type { ParamSpecs, AnyParamValues } from '../params';
import type { Rng } from '../rng';
import type { LayerSpec } from '../nets/types';

export interface PruneContext {
  readonly layers: readonly LayerSpec[];
  readonly paramCount: number;
  /** Mask the round was trained with. */
  readonly mask: Uint8Array;
  /** Final ES mean of the round, full length D, exactly 0 at pruned entries. */
  readonly mean: Float32Array;
  /** Per-parameter σ (strategy.perParamStd), full length D; pruned entries hold 1e20 (docs/ALGORITHMS.md §1.5). */
  readonly std: Float32Array;
  /** The chain's initial parameters θ0 (rewind target, docs/ALGORITHMS.md §3.6). */
  readonly theta0: Float32Array;
  /** Target sparsity of the next round over prunable entries: 1 − keep^k (docs/ALGORITHMS.md §3.2). */
  readonly targetSparsity: number;
  /** Global (layer-pooled, the paper's) or per-layer threshold. */
  readonly scope: 'global' | 'layerwise';
  /** Names of layers whose kernels are never pruned (docs/ALGORITHMS.md §3.5: empty for ES; the PPO critic). Default []. */
  readonly exclude?: readonly string[];
  readonly rng: Rng;
  /** Fresh network initialisation, for the reinit baselines. */
  readonly reinit: (rng: Rng) => Float32Array;
}

export interface PruneResult {
  readonly mask: Uint8Array;
  /** Starting weights of the next round (full length D; entries outside the mask are zeroed by the caller). */
  readonly init: Float32Array;
  /** Pruning threshold τ of the score the mask came from (docs/ALGORITHMS.md §3.4, for the §8.3 threshold trace); NaN if none. */
  readonly threshold: number;
}

export interface PruneMethod {
  readonly id: string;
  readonly label: string;
  readonly help: string;
  /** 'criterion' = the paper's IMP chains (magnitude, SNR); 'baseline' = control chains (docs/ALGORITHMS.md §3.7). */
  readonly kind: 'criterion' | 'baseline';
  /** True if the method needs σ (SNR); the IMP loop refuses it for strategies without per-parameter σ. */
  readonly needsStd: boolean;
  /** True if the method's masks are nested across rounds (M_{k+1} ⊆ M_k); false for the random/permuted masks. */
  readonly nested: boolean;
  readonly paramSpecs: ParamSpecs;
  next(ctx: PruneContext, params: AnyParamValues): PruneResult;
}
