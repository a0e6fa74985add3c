/**
 * Cheap sub-tensor extraction across backends. On tfjs-backend-wasm 4.22, `slice` (and so `unstack`
 * and `split`) first copies the WHOLE input out of the wasm heap (`readSync` → HEAPU8.slice) and then
 * picks the part: unstacking a [128, 1024, 100] tensor costs 128 full copies (measured ~100 s on a
 * loaded 2-core machine, against ~0.2 s for the same rows via `gather`, a C++ kernel that copies only
 * the output). So on wasm these helpers use `gather`; elsewhere `slice`/`unstack` are cheap.
 */
import * as tf from '@tensorflow/tfjs-core';

const useGather = (): boolean => tf.getBackend() === 'wasm';

const range = (start: number, size: number): tf.Tensor1D => tf.range(start, start + size, 1, 'int32') as tf.Tensor1D;

/** Columns [start, start+size) of a 2-D tensor. */
export function takeColumns(t: tf.Tensor2D, start: number, size: number): tf.Tensor2D {
  if (!useGather()) return tf.slice(t, [0, start], [-1, size]);
  return tf.tidy(() => tf.gather(t, range(start, size), 1) as tf.Tensor2D);
}

/** Rows (axis-0 entries) [start, start+size) of a tensor. */
export function takeRows<T extends tf.Tensor>(t: T, start: number, size: number): T {
  if (!useGather()) return tf.slice(t, start, size) as T;
  return tf.tidy(() => tf.gather(t, range(start, size), 0) as T);
}

/** Every axis-0 entry as its own tensor (tf.unstack without the per-entry full copy on wasm). */
export function unstackRows(t: tf.Tensor): tf.Tensor[] {
  if (!useGather()) return tf.unstack(t);
  const inner = t.shape.slice(1);
  return tf.tidy(() => Array.from({ length: t.shape[0] }, (_, i) => tf.reshape(tf.gather(t, [i], 0), inner)));
}
