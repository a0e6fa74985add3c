/**
 * JS loops of the host population forward (host-mlp.ts speed path): activations on column-major
 * h [n, B] (one member at a time, contiguous over the batch) and layout changes; the dense layers after
 * the first are in host-dense.ts. Values are kept in float64, so they match the float32 tfjs ops (
 * docs/ALGORITHMS.md §9 dense layers) up to float32 rounding.
 */
import type { Activation } from './dense-ops';
import type { ForwardArena } from './wasm/host-forward-kernels';

/**
 * In-place activation of v[from, to). ReLU keeps NaN (a diverged member must score NaN): the exact
 * `v < 0 ? 0 : v` where some value is not finite, else the branch-free form (see `reluOf`).
 */
export function applyAct(v: Float64Array, from: number, to: number, act: Activation): void {
  if (act === 'relu') {
    if (sumIsFinite(v, from, to)) for (let i = from; i < to; i++) v[i] = reluOf(v[i]);
    else for (let i = from; i < to; i++) v[i] = v[i] < 0 ? 0 : v[i];
  } else if (act === 'tanh') for (let i = from; i < to; i++) v[i] = Math.tanh(v[i]);
}

/**
 * max(v, 0) without a data-dependent branch: (v + |v|) / 2 is exact in float64 for every finite v (and
 * keeps NaN), but gives NaN for v = −∞, so callers use it only where every value is finite (checked). V8
 * compiles `v < 0 ? 0 : v` and `Math.max` to branches, which mispredict on about half of a layer's units:
 * over the first layer of `mnist-quick` (32 units × 256 images × 64 members) the branch-free form measured
 * 5–8× faster.
 */
export const reluOf = (v: number): number => 0.5 * (v + Math.abs(v));

/** Whether Σ v[from, to) is finite: false when some value is NaN or ±∞ (or the sum overflows float64). */
function sumIsFinite(v: Float64Array, from: number, to: number): boolean {
  let s0 = 0,
    s1 = 0,
    i = from;
  for (; i + 1 < to; i += 2) {
    s0 += v[i];
    s1 += v[i + 1];
  }
  if (i < to) s0 += v[i];
  return Number.isFinite(s0 + s1);
}

/**
 * First-layer activations of one member from its rows `block` of the product y [R, B]: act(y + bias). With
 * `wasm` the ReLU pass runs as the arena's kernel (the same bits; a non-finite value falls back to this loop).
 */
export function memberActivations(
  y: Float32Array,
  block: number,
  nOut: number,
  batch: number,
  params: Float32Array,
  biasStart: number,
  act: Activation,
  h: Float64Array,
  wasm?: ArenaPair,
): void {
  if (act === 'relu' && wasm) {
    const bias = wasm.biases.subarray(0, nOut);
    bias.set(params.subarray(biasStart, biasStart + nOut));
    if (Number.isFinite(wasm.arena.memberAct(y, block, bias, nOut, batch, h, true))) return;
  }
  for (let n = 0; n < nOut; n++) {
    const o = n * batch,
      src = (block * nOut + n) * batch,
      bv = params[biasStart + n];
    for (let b = 0; b < batch; b++) h[o + b] = y[src + b] + bv;
  }
  applyAct(h, 0, nOut * batch, act);
}

/**
 * Run the ReLU pair pass by the forward arena's wasm kernel (the same bits): `y`, `hPlus`, `hMinus` are then
 * views of `arena`, and `biases` ([2·nOut], filled per pair) one too.
 */
export interface ArenaPair {
  readonly arena: ForwardArena;
  readonly biases: Float32Array;
}

/**
 * First-layer activations of an antithetic pair from the centre rows (block 0) and the pair's
 * half-difference rows `block` of y: act(y_c ± y_ε + bias±), each member with its own bias. With `wasm`
 * the ReLU pass runs as the arena's kernel (falling back to the exact JS pass on a non-finite value).
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
  wasm?: ArenaPair,
): void {
  // ReLU fused into the pass (the common case): one sweep over the batch instead of three, branch-free
  // (`reluOf`); the sum of the pre-activations is finite iff all are (each is a sum of three float32
  // values, so the sum cannot overflow float64), else the pass is redone with the exact select.
  if (act === 'relu' && wasm) {
    const { arena, biases } = wasm;
    biases.set(params.subarray(biasPlus, biasPlus + nOut));
    biases.set(params.subarray(biasMinus, biasMinus + nOut), nOut);
    if (Number.isFinite(arena.pairAct(y, block, biases, nOut, batch, hPlus, hMinus, true))) return;
  }
  if (
    act === 'relu' &&
    Number.isFinite(pairPass(y, block, nOut, batch, params, biasPlus, biasMinus, hPlus, hMinus, true))
  )
    return;
  pairPass(y, block, nOut, batch, params, biasPlus, biasMinus, hPlus, hMinus, false);
  applyAct(hPlus, 0, nOut * batch, act);
  applyAct(hMinus, 0, nOut * batch, act);
}

/** y_c ± y_ε + bias± into hPlus / hMinus, through `reluOf` when `relu`; returns Σ (v₊ − v₋). */
function pairPass(
  y: Float32Array,
  block: number,
  nOut: number,
  batch: number,
  params: Float32Array,
  biasPlus: number,
  biasMinus: number,
  hPlus: Float64Array,
  hMinus: Float64Array,
  relu: boolean,
): number {
  let sum = 0;
  for (let n = 0; n < nOut; n++) {
    const o = n * batch,
      src = (block * nOut + n) * batch,
      bp = params[biasPlus + n],
      bm = params[biasMinus + n];
    if (relu) {
      for (let b = 0; b < batch; b++) {
        const c = y[o + b],
          e = y[src + b],
          vp = c + e + bp,
          vm = c - e + bm;
        sum += vp - vm;
        hPlus[o + b] = reluOf(vp);
        hMinus[o + b] = reluOf(vm);
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
  return sum;
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
