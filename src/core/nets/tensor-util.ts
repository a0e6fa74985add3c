/**
 * Cheap sub-tensor extraction across backends. On tfjs-backend-wasm 4.22, `slice` (and so `unstack`
 * and `split`) first copies the WHOLE input out of the wasm heap (`readSync` → HEAPU8.slice) and then
 * picks the part: unstacking a [128, 1024, 100] tensor costs 128 full copies (measured ~100 s on a
 * loaded 2-core machine, against ~0.2 s for the same rows via `gather`, a C++ kernel that copies only
 * the output). So on wasm these helpers use `gather`; elsewhere `slice`/`unstack` are cheap.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * gather only pays off on wasm for LARGE inputs: its kernel costs ~100 ns per output element, while
 * slice's whole-input copy is a memcpy. Measured on [64, 6634] params: slice 14 ms, gather 41 ms.
 */
const GATHER_MIN_INPUT_ELEMENTS = 4_000_000;
const useGather = (t: tf.Tensor): boolean => tf.getBackend() === 'wasm' && t.size >= GATHER_MIN_INPUT_ELEMENTS;

const range = (start: number, size: number): tf.Tensor1D => tf.range(start, start + size, 1, 'int32') as tf.Tensor1D;

/** Columns [start, start+size) of a 2-D tensor. */
export function takeColumns(t: tf.Tensor2D, start: number, size: number): tf.Tensor2D {
  if (!useGather(t)) return tf.slice(t, [0, start], [-1, size]);
  return tf.tidy(() => tf.gather(t, range(start, size), 1) as tf.Tensor2D);
}

/** Rows (axis-0 entries) [start, start+size) of a tensor. */
export function takeRows<T extends tf.Tensor>(t: T, start: number, size: number): T {
  if (!useGather(t)) return tf.slice(t, start, size) as T;
  return tf.tidy(() => tf.gather(t, range(start, size), 0) as T);
}

/** Every axis-0 entry as its own tensor (tf.unstack without the per-entry full copy on wasm). */
export function unstackRows(t: tf.Tensor): tf.Tensor[] {
  if (!useGather(t)) return tf.unstack(t);
  const inner = t.shape.slice(1);
  return tf.tidy(() => Array.from({ length: t.shape[0] }, (_, i) => tf.reshape(tf.gather(t, [i], 0), inner)));
}

/**
 * Columns `idx` of a 2-D tensor (tf.gather(t, idx, 1)). On wasm/cpu the data is in host memory and the
 * wasm gather kernel is slow (~100 ns per element), so the copy runs as a JS loop there.
 */
export function gatherColumns(t: tf.Tensor2D, idx: Int32Array): tf.Tensor2D {
  const backend = tf.getBackend();
  if (backend !== 'wasm' && backend !== 'cpu') return tf.tidy(() => tf.gather(t, tf.tensor1d(idx, 'int32'), 1) as tf.Tensor2D);
  const [rows, cols] = t.shape;
  const src = t.dataSync();
  const out = new Float32Array(rows * idx.length);
  for (let r = 0; r < rows; r++) {
    const o = r * idx.length, i = r * cols;
    for (let j = 0; j < idx.length; j++) out[o + j] = src[i + idx[j]];
  }
  return tf.tensor2d(out, [rows, idx.length]);
}
