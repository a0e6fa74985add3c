/**
 * Host-memory population MLP forward (a speed path for the wasm/cpu backends, not a paper algorithm): the same function
 * as mlp.ts's `forward` (docs/ALGORITHMS.md §9.1/§9.2 dense layers) up to float rounding, without
 * autodiff, for backends whose tensors live in host memory (tfjs-wasm, cpu).
 *
 * - The first layer is ONE shared-input tfjs matMul W1ᵀ[R, in] × xᵀ[in, B]. On tfjs-wasm (XNNPACK) this
 *   orientation runs ~2× faster than x[B, in] × W1[in, R] (measured 27 vs 13 GFLOP/s at R = 2048,
 *   in = 196, B = 256), and its [R, B] output gives each member contiguous rows for the loops below.
 * - Antithetic populations (rows c ± ε_k, docs/ALGORITHMS.md §1.2): the first layer is linear before its nonlinearity,
 *   so x·(c ± ε_k) = x·c ± x·ε_k — one product for the centre and P/2 for the noise halve its FLOPs.
 *   Used only when the caller declares the layout AND every pair's midpoint equals the common centre to
 *   float32 rounding (checked here); otherwise the plain product. Biases and later layers always use
 *   each member's own row, so pruned (zero) weights stay exactly zero.
 * - Later layers, activations and the output transpose are JS loops (per-member ops cost more in tfjs
 *   dispatch and wasm slice copies than their arithmetic); zero (pruned) weights are skipped.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from './dense-ops';
import type { LayerSpec, PopulationLayout } from './types';
import { readFloat32 } from './tensor-util';
import { memberActivations, pairActivations, transposeBatch, writeMemberOutputs } from './host-loops';
import { denseColumns } from './host-dense';
import { ForwardArena } from './wasm/host-forward-kernels';
import { arenaPairRows, forwardRegions } from './host-mlp-arena';

/** Reused host buffers: fresh multi-MB typed arrays cost ~1 ms each on Node (page faults, zeroing). */
class Scratch {
  private readonly bufs = new Map<string, Float32Array | Float64Array>();
  f32(name: string, size: number): Float32Array {
    const b = this.bufs.get(name);
    if (b instanceof Float32Array && b.length === size) return b;
    const n = new Float32Array(size);
    this.bufs.set(name, n);
    return n;
  }
  f64(name: string, size: number): Float64Array {
    const b = this.bufs.get(name);
    if (b instanceof Float64Array && b.length >= size) return b;
    const n = new Float64Array(size);
    this.bufs.set(name, n);
    return n;
  }
}

/**
 * Midpoint tolerance, relative to |a| + |b| of both pairs compared: 16× the float32 rounding bound of
 * the midpoint of fl(c + s), fl(c − s) (2⁻²⁵ of |a| + |b|), so exact antithetic pairs always pass.
 */
const PAIR_MIDPOINT_TOL = 2 ** -21;

/** First-layer kernel rows for the matMul: [rows, in], and how member outputs are read from its result. */
export interface FirstLayerRows {
  readonly rows: Float32Array;
  readonly count: number;
  /**
   * null: row block p·N… is member p. Otherwise row block 0 is the centre and block 1 + k the ε_k of the
   * k-th listed pair (plus[k], minus[k]).
   */
  readonly pairs: { readonly plus: Int32Array; readonly minus: Int32Array } | null;
}

/** Member indices (plus, minus) of each antithetic pair in a population of `members` rows. */
export function pairMembers(
  layout: 'interleaved' | 'blocked',
  members: number,
): { plus: Int32Array; minus: Int32Array } {
  const half = members / 2;
  const plus = Int32Array.from({ length: half }, (_, k) => (layout === 'interleaved' ? 2 * k : k));
  const minus = Int32Array.from({ length: half }, (_, k) => (layout === 'interleaved' ? 2 * k + 1 : k + half));
  return { plus, minus };
}

