/**
 * Population dense layers: one layer for P members on a shared batch, in several formulations whose
 * speed differs by backend (docs/ARCHITECTURE.md "Platform notes"; bench/nets measures them). All compute, for member
 * p, act(h_p · W_p + b_p) with W_p the [in, out] kernel in the flat params row p.
 *
 * Activations between layers are either a list of P [B, n] tensors ('list', per-member) or one
 * [P, B, n] tensor ('stacked'); `toList` / `toStacked` convert. On wasm, batched 3-D matMul is 4–6×
 * slower than 2-D products for the MLPs, so the plans there use 'shared' and 'perMember' only.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerSpec } from './types';
import { denseKernelsSideBySide, sliceBias, sliceKernel } from './layout';
import { unstackRows } from './tensor-util';

export type Activation = 'relu' | 'tanh' | 'none';

/**
 * How the first layer (shared input x) is computed. 'auto' = 'shared' while the [B, P·out] activation
 * has at most AUTO_SHARED_MAX_ACTS entries, else 'perMember' (measured on wasm: shared wins on the
 * reduced presets, 196-32-10 at P=64, B=256, by ~1.3×; per-member wins on 784-100-10 at P=128, B=1024,
 * by ~1.6×, where transposing the 13M-entry activation dominates). Size-based, hence deterministic.
 */
export type FirstLayerMode = 'shared' | 'perMember' | 'batched' | 'auto';
export const AUTO_SHARED_MAX_ACTS = 4_000_000;
/**
 * How later layers (member-specific inputs) are computed. 'auto' = 'broadcast' (2 large ops instead of
 * ~9 per member) while its P·B·in·out scratch has at most AUTO_BROADCAST_MAX_ELEMS entries, else
 * 'perMember' (wasm, 196-32-10 at P=64, B=256: 141 ms vs 222 ms per forward on a loaded machine).
 */
export type HiddenLayerMode = 'perMember' | 'batched' | 'broadcast' | 'auto';
export const AUTO_BROADCAST_MAX_ELEMS = 8_000_000;
/**
 * On wasm, 'auto' computes layers of at most this many members per member: a few 2-D matMuls beat the
 * broadcast's P·B·in·out scratch (a test evaluation of one 196-32-10 row on 1,000 images: 0.08 vs 0.7 ms
 * per layer). XNNPACK's matMul sums Σ_k h·w in k order without fused multiply-adds, exactly as the
 * broadcast's tf.sum does, so on wasm both give the same bits (test/unit/nets/forward.test.ts checks it);
 * other backends keep the size rule, since their two formulations round differently.
 */
export const WASM_PER_MEMBER_MAX = 8;

export type PopActs = tf.Tensor2D[] | tf.Tensor3D;

export function activate<T extends tf.Tensor>(t: T, act: Activation): T {
  if (act === 'relu') return tf.relu(t);
  if (act === 'tanh') return tf.tanh(t);
  return t;
}

export function toList(h: PopActs): tf.Tensor2D[] {
  return Array.isArray(h) ? h : (unstackRows(h) as tf.Tensor2D[]);
}

export function toStacked(h: PopActs): tf.Tensor3D {
  return Array.isArray(h) ? (tf.stack(h) as tf.Tensor3D) : h;
}

/** Per-member [in, out] kernels and [out] biases (P small tensors each). */
function memberWeights(params: tf.Tensor2D, layer: LayerSpec): { w: tf.Tensor2D[]; b: tf.Tensor1D[] } {
  const [nIn, nOut] = layer.kernelShape;
  const w = unstackRows(sliceKernel(params, layer)).map((k) => tf.reshape(k, [nIn, nOut]) as tf.Tensor2D);
  const b = unstackRows(sliceBias(params, layer)) as tf.Tensor1D[];
  return { w, b };
}

/** Stacked [P, in, out] kernels and [P, 1, out] biases. */
function stackedWeights(params: tf.Tensor2D, layer: LayerSpec): { w: tf.Tensor3D; b: tf.Tensor3D } {
  const [nIn, nOut] = layer.kernelShape;
  const p = params.shape[0];
  return {
    w: tf.reshape(sliceKernel(params, layer), [p, nIn, nOut]),
    b: tf.reshape(sliceBias(params, layer), [p, 1, nOut]),
  };
}

/**
 * First layer on the shared batch x [B, in]. 'shared' does one matMul x × [in, P·out] and returns
 * [P, B, out]; 'perMember' returns P tensors [B, out]; 'batched' one broadcast 3-D matMul.
 */
export function firstDense(
  x: tf.Tensor2D,
  params: tf.Tensor2D,
  layer: LayerSpec,
  act: Activation,
  mode: FirstLayerMode,
): PopActs {
  const p = params.shape[0],
    batch = x.shape[0],
    nOut = layer.kernelShape[1];
  if (mode === 'auto') mode = batch * p * nOut <= AUTO_SHARED_MAX_ACTS ? 'shared' : 'perMember';
  if (mode === 'shared') {
    const y = tf.add(
      tf.matMul(x, denseKernelsSideBySide(params, layer)),
      tf.reshape(sliceBias(params, layer), [1, p * nOut]),
    );
    return tf.transpose(tf.reshape(activate(y, act), [batch, p, nOut]), [1, 0, 2]) as tf.Tensor3D;
  }
  if (mode === 'perMember') {
    const { w, b } = memberWeights(params, layer);
    return w.map((wp, i) => activate(tf.add(tf.matMul(x, wp), b[i]), act) as tf.Tensor2D);
  }
  const { w, b } = stackedWeights(params, layer);
  return activate(tf.add(tf.matMul(tf.expandDims(x, 0) as tf.Tensor3D, w), b), act) as tf.Tensor3D;
}

/** A later layer, where every member has its own input h_p. */
export function hiddenDense(
  h: PopActs,
  params: tf.Tensor2D,
  layer: LayerSpec,
  act: Activation,
  mode: HiddenLayerMode,
): PopActs {
  if (mode === 'auto') {
    const [nIn, nOut] = layer.kernelShape;
    const members = params.shape[0],
      batch = Array.isArray(h) ? h[0].shape[0] : h.shape[1];
    const fewOnWasm = members <= WASM_PER_MEMBER_MAX && tf.getBackend() === 'wasm';
    mode = !fewOnWasm && members * batch * nIn * nOut <= AUTO_BROADCAST_MAX_ELEMS ? 'broadcast' : 'perMember';
  }
  if (mode === 'perMember') {
    const hs = toList(h);
    const { w, b } = memberWeights(params, layer);
    return hs.map((hp, i) => activate(tf.add(tf.matMul(hp, w[i]), b[i]), act) as tf.Tensor2D);
  }
  const hs = toStacked(h);
  const { w, b } = stackedWeights(params, layer);
  if (mode === 'batched') return activate(tf.add(tf.matMul(hs, w), b), act) as tf.Tensor3D;
  // 'broadcast': Σ_k h[p,b,k,1]·W[p,1,k,n]; P·B·in·out floats of scratch, worthwhile only for tiny layers.
  const [p, batch, nIn] = hs.shape;
  const prod = tf.mul(tf.reshape(hs, [p, batch, nIn, 1]), tf.reshape(w, [p, 1, nIn, layer.kernelShape[1]]));
  return activate(tf.add(tf.sum(prod, 2), b), act) as tf.Tensor3D;
}
