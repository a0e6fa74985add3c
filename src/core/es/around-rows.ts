/**
 * Population rows x = m ± scale⊙z (docs/ALGORITHMS.md §1.2) written straight into a population tensor by
 * the wasm `around` kernel (wasm/es-kernels.ts): one pass per noise window, no [n, d] temporaries and no
 * row copies afterwards. Used by the ask (`samplePopulation`, common.ts) and by evaluation workers
 * rebuilding their slice (experiments/parallel/replica.ts). Each value is fl(m + fl(scale·z)) or
 * fl(m − fl(scale·z)), as the backend's mul/add/sub kernels compute it, so the rows are the same bits.
 */
import * as tf from '@tensorflow/tfjs-core';
import { tensorFromHost } from './host-block';
import { noiseRows, type NoiseLayout } from './noise';
import { esKernels, heapOffset } from './wasm/es-kernels';

/**
 * A new [rows, d] tensor whose row plusRow[k] is m + scale⊙z_k and row minusRow[k] (−1: none) m − scale⊙z_k,
 * z_k the table window at offsets[k]; every row of the tensor must be named once. Null where the kernels are
 * unavailable (not wasm, or the backend's memory is not reachable).
 */
export function aroundRows(
  mean: tf.Tensor1D,
  scale: number | tf.Tensor1D,
  offsets: Int32Array,
  dim: number,
  rows: number,
  plusRow: Int32Array,
  minusRow: Int32Array,
): tf.Tensor2D | null {
  const kernels = esKernels();
  if (!kernels) return null;
  const out = tensorFromHost([rows, dim], () => {}) as tf.Tensor2D; // every row is written below
  const z = noiseRows(offsets, dim);
  const s = typeof scale === 'number' ? tf.fill([dim], Math.fround(scale), 'float32') : scale;
  try {
    const [zo, mo, so, xo] = [z, mean, s, out].map(heapOffset);
    const rowBytes = 4 * dim;
    for (let k = 0; k < offsets.length; k++) {
      const minus = minusRow[k];
      kernels.around(
        zo + rowBytes * k,
        mo,
        so,
        xo + rowBytes * plusRow[k],
        xo + rowBytes * Math.max(0, minus),
        dim,
        minus >= 0 ? 1 : 0,
      );
    }
    return out;
  } finally {
    z.dispose();
    if (s !== scale) s.dispose();
  }
}

/** The whole population in `layout` from its P/2 pair windows (interleaved: rows 2k, 2k+1; blocked: k, k + P/2). */
export function aroundPopulation(
  mean: tf.Tensor1D,
  scale: number | tf.Tensor1D,
  offsets: Int32Array,
  dim: number,
  layout: Exclude<NoiseLayout, 'none'>,
): tf.Tensor2D | null {
  const half = offsets.length;
  const plus = Int32Array.from({ length: half }, (_, k) => (layout === 'interleaved' ? 2 * k : k));
  const minus = Int32Array.from({ length: half }, (_, k) => (layout === 'interleaved' ? 2 * k + 1 : k + half));
  return aroundRows(mean, scale, offsets, dim, 2 * half, plus, minus);
}