/** Plain rows: member p's kernel transposed into rows p·N … p·N + N − 1. */
function plainRows(
  params: Float32Array,
  members: number,
  dim: number,
  layer: LayerSpec,
  scratch: Scratch,
): FirstLayerRows {
  const [nIn, nOut] = layer.kernelShape;
  const rows = scratch.f32('plainRows', members * nOut * nIn);
  for (let p = 0; p < members; p++) {
    const src = p * dim + layer.kernelOffset;
    for (let n = 0; n < nOut; n++) {
      const o = (p * nOut + n) * nIn;
      for (let i = 0; i < nIn; i++) rows[o + i] = params[src + i * nOut + n];
    }
  }
  return { rows, count: members * nOut, pairs: null };
}

/**
 * Centre + half-differences rows for an antithetic population, or null when some pair's midpoint is not
 * the common centre (then the population is not c ± ε_k and the plain product must be used). The first
 * `centreOnlyPairs` pairs still define the centre and are checked, but get no rows of their own, and
 * `pairs` lists only the remaining ones (their members' outputs are left uncomputed).
 */
export function pairRows(
  params: Float32Array,
  members: number,
  dim: number,
  layer: LayerSpec,
  layout: 'interleaved' | 'blocked',
  scratch = new Scratch(),
  centreOnlyPairs = 0,
): FirstLayerRows | null {
  if (members < 2 || members % 2 !== 0) return null;
  const [nIn, nOut] = layer.kernelShape;
  const { plus, minus } = pairMembers(layout, members);
  const half = members / 2,
    size = nIn * nOut,
    skip = Math.min(centreOnlyPairs, half);
  const rows = scratch.f32('pairRows', (half + 1 - skip) * nOut * nIn);
  // Centre = midpoint of pair 0; every other pair's midpoint must match it to rounding.
  const centre = scratch.f64('centre', size),
    scale0 = scratch.f64('scale0', size);
  for (let k = 0; k < half; k++) {
    const a0 = plus[k] * dim + layer.kernelOffset,
      b0 = minus[k] * dim + layer.kernelOffset;
    for (let i = 0; i < nIn; i++) {
      for (let n = 0; n < nOut; n++) {
        const j = i * nOut + n,
          a = params[a0 + j],
          b = params[b0 + j],
          mid = 0.5 * (a + b);
        if (k === 0) {
          centre[j] = mid;
          scale0[j] = Math.abs(a) + Math.abs(b);
        } else if (Math.abs(mid - centre[j]) > PAIR_MIDPOINT_TOL * (Math.abs(a) + Math.abs(b) + scale0[j])) return null;
        if (k >= skip) rows[((1 + k - skip) * nOut + n) * nIn + i] = 0.5 * (a - b);
      }
    }
  }
  for (let i = 0; i < nIn; i++) for (let n = 0; n < nOut; n++) rows[n * nIn + i] = centre[i * nOut + n];
  return { rows, count: (half + 1 - skip) * nOut, pairs: { plus: plus.subarray(skip), minus: minus.subarray(skip) } };
}

/**
 * Population forward on host arrays: params [P, D] (row-major), x [B, in] → [P, B, out], in a buffer the
 * forward reuses: valid until its next call (fresh MB-sized arrays cost ~3 ms each here in page faults).
 */
export type HostForward = ((
  params: Float32Array,
  members: number,
  x: Float32Array,
  batch: number,
  layout?: PopulationLayout,
  centreOnlyPairs?: number,
) => Float32Array) & {
  /** Where the caller may put the next call's params so that the forward reads them in place (nets/types.ts). */
  paramsBuffer?(length: number): Float32Array;
};

/**
 * The host forward of an MLP whose layers are `layers` (the first dense) with activations `acts`; it keeps
 * its scratch buffers between calls (one per network instance, so they are freed with it).
 */
