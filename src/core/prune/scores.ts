/**
 * Pruning scores q_i (paper §2; docs/ALGORITHMS.md §3.3 and §1.5).
 *  - magnitude ("final-ticket"): q_i = |μ_i| of the final ES mean;
 *  - SNR ("sig2noise"):          q_i = |μ_i| / σ_i, σ from strategy.perParamStd (Sep-CMA-ES: C_ii, D2).
 * Entries pruned before score 0: μ_i = 0 there and σ_i = 1e20 (docs/ALGORITHMS.md §1.5); we also zero them explicitly
 * so a caller that forgot the 1e20 fill cannot resurrect a pruned weight.
 */
import type { PruneContext } from './types';
import { maskFromScores, type MaskFromScoresResult } from './threshold';

/** |μ| at active entries, 0 at pruned ones. */
export function magnitudeScores(mean: Float32Array, mask: Uint8Array): Float32Array {
  const q = new Float32Array(mean.length);
  for (let i = 0; i < mean.length; i++) q[i] = mask[i] ? Math.abs(mean[i]) : 0;
  return q;
}

/** |μ|/σ at active entries (σ = 0 gives +∞: a coordinate with no noise is maximally certain), 0 at pruned ones. */
export function snrScores(mean: Float32Array, std: Float32Array, mask: Uint8Array): Float32Array {
  if (std.length !== mean.length) throw new Error(`snrScores: std length ${std.length} ≠ mean length ${mean.length}`);
  const q = new Float32Array(mean.length);
  for (let i = 0; i < mean.length; i++) {
    if (!mask[i]) continue;
    const m = Math.abs(mean[i]);
    q[i] = std[i] > 0 ? m / std[i] : m > 0 ? Infinity : 0;
  }
  return q;
}

/** Checks that every array in a prune context has the network's length D. */
export function checkContext(ctx: PruneContext): void {
  const D = ctx.paramCount;
  const arrays: [string, { length: number }][] = [
    ['mask', ctx.mask],
    ['mean', ctx.mean],
    ['std', ctx.std],
    ['theta0', ctx.theta0],
  ];
  for (const [name, a] of arrays) {
    if (a.length !== D) throw new Error(`prune context: ${name} has length ${a.length}, expected paramCount ${D}`);
  }
  if (!(ctx.targetSparsity >= 0 && ctx.targetSparsity <= 1))
    throw new Error(`targetSparsity must be in [0, 1], got ${ctx.targetSparsity}`);
}

/** The mask a score vector gives under the context's target sparsity, scope and exclusions. */
export function maskForScores(ctx: PruneContext, scores: Float32Array): MaskFromScoresResult {
  checkContext(ctx);
  return maskFromScores(scores, ctx.mask, ctx.layers, ctx.targetSparsity, ctx.scope, ctx.exclude ?? []);
}

/** The global magnitude mask of the context's trained mean: the basis every §3.7 baseline perturbs. */
export function magnitudeMask(ctx: PruneContext): MaskFromScoresResult {
  return maskForScores(ctx, magnitudeScores(ctx.mean, ctx.mask));
}
