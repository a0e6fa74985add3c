/**
 * The dense layers after the first of the host population forward (host-mlp.ts speed path), as JS
 * loops on column-major activations h [n, B] (one member at a time, contiguous over the batch).
 * Accumulated in float64, so they match the float32 tfjs ops (docs/ALGORITHMS.md §9 dense layers) up to
 * float32 rounding.
 */
import type { Activation } from './dense-ops';
import type { LayerSpec } from './types';
import { applyAct } from './host-loops';
import type { ForwardArena } from './wasm/host-forward-kernels';

/**
 * Run a layer by the forward arena's wasm kernel instead (nets/wasm/host-forward-kernels.ts): `h` and `out`
 * are then float64 views of `arena`, and `weights` a float32 view of it that receives the member's kernel
 * and bias first.
 */
export interface ArenaLayer {
  readonly arena: ForwardArena;
  readonly weights: Float32Array;
}

/**
 * One dense layer for one member: h [nIn, B] → out [nOut, B], out[m, b] = act(bias[m] + Σ_n W[n, m]·h[n, b]),
 * W and bias read from the member's params row at `rowStart`. Groups of four input rows per pass over the
 * batch (2.8× faster than one in V8: fewer loads and stores of out), two outputs per pass, which share
 * those loads (another ~1.4×), and two groups per pass where neither output has a pruned (all-zero) group
 * among them (~10 % faster again); all-zero groups are skipped. Every output sums the same terms in the
 * same order whichever way it is computed: bias, then each group of four in turn. With `wasm`, the arena's
 * kernel computes the same.
 */
export function denseColumns(
  h: Float64Array,
  batch: number,
  params: Float32Array,
  rowStart: number,
  layer: LayerSpec,
  act: Activation,
  out: Float64Array,
  wasm?: ArenaLayer,
): void {
  const [nIn, nOut] = layer.kernelShape;
  const k0 = rowStart + layer.kernelOffset,
    b0 = rowStart + layer.biasOffset;
  if (wasm) {
    // The arena's kernel: the same operations in the same order, so the same bits.
    wasm.weights.set(params.subarray(k0, k0 + nIn * nOut));
    wasm.weights.set(params.subarray(b0, b0 + nOut), nIn * nOut);
    wasm.arena.dense(h, out, wasm.weights, nIn, nOut, batch);
    applyAct(out, 0, nOut * batch, act);
    return;
  }
  for (let m = 0; m < nOut; m++) out.fill(params[b0 + m], m * batch, (m + 1) * batch);
  let m = 0;
  for (; m + 1 < nOut; m += 2) {
    const oa = m * batch,
      oc = oa + batch;
    let n = 0;
    for (; n + 7 < nIn; n += 8) {
      const w = k0 + n * nOut + m;
      if (!twoGroupsTwoOutputs(out, oa, h, n * batch, batch, params, w, nOut)) {
        oneGroupTwoOutputs(out, oa, h, n * batch, batch, params, w, nOut);
        oneGroupTwoOutputs(out, oa, h, (n + 4) * batch, batch, params, w + 4 * nOut, nOut);
      }
    }
    for (; n + 3 < nIn; n += 4) oneGroupTwoOutputs(out, oa, h, n * batch, batch, params, k0 + n * nOut + m, nOut);
    for (; n < nIn; n++) {
      addOne(out, oa, h, n * batch, batch, params[k0 + n * nOut + m]);
      addOne(out, oc, h, n * batch, batch, params[k0 + n * nOut + m + 1]);
    }
  }
  for (; m < nOut; m++) {
    let n = 0;
    for (; n + 3 < nIn; n += 4) {
      const w = k0 + n * nOut + m;
      const w0 = params[w],
        w1 = params[w + nOut],
        w2 = params[w + 2 * nOut],
        w3 = params[w + 3 * nOut];
      if (w0 !== 0 || w1 !== 0 || w2 !== 0 || w3 !== 0) addGroup(out, m * batch, h, n * batch, batch, w0, w1, w2, w3);
    }
    for (; n < nIn; n++) addOne(out, m * batch, h, n * batch, batch, params[k0 + n * nOut + m]);
  }
  applyAct(out, 0, nOut * batch, act);
}

/**
 * Input rows i0/B … i0/B + 3 into outputs o/B and o/B + 1 (the kernel's two columns at `w`, rows `nOut`
 * apart): both in one pass over the batch, or separately when one output's four weights are all zero.
 */
