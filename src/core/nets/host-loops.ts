/**
 * JS loops of the host population forward (host-mlp.ts speed path): dense layers on
 * column-major activations h [n, B] (one member at a time, contiguous over the batch), activations,
 * and layout changes. Values are accumulated in float64, so they match the float32 tfjs ops (
 * docs/ALGORITHMS.md §9 dense layers) up to float32 rounding.
 */
import type { Activation } from './dense-ops';
import type { LayerSpec } from './types';

/** In-place activation of v[from, to). `v < 0 ? 0 : v` keeps NaN (a diverged member must score NaN). */
export function applyAct(v: Float64Array, from: number, to: number, act: Activation): void {
  if (act === 'relu') for (let i = from; i < to; i++) v[i] = v[i] < 0 ? 0 : v[i];
  else if (act === 'tanh') for (let i = from; i < to; i++) v[i] = Math.tanh(v[i]);
}

/**
 * One dense layer for one member: h [nIn, B] → out [nOut, B], out[m, b] = act(bias[m] + Σ_n W[n, m]·h[n, b]),
 * W and bias read from the member's params row at `rowStart`. Four input rows per pass over the batch
 * (2.8× faster than one in V8: fewer loads and stores of out); groups of pruned (zero) weights are skipped.
 */
export function denseColumns(
  h: Float64Array,
  batch: number,
  params: Float32Array,
  rowStart: number,
  layer: LayerSpec,
  act: Activation,
  out: Float64Array,
): void {
  const [nIn, nOut] = layer.kernelShape;
  const k0 = rowStart + layer.kernelOffset,
    b0 = rowStart + layer.biasOffset;
  for (let m = 0; m < nOut; m++) {
    const o = m * batch;
    out.fill(params[b0 + m], o, o + batch);
    let n = 0;
    for (; n + 3 < nIn; n += 4) {
      const w = k0 + n * nOut + m;
      const w0 = params[w],
        w1 = params[w + nOut],
        w2 = params[w + 2 * nOut],
        w3 = params[w + 3 * nOut];
      if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0) continue;
      const i0 = n * batch,
        i1 = i0 + batch,
        i2 = i1 + batch,
        i3 = i2 + batch;
      for (let b = 0; b < batch; b++) out[o + b] += w0 * h[i0 + b] + w1 * h[i1 + b] + w2 * h[i2 + b] + w3 * h[i3 + b];
    }
    for (; n < nIn; n++) {
      const w = params[k0 + n * nOut + m];
      if (w === 0) continue;
      const i = n * batch;
      for (let b = 0; b < batch; b++) out[o + b] += w * h[i + b];
    }
  }
  applyAct(out, 0, nOut * batch, act);
}

/** First-layer activations of one member from its rows `block` of the product y [R, B]: act(y + bias). */
export function memberActivations(
  y: Float32Array,
  block: number,
  nOut: number,
  batch: number,
  params: Float32Array,
  biasStart: number,
  act: Activation,
  h: Float64Array,
): void {
  for (let n = 0; n < nOut; n++) {
    const o = n * batch,
      src = (block * nOut + n) * batch,
      bv = params[biasStart + n];
    for (let b = 0; b < batch; b++) h[o + b] = y[src + b] + bv;
  }
  applyAct(h, 0, nOut * batch, act);
}

/**
 * First-layer activations of an antithetic pair from the centre rows (block 0) and the pair's
 * half-difference rows `block` of y: act(y_c ± y_ε + bias±), each member with its own bias.
 */
export function pairActivations(
  y: Float32Array,
  block: number,
  nOut: number,
  batch: number,
  params: Float32Array,
  biasPlus: number,
  biasMinus: number,
  act: Activation,
  hPlus: Float64Array,
  hMinus: Float64Array,
): void {
  const relu = act === 'relu';
  for (let n = 0; n < nOut; n++) {
    const o = n * batch,
      src = (block * nOut + n) * batch,
      bp = params[biasPlus + n],
      bm = params[biasMinus + n];
    if (relu) {
      // ReLU fused into the pass (the common case): one sweep over the batch instead of three.
      for (let b = 0; b < batch; b++) {
        const c = y[o + b],
          e = y[src + b],
          vp = c + e + bp,
          vm = c - e + bm;
        hPlus[o + b] = vp < 0 ? 0 : vp;
        hMinus[o + b] = vm < 0 ? 0 : vm;
      }
    } else {
      for (let b = 0; b < batch; b++) {
        const c = y[o + b],
          e = y[src + b];
        hPlus[o + b] = c + e + bp;
        hMinus[o + b] = c - e + bm;
      }
    }
  }
  if (!relu) {
    applyAct(hPlus, 0, nOut * batch, act);
    applyAct(hMinus, 0, nOut * batch, act);
  }
}

/** h [C, B] (column-major) → out[p, b, c] (the [P, B, C] layout of `forward`). */
export function writeMemberOutputs(
  h: Float64Array,
  classes: number,
  batch: number,
  out: Float32Array,
  p: number,
): void {
  for (let b = 0; b < batch; b++) {
    const o = (p * batch + b) * classes;
    for (let j = 0; j < classes; j++) out[o + j] = h[j * batch + b];
  }
}

/** xᵀ: [B, in] → [in, B] into `xt`. */
export function transposeBatch(x: Float32Array, batch: number, nIn: number, xt: Float32Array): Float32Array {
  for (let b = 0; b < batch; b++) for (let i = 0; i < nIn; i++) xt[i * batch + b] = x[b * nIn + i];
  return xt;
}
