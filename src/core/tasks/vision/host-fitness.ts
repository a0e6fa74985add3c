/**
 * Vision fitness on host arrays (docs/ALGORITHMS.md §9.1: fitness = −mean cross-entropy on one shared
 * minibatch), for backends whose tensors live in host memory (wasm, cpu), where the batch gather and the
 * log-softmax as tfjs ops cost more than the network (tfjs-wasm's gather ~100 ns per element,
 * logSoftmax six kernels). Same values as `meanLogLikelihood` up to float rounding (float64 here).
 */

/** Rows `idx` of a row-major [n, k] array → [idx.length, k], into `into` when it has the right size. */
export function gatherRowsHost(x: Float32Array, k: number, idx: Int32Array, into?: Float32Array): Float32Array {
  const out = into && into.length === idx.length * k ? into : new Float32Array(idx.length * k);
  for (let b = 0; b < idx.length; b++) out.set(x.subarray(idx[b] * k, idx[b] * k + k), b * k);
  return out;
}

/**
 * Per-member Σ_b log softmax(logits[p, b])[label_b] / B from logits [P, B, C] (row-major) and the
 * batch's labels → [P] (the ES maximises it: = −CE).
 */
export function meanLogLikelihoodHost(
  logits: Float32Array,
  members: number,
  batch: number,
  classes: number,
  labels: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(members);
  for (let p = 0; p < members; p++) {
    let sum = 0;
    for (let b = 0; b < batch; b++) {
      const o = (p * batch + b) * classes;
      let max = -Infinity;
      for (let c = 0; c < classes; c++) if (logits[o + c] > max) max = logits[o + c];
      let z = 0;
      for (let c = 0; c < classes; c++) z += Math.exp(logits[o + c] - max);
      // A NaN logit leaves max or z NaN, so the member scores NaN (worst), as the tensor path does.
      sum += logits[o + labels[b]] - max - Math.log(z);
    }
    out[p] = sum / batch;
  }
  return out;
}
