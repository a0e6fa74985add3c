/**
 * Score → mask rule of ES-IMP (paper §2; docs/ALGORITHMS.md §3.3–3.4).
 *
 * es-lottery takes τ = numpy.percentile(q, 100·s) over all prunable entries pooled across layers
 * (already-pruned entries included, scoring 0) and keeps q ≥ τ. The lab rule (docs/ALGORITHMS.md §3.4 [U],
 * recommended) prunes exactly n = round(s·N_prunable) lowest-scoring entries, ties broken by flat index,
 * so every method hits the target sparsity exactly; it agrees with the percentile rule up to ±1 entry.
 * τ is still computed the numpy way and returned for the threshold trace (docs/ALGORITHMS.md §8.3).
 */
import type { LayerSpec } from '../nets/types';
import { prunableLayers } from './layout';
import { prunedCountAt } from './schedule';

export type PruneScope = 'global' | 'layerwise';

export interface MaskFromScoresResult {
  /** New mask (full length D); biases and excluded layers copied unchanged from the input mask. */
  readonly mask: Uint8Array;
  /** numpy-style percentile τ of the pooled prunable scores at 100·s (docs/ALGORITHMS.md §3.4), for the trace. */
  readonly threshold: number;
  /** Per prunable layer (in layer order): that layer's own percentile τ_ℓ (the rule used in 'layerwise' scope). */
  readonly layerThresholds: readonly { readonly name: string; readonly threshold: number }[];
}

/**
 * Score of a prunable entry as the rule sees it: already-pruned entries score 0 (docs/ALGORITHMS.md §3.3), and a NaN
 * (e.g. 0/0 in an SNR) counts as 0 so it is pruned first rather than poisoning the sort.
 */
function effectiveScore(scores: Float32Array, mask: Uint8Array, i: number): number {
  const q = scores[i];
  return mask[i] === 0 || Number.isNaN(q) ? 0 : q;
}

/** numpy.percentile(values, 100·fraction) with the default linear interpolation. */
export function percentileLinear(values: ArrayLike<number>, fraction: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const h = (n - 1) * fraction;
  const lo = Math.floor(h),
    hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Prunes the `n` lowest entries of `indices` in `out` (others set to 1). Order: already-pruned entries
 * first (key −∞, so masks stay nested even when live entries also score exactly 0), then ascending
 * score, then ascending flat index (deterministic ties). Implemented as a native numeric sort of the
 * keys to find the cut value, then one pass in index order: no JS comparator, ~3× faster than sorting
 * indices with one (measured: 270k params 140 ms, 1.9M params ~1.1 s per call incl. the percentiles).
 */
function pruneLowest(indices: Int32Array, scores: Float32Array, mask: Uint8Array, n: number, out: Uint8Array): void {
  const ascending = Int32Array.from(indices).sort();
  const keys = new Float64Array(ascending.length);
  for (let k = 0; k < ascending.length; k++) {
    const i = ascending[k];
    keys[k] = mask[i] === 0 ? -Infinity : effectiveScore(scores, mask, i);
  }
  if (n <= 0) {
    for (const i of ascending) out[i] = 1;
    return;
  }
  const cut = Float64Array.from(keys).sort()[Math.min(n, keys.length) - 1];
  let below = 0;
  for (let k = 0; k < keys.length; k++) if (keys[k] < cut) below++;
  let tiesToPrune = n - below; // entries with key === cut pruned in ascending index order
  for (let k = 0; k < ascending.length; k++) {
    const key = keys[k];
    const prune = key < cut || (key === cut && tiesToPrune-- > 0);
    out[ascending[k]] = prune ? 0 : 1;
  }
}

function kernelIndices(l: LayerSpec): Int32Array {
  const idx = new Int32Array(l.kernelSize);
  for (let i = 0; i < l.kernelSize; i++) idx[i] = l.kernelOffset + i;
  return idx;
}

function scoresAt(indices: Int32Array, scores: Float32Array, mask: Uint8Array): Float64Array {
  const q = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) q[k] = effectiveScore(scores, mask, indices[k]);
  return q;
}

/**
 * Next mask from per-entry scores (higher = keep).
 * @param scores full-length scores; only prunable entries are read.
 * @param mask the mask the scores were computed under (its zeros score 0).
 * @param layers the network's layer layout.
 * @param targetSparsity fraction of prunable entries to prune, e.g. sparsityOfRound(k + 1, keep).
 * @param scope 'global' pools all prunable layers (the paper's rule); 'layerwise' prunes round(s·N_ℓ) per layer.
 * @param exclude names of layers whose kernels are never pruned (PPO critic; empty for the paper's ES runs).
 */
export function maskFromScores(
  scores: Float32Array,
  mask: Uint8Array,
  layers: readonly LayerSpec[],
  targetSparsity: number,
  scope: PruneScope = 'global',
  exclude: readonly string[] = [],
): MaskFromScoresResult {
  if (scores.length !== mask.length)
    throw new Error(`maskFromScores: scores length ${scores.length} ≠ mask length ${mask.length}`);
  const out = Uint8Array.from(mask);
  const ls = prunableLayers(layers, exclude);
  const perLayer = ls.map((l) => ({ l, idx: kernelIndices(l) }));
  const pooled = new Int32Array(perLayer.reduce((n, p) => n + p.idx.length, 0));
  let k = 0;
  for (const p of perLayer) {
    pooled.set(p.idx, k);
    k += p.idx.length;
  }

  if (scope === 'global') {
    pruneLowest(pooled, scores, mask, prunedCountAt(targetSparsity, pooled.length), out);
  } else {
    for (const p of perLayer) pruneLowest(p.idx, scores, mask, prunedCountAt(targetSparsity, p.idx.length), out);
  }
  return {
    mask: out,
    threshold: percentileLinear(scoresAt(pooled, scores, mask), targetSparsity),
    layerThresholds: perLayer.map((p) => ({
      name: p.l.name,
      threshold: percentileLinear(scoresAt(p.idx, scores, mask), targetSparsity),
    })),
  };
}
