/**
 * Vision fitness on host arrays (docs/ALGORITHMS.md §9.1: fitness = −mean cross-entropy on one shared
 * minibatch), for backends whose tensors live in host memory (wasm, cpu), where the batch gather and the
 * log-softmax as tfjs ops cost more than the network (tfjs-wasm's gather ~100 ns per element,
 * logSoftmax six kernels). Same values as `meanLogLikelihood` up to float rounding (float64 here).
 */
import { expHost } from '../../nets/host-exp';
import { arenaOf } from '../../nets/wasm/host-forward-kernels';

/** Rows `idx` of a row-major [n, k] array → [idx.length, k], into `into` when it has the right size. */
export function gatherRowsHost(x: Float32Array, k: number, idx: Int32Array, into?: Float32Array): Float32Array {
  const out = into && into.length === idx.length * k ? into : new Float32Array(idx.length * k);
  for (let b = 0; b < idx.length; b++) out.set(x.subarray(idx[b] * k, idx[b] * k + k), b * k);
  return out;
}

/**
 * Per-member Σ_b log softmax(logits[p, b])[label_b] / B from logits [P, B, C] (row-major) and the
 * batch's labels → [P] (the ES maximises it: = −CE). Each image's log-sum-exp is taken unshifted,
 * log Σ_c exp(l_c), which equals the max-shifted form up to float64 rounding whenever that sum is
 * comfortably inside float64's range; otherwise (huge or non-finite logits) the image is redone with the
 * usual max shift. A NaN logit makes the member score NaN (worst), as the tensor path does.
 */
export function meanLogLikelihoodHost(
  logits: Float32Array,
  members: number,
  batch: number,
  classes: number,
  labels: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(members);
  const sums = expSumsInArena(logits, members * batch, classes);
  const l = sums ? sums.logits : logits;
  for (let p = 0; p < members; p++) {
    let sum = 0;
    for (let b = 0; b < batch; b++) {
      const o = (p * batch + b) * classes;
      let z = 0;
      if (sums) z = sums.z[p * batch + b];
      else for (let c = 0; c < classes; c++) z += expHost(logits[o + c]);
      sum += z > 1e-290 && z < 1e290 ? l[o + labels[b]] - Math.log(z) : shiftedLogSoftmax(l, o, classes, labels[b]);
    }
    out[p] = sum / batch;
  }
  return out;
}

/**
 * Σ_c e^(logits[r, c]) for every row by the host forward's wasm kernel, when `logits` lies in its arena
 * (nets/wasm/host-forward-kernels.ts; the same values as summing expHost in JS), with a fresh view of the
 * logits (reserving room for the sums may grow the arena and detach the caller's); else null.
 */
function expSumsInArena(
  logits: Float32Array,
  rows: number,
  classes: number,
): { z: Float64Array; logits: Float32Array } | null {
  const arena = arenaOf(logits);
  if (!arena) return null;
  const at = logits.byteOffset,
    length = logits.length,
    zAt = Math.ceil((at + 4 * length) / 8) * 8;
  arena.reserve(zAt + 8 * rows);
  const view = arena.f32(at, length),
    z = arena.f64(zAt, rows);
  arena.expSums(view, rows, classes, z);
  return { z, logits: view };
}

/** log softmax(l[o … o + C))[label] with the max shift (safe for any finite logits). */
function shiftedLogSoftmax(logits: Float32Array, o: number, classes: number, label: number): number {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) if (logits[o + c] > max) max = logits[o + c];
  let z = 0;
  for (let c = 0; c < classes; c++) z += Math.exp(logits[o + c] - max);
  return logits[o + label] - max - Math.log(z);
}
