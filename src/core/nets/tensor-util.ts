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

/** Whether the active backend keeps tensors in host memory (wasm, cpu), where JS loops over the data beat slow kernels. */
export function hostMemoryBackend(): boolean {
  const backend = tf.getBackend();
  return backend === 'wasm' || backend === 'cpu';
}

/** Columns `idx` of a row-major [rows, cols] host array (a JS loop), into `into` when it has the right size. */
export function gatherColumnsHost(
  src: Float32Array,
  rows: number,
  cols: number,
  idx: Int32Array,
  into?: Float32Array,
): Float32Array {
  const out = into && into.length === rows * idx.length ? into : new Float32Array(rows * idx.length);
  for (let r = 0; r < rows; r++) {
    const o = r * idx.length,
      i = r * cols;
    for (let j = 0; j < idx.length; j++) out[o + j] = src[i + idx[j]];
  }
  return out;
}

/**
 * Columns `idx` of a 2-D tensor (tf.gather(t, idx, 1)). On wasm/cpu the data is in host memory and the
 * wasm gather kernel is slow (~100 ns per element), so the copy runs as a JS loop there.
 */
export function gatherColumns(t: tf.Tensor2D, idx: Int32Array): tf.Tensor2D {
  if (!hostMemoryBackend()) return tf.tidy(() => tf.gather(t, tf.tensor1d(idx, 'int32'), 1) as tf.Tensor2D);
  const [rows, cols] = t.shape;
  return tf.tensor2d(gatherColumnsHost(t.dataSync() as Float32Array, rows, cols, idx), [rows, idx.length]);
}

/** The parts of tfjs-backend-wasm's BackendWasm (declared public in its .d.ts) that `readFloat32` uses. */
interface WasmBackendLike {
  wasm: { HEAPU8: Uint8Array };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

/**
 * A float32 tensor's values copied into `out` (allocated when absent or of the wrong size). On wasm,
 * `dataSync` copies through `HEAPU8.slice`, which costs ~5–10 ms per 2 MB on Node 20 (fresh large
 * buffers); copying from a view of the wasm heap into a reused buffer costs ~0.1 ms. Elsewhere: dataSync.
 */
export function readFloat32(t: tf.Tensor, out?: Float32Array): Float32Array {
  const dst = out && out.length === t.size ? out : new Float32Array(t.size);
  const backend = tf.getBackend() === 'wasm' ? (tf.backend() as unknown as Partial<WasmBackendLike>) : undefined;
  const info = t.dtype === 'float32' ? backend?.dataIdMap?.get(t.dataId) : undefined;
  const heap = backend?.wasm?.HEAPU8;
  if (info && heap && typeof info.memoryOffset === 'number') {
    dst.set(new Float32Array(heap.buffer, heap.byteOffset + info.memoryOffset, t.size));
  } else {
    dst.set(t.dataSync() as Float32Array);
  }
  return dst;
}
