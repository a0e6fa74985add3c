/**
 * Host-memory access to tfjs tensors for the ES hot path (noise.ts, run-strategy.ts; docs/ALGORITHMS.md
 * §1.1 ask/tell). Why: on this project's machines a FRESH multi-MB buffer costs ~3 ms per MB in page
 * faults (a new 41 MB Float32Array for a 128×80 000 noise block: ~130 ms, more than every tfjs op of a
 * generation together), while memory that the wasm heap has already touched is reused for free. So on
 * wasm the [P, d] noise block is written straight into a tensor's heap memory (no JS-side array, no
 * copy on upload), and one population row is read through a heap view instead of `tf.slice`, whose
 * wasm kernel first copies the WHOLE input out of the heap (docs/PERFORMANCE.md).
 *
 * Only `BackendWasm` members declared public in its .d.ts are used (makeOutput, typedArrayFromHeap,
 * dataIdMap); every other backend takes the ordinary tfjs route.
 */
import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-backend-wasm's BackendWasm used here. */
interface WasmBackendLike {
  wasm: { HEAPU8: Uint8Array };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

function wasmBackend(): WasmBackendLike | null {
  if (tf.getBackend() !== 'wasm') return null;
  const b = tf.backend() as unknown as Partial<WasmBackendLike>;
  return b.makeOutput && b.dataIdMap && b.wasm ? (b as WasmBackendLike) : null;
}

/**
 * A new float32 tensor of `shape` whose values `fill(view)` writes. On wasm `view` is the tensor's own
 * heap memory (valid only during `fill`: fill must not create tensors, which could grow and move the
 * heap); elsewhere it is a fresh array that the tensor then takes over (cpu) or uploads (GPU).
 */
export function tensorFromHost(shape: number[], fill: (view: Float32Array) => void): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const wb = wasmBackend();
  if (!wb) {
    const values = new Float32Array(size);
    fill(values);
    return tf.tensor(values, shape, 'float32');
  }
  const info = wb.makeOutput(shape, 'float32');
  const offset = wb.dataIdMap.get(info.dataId)?.memoryOffset;
  if (typeof offset !== 'number') throw new Error('tensorFromHost: wasm backend returned no heap offset');
  fill(new Float32Array(wb.wasm.HEAPU8.buffer, wb.wasm.HEAPU8.byteOffset + offset, size));
  return tf.engine().makeTensorFromTensorInfo(info);
}

/**
 * A read-only view of a float32 tensor's values WITHOUT copying, or null on GPU backends. wasm: a view of
 * the heap, valid only until the next tensor is created (the heap may grow and move); cpu: the backend's
 * own array (never write to it).
 */
export function hostView(t: tf.Tensor): Float32Array | null {
  if (t.dtype !== 'float32') return null;
  const wb = wasmBackend();
  if (wb) {
    const offset = wb.dataIdMap.get(t.dataId)?.memoryOffset;
    return typeof offset === 'number'
      ? new Float32Array(wb.wasm.HEAPU8.buffer, wb.wasm.HEAPU8.byteOffset + offset, t.size)
      : null;
  }
  return tf.getBackend() === 'cpu' ? (t.dataSync() as Float32Array) : null;
}

/**
 * Row `i` of a float32 [rows, cols] tensor as a new host array. wasm: copied from a heap view; cpu:
 * `dataSync` returns the backend's own array (no copy), so only the row is copied; GPU backends: slice.
 */
export function readRow(x: tf.Tensor2D, i: number): Float32Array {
  const cols = x.shape[1];
  const view = hostView(x);
  if (view) return view.slice(i * cols, (i + 1) * cols);
  const row = tf.slice(x, [i, 0], [1, cols]);
  try {
    return Float32Array.from(row.dataSync() as Float32Array);
  } finally {
    row.dispose();
  }
}