function oneGroupTwoOutputs(
  out: Float64Array,
  o: number,
  h: Float64Array,
  i0: number,
  batch: number,
  params: Float32Array,
  w: number,
  nOut: number,
): void {
  const a0 = params[w],
    a1 = params[w + nOut],
    a2 = params[w + 2 * nOut],
    a3 = params[w + 3 * nOut];
  const c0 = params[w + 1],
    c1 = params[w + 1 + nOut],
    c2 = params[w + 1 + 2 * nOut],
    c3 = params[w + 1 + 3 * nOut];
  const aZero = a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0,
    cZero = c0 === 0 && c1 === 0 && c2 === 0 && c3 === 0;
  const oc = o + batch;
  if (aZero || cZero) {
    if (!aZero) addGroup(out, o, h, i0, batch, a0, a1, a2, a3);
    if (!cZero) addGroup(out, oc, h, i0, batch, c0, c1, c2, c3);
    return;
  }
  const i1 = i0 + batch,
    i2 = i1 + batch,
    i3 = i2 + batch;
  for (let b = 0; b < batch; b++) {
    const x0 = h[i0 + b],
      x1 = h[i1 + b],
      x2 = h[i2 + b],
      x3 = h[i3 + b];
    out[o + b] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
    out[oc + b] += c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3;
  }
}

/**
 * Two groups of four input rows (i0/B …) into two outputs in ONE pass — each output still adds its
 * first group's sum, then its second's, exactly as two `oneGroupTwoOutputs` calls would — when none of
 * the four (output, group) weight quadruples is all zero; false (nothing done) otherwise.
 */
function twoGroupsTwoOutputs(
  out: Float64Array,
  o: number,
  h: Float64Array,
  i0: number,
  batch: number,
  params: Float32Array,
  w: number,
  nOut: number,
): boolean {
  const a0 = params[w],
    a1 = params[w + nOut],
    a2 = params[w + 2 * nOut],
    a3 = params[w + 3 * nOut],
    a4 = params[w + 4 * nOut],
    a5 = params[w + 5 * nOut],
    a6 = params[w + 6 * nOut],
    a7 = params[w + 7 * nOut];
  const c0 = params[w + 1],
    c1 = params[w + 1 + nOut],
    c2 = params[w + 1 + 2 * nOut],
    c3 = params[w + 1 + 3 * nOut],
    c4 = params[w + 1 + 4 * nOut],
    c5 = params[w + 1 + 5 * nOut],
    c6 = params[w + 1 + 6 * nOut],
    c7 = params[w + 1 + 7 * nOut];
  if (
    (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) ||
    (a4 === 0 && a5 === 0 && a6 === 0 && a7 === 0) ||
    (c0 === 0 && c1 === 0 && c2 === 0 && c3 === 0) ||
    (c4 === 0 && c5 === 0 && c6 === 0 && c7 === 0)
  )
    return false;
  const oc = o + batch;
  for (let b = 0, i = i0; b < batch; b++, i++) {
    const x0 = h[i],
      x1 = h[i + batch],
      x2 = h[i + 2 * batch],
      x3 = h[i + 3 * batch],
      x4 = h[i + 4 * batch],
      x5 = h[i + 5 * batch],
      x6 = h[i + 6 * batch],
      x7 = h[i + 7 * batch];
    out[o + b] = out[o + b] + (a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3) + (a4 * x4 + a5 * x5 + a6 * x6 + a7 * x7);
    out[oc + b] = out[oc + b] + (c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3) + (c4 * x4 + c5 * x5 + c6 * x6 + c7 * x7);
  }
  return true;
}

/** out[o + b] += w0·h[i + b] + w1·h[i + B + b] + w2·h[i + 2B + b] + w3·h[i + 3B + b] over the batch. */
function addGroup(
  out: Float64Array,
  o: number,
  h: Float64Array,
  i0: number,
  batch: number,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
): void {
  const i1 = i0 + batch,
    i2 = i1 + batch,
    i3 = i2 + batch;
  for (let b = 0; b < batch; b++) out[o + b] += w0 * h[i0 + b] + w1 * h[i1 + b] + w2 * h[i2 + b] + w3 * h[i3 + b];
}

/** out[o + b] += w·h[i + b] over the batch; nothing for a pruned (zero) weight. */
function addOne(out: Float64Array, o: number, h: Float64Array, i: number, batch: number, w: number): void {
  if (w === 0) return;
  for (let b = 0; b < batch; b++) out[o + b] += w * h[i + b];
}
