/**
 * Small helpers shared by the strategy files (docs/ALGORITHMS.md §1.2 sampling layouts, §2 updates):
 * antithetic noise layouts, rank → row weight scattering (the weighted row sums themselves live in
 * row-sums.ts), and param-spec fragments used by several strategies.
 */
import * as tf from '@tensorflow/tfjs-core';
import { num, type ParamValues } from '../params';
import { hostView } from './host-block';
import { mirroredPopulationWasm, mirroredRows, noiseRows, sampleAroundHost } from './noise';
import { aroundPopulation } from './around-rows';
import type { EsContext, Strategy } from './types';

/** Throws a clear error when an antithetic strategy gets an odd population (docs/ALGORITHMS.md §1.2). */
export function requireEvenPop(strategyId: string, ctx: EsContext): void {
  if (ctx.popSize % 2 !== 0 || ctx.popSize < 2) {
    throw new Error(`${strategyId}: antithetic sampling needs an even popSize ≥ 2, got ${ctx.popSize}`);
  }
}

/**
 * Unit noise z [P, d] in the strategy's row layout (docs/ALGORITHMS.md §1.2) from the table windows at
 * `offsets` (noise.ts drawPopulationOffsets): 'interleaved' rows 2k/2k+1 = ±z_k, 'blocked' rows
 * k / k+P/2 = ±z_k, 'none' P independent rows.
 */
export function unitNoise(layout: Strategy['antithetic'], offsets: Int32Array, ctx: EsContext): tf.Tensor2D {
  return layout === 'none' ? noiseRows(offsets, ctx.dim) : mirroredRows(offsets, ctx.dim, layout);
}

/** Scatters rank weights (rank 0 = best) onto rows: out[order[r]] = wByRank[r]. */
export function rankWeightsToRows(order: Int32Array, wByRank: ArrayLike<number>): Float64Array {
  const out = new Float64Array(order.length);
  for (let r = 0; r < order.length; r++) out[order[r]] = r < wByRank.length ? wByRank[r] : 0;
  return out;
}

/** Numerically stable softmax of a host vector. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  const e = Float64Array.from(logits, (v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Host copy of a small tensor's values (fitness vectors, P entries). */
export function hostValues(t: tf.Tensor): Float32Array {
  return Float32Array.from(t.dataSync() as Float32Array);
}

/** σ schedule specs shared by PGPE, OpenES and ARS (evosax 0.1.4 constructor kwargs). */
export function sigmaScheduleSpecs(sigmaInit: number) {
  return {
    sigma_init: num(sigmaInit, 1e-4, 10, 1e-4, 'σ₀', 'Initial search std.', { log: true }),
    sigma_decay: num(1.0, 0.9, 1, 1e-4, 'σ decay', 'Per-generation multiplicative σ decay (1 = none).'),
    sigma_limit: num(0.01, 0, 1, 1e-4, 'σ floor', 'σ never decays below this value.'),
  };
}

/** The σ schedule's parameter values. */
export type SigmaScheduleParams = ParamValues<ReturnType<typeof sigmaScheduleSpecs>>;

/** x = m + scale ⊙ z (scale a scalar σ or a per-coordinate vector); takes ownership of `z`. */
export function sampleAround(mean: tf.Tensor1D, scale: number | tf.Tensor, z: tf.Tensor2D): tf.Tensor2D {
  const x = tf.tidy(() => tf.add(mean, tf.mul(scale, z)) as tf.Tensor2D);
  z.dispose();
  return x;
}

/** The scale of a search distribution as a float32 vector of length `dim` (a scalar σ repeated as float32). */
export function scaleVector(scale: number | tf.Tensor1D, dim: number): Float32Array | null {
  return typeof scale === 'number' ? new Float32Array(dim).fill(Math.fround(scale)) : hostView(scale);
}

/**
 * The population x = m + scale ⊙ z with unit noise z in `layout` (docs/ALGORITHMS.md §1.2) from the
 * table windows at `offsets`. On tfjs-cpu it is built in one host pass (noise.ts sampleAroundHost,
 * bit-identical); on wasm antithetic rows come from one kernel pass per pair (around-rows.ts); elsewhere
 * the noise block is made first and the two elementwise ops run on the backend.
 */
export function samplePopulation(
  mean: tf.Tensor1D,
  scale: number | tf.Tensor1D,
  layout: Strategy['antithetic'],
  offsets: Int32Array,
  ctx: EsContext,
): tf.Tensor2D {
  if (tf.getBackend() === 'cpu') {
    const mv = hostView(mean);
    const sv = scaleVector(scale, ctx.dim);
    if (mv && sv) return sampleAroundHost(offsets, ctx.popSize, ctx.dim, layout, mv, sv);
  }
  if (tf.getBackend() === 'wasm' && layout !== 'none')
    return (
      aroundPopulation(mean, scale, offsets, ctx.dim, layout) ??
      mirroredPopulationWasm(mean, scale, offsets, ctx.dim, layout)
    );
  return sampleAround(mean, scale, unitNoise(layout, offsets, ctx));
}
