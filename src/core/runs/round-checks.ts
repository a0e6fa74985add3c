/**
 * Checks of a saved round's data against its network, shared by every path that reads rounds back — a run
 * bundle (bundle-decode.ts) and a CLI run folder — so a damaged or hand-edited file is refused the same
 * way everywhere instead of turning into wrong numbers (a mask byte 7 counted as "7 weights kept", a NaN
 * mean averaged into a landscape). What is checked:
 *   - mask, mean and σ have the network's length D; the mask holds only 0 and 1;
 *   - the mean is finite everywhere; σ is never negative (NaN is allowed: gradient descent has no σ);
 *   - the metrics agree with the mask: active prunable weights exactly, per-layer sparsity to the
 *     4 decimals a CSV keeps, and the round's sparsity to the rounding of a pruned count (docs/ALGORITHMS.md §3.4);
 *   - rounds of a chain come without gaps: round k is there only if round k − 1 is.
 */
import type { PopulationNet } from '../nets/types';
import { layerSparsity } from '../analysis/mask-stats';

export interface RoundArrays {
  readonly mask: Uint8Array;
  readonly mean: Float32Array;
  readonly std: Float32Array;
}

/** Metrics stored next to the arrays (each optional: a source that does not keep one skips its check). */
export interface RoundMetrics {
  readonly sparsityFrac?: number;
  readonly prunableActive?: number;
  readonly layerSparsity?: readonly number[];
}

export interface RoundProblem {
  readonly field: 'mask' | 'mean' | 'std' | 'sparsityFrac' | 'prunableActive' | 'layerSparsity';
  readonly message: string;
}

/** The first problem of a round's arrays and metrics, or null when they are consistent. */
export function roundProblem(arrays: RoundArrays, net: PopulationNet, metrics: RoundMetrics = {}): RoundProblem | null {
  const d = net.paramCount;
  for (const field of ['mask', 'mean', 'std'] as const)
    if (arrays[field].length !== d)
      return { field, message: `has ${arrays[field].length} entries, the network has D = ${d} parameters` };
  const { mask, mean, std } = arrays;
  for (let i = 0; i < d; i++)
    if (mask[i] > 1) return { field: 'mask', message: `entry ${i} is ${mask[i]} (must be 0 or 1)` };
  for (let i = 0; i < d; i++)
    if (!Number.isFinite(mean[i]))
      return { field: 'mean', message: `entry ${i} is ${mean[i]} (must be a finite number)` };
  for (let i = 0; i < d; i++)
    if (std[i] < 0) return { field: 'std', message: `entry ${i} is ${std[i]} (σ cannot be negative)` };

  let active = 0;
  for (const l of net.layers) for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) active += mask[i];
  if (metrics.prunableActive !== undefined && metrics.prunableActive !== active)
    return {
      field: 'prunableActive',
      message: `says ${metrics.prunableActive} active weights, the mask keeps ${active}`,
    };
  if (metrics.sparsityFrac !== undefined && net.prunableCount > 0) {
    const maskSparsity = 1 - active / net.prunableCount;
    // Pruned counts are rounded per threshold (one global, or one per layer): at most half a weight each.
    const tol = (net.layers.length + 1) / net.prunableCount + 1e-9;
    if (Math.abs(maskSparsity - metrics.sparsityFrac) > tol)
      return {
        field: 'sparsityFrac',
        message: `says ${metrics.sparsityFrac}, the mask's sparsity is ${maskSparsity.toFixed(6)}`,
      };
  }
  if (metrics.layerSparsity !== undefined) {
    const fromMask = layerSparsity(mask, net.layers);
    if (metrics.layerSparsity.length !== fromMask.length)
      return {
        field: 'layerSparsity',
        message: `has ${metrics.layerSparsity.length} entries, the network has ${fromMask.length} layers`,
      };
    for (let l = 0; l < fromMask.length; l++)
      if (!(Math.abs(metrics.layerSparsity[l] - fromMask[l].sparsityFrac) <= 1e-4))
        return {
          field: 'layerSparsity',
          message: `layer ${l} says ${metrics.layerSparsity[l]}, its mask gives ${fromMask[l].sparsityFrac.toFixed(4)}`,
        };
  }
  return null;
}

/** A round listed without its chain's previous round ("seed 0 snr round 3 without round 2"), or null. */
export function roundWithoutPredecessor(
  keys: readonly { readonly seed: number; readonly method: string; readonly roundNum: number }[],
): string | null {
  const have = new Set(keys.map((k) => `${k.seed}|${k.method}|${k.roundNum}`));
  for (const k of keys)
    if (k.roundNum > 1 && !have.has(`${k.seed}|${k.method}|${k.roundNum - 1}`))
      return `seed ${k.seed} ${k.method} round ${k.roundNum} is there without round ${k.roundNum - 1}`;
  return null;
}