export function hostMlpForward(layers: readonly LayerSpec[], acts: readonly Activation[]): HostForward {
  const scratch = new Scratch();
  const first = layers[0];
  const [nIn, nOut] = first.kernelShape;
  const widest = Math.max(...layers.map((l) => l.kernelShape[1]));
  const nOutLast = layers[layers.length - 1].kernelShape[1];
  // Where wasm SIMD exists the first layer's rows and activations and the later dense layers run as wasm
  // kernels on this forward's own arena (the same bits as the JS loops; nets/wasm/host-forward-kernels.ts).
  const arena = ForwardArena.create();
  const laterWeights = Math.max(
    0,
    ...layers.slice(1).map((l) => l.kernelShape[0] * l.kernelShape[1] + l.kernelShape[1]),
  );
  const forward: HostForward = (input, members, x, batch, layout = 'none', centreOnlyPairs = 0) => {
    const dim = input.length / members;
    if (!Number.isInteger(dim) || x.length !== batch * nIn)
      throw new Error(
        `hostMlpForward: params [${members}, ${dim}] / x [${batch}, ${x.length / batch}] do not fit ${nIn} inputs`,
      );
    // In the arena every kernel reads and writes in place (host-mlp-arena.ts); otherwise JS scratch.
    const r = arena
      ? forwardRegions(arena, { members, batch, nIn, nOut, activations: widest * batch, laterWeights, nOutLast }, input)
      : null;
    const params = r ? r.params : input;
    const pairs =
      layout === 'none'
        ? null
        : r && arena
          ? arenaPairRows(arena, r, members, dim, first, layout, centreOnlyPairs, PAIR_MIDPOINT_TOL)
          : pairRows(params, members, dim, first, layout, scratch, centreOnlyPairs);
    const w = pairs ?? plainRows(params, members, dim, first, scratch);
    const xt = transposeBatch(x, batch, nIn, scratch.f32('xt', nIn * batch));
    const y = tf.tidy(() => tf.matMul(tf.tensor2d(w.rows, [w.count, nIn]), tf.tensor2d(xt, [nIn, batch])));
    const size = widest * batch;
    const [h0, h1, h2] = r ? r.h : [scratch.f64('h0', size), scratch.f64('h1', size), scratch.f64('h2', size)];
    const ys = readFloat32(y, r ? r.y.subarray(0, w.count * batch) : scratch.f32('y', w.count * batch));
    y.dispose();
    const out = r ? r.out : scratch.f32('out', members * batch * nOutLast);
    // The arena's kernels for the later layers and the first layer's activations (same bits as the JS loops).
    const dense = r && arena ? { arena, weights: r.weights } : undefined,
      pairWasm = r && arena ? { arena, biases: r.biases } : undefined;
    // Layers 1… of member p from its first-layer activations in `h` (overwrites h and `spare`).
    const rest = (p: number, h: Float64Array, spare: Float64Array): void => {
      let cur = h,
        nxt = spare;
      for (let l = 1; l < layers.length; l++) {
        denseColumns(cur, batch, params, p * dim, layers[l], acts[l], nxt, dense);
        [cur, nxt] = [nxt, cur];
      }
      writeMemberOutputs(cur, nOutLast, batch, out, p);
    };
    if (w.pairs) {
      const { plus, minus } = w.pairs;
      // Members of centre-only pairs get zero outputs (deterministic, and never read as a score).
      if (plus.length < members / 2) out.fill(0);
      for (let k = 0; k < plus.length; k++) {
        const [bp, bm] = [plus[k] * dim + first.biasOffset, minus[k] * dim + first.biasOffset];
        pairActivations(ys, 1 + k, nOut, batch, params, bp, bm, acts[0], h0, h2, pairWasm);
        rest(plus[k], h0, h1);
        rest(minus[k], h2, h1);
      }
    } else {
      for (let p = 0; p < members; p++) {
        memberActivations(ys, p, nOut, batch, params, p * dim + first.biasOffset, acts[0], h0, pairWasm);
        rest(p, h0, h1);
      }
    }
    return out;
  };
  // The params region at the arena's base: forwardRegions then uses it in place (no second copy).
  if (arena)
    forward.paramsBuffer = (length) => {
      arena.reserve(arena.base + 4 * length);
      return arena.f32(arena.base, length);
    };
  return forward;
}
