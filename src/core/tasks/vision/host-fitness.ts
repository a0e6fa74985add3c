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
  for (let p = 0; p < members; p++) {
    let sum = 0;
    for (let b = 0; b < batch; b++) {
      const o = (p * batch + b) * classes;
      let z = 0;
      for (let c = 0; c < classes; c++) z += expHost(logits[o + c]);
      sum +=
        z > 1e-290 && z < 1e290
          ? logits[o + labels[b]] - Math.log(z)
          : shiftedLogSoftmax(logits, o, classes, labels[b]);
    }
    out[p] = sum / batch;
  }
  return out;
}

/** log softmax(l[o … o + C))[label] with the max shift (safe for any finite logits). */
function shiftedLogSoftmax(logits: Float32Array, o: number, classes: number, label: number): number {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) if (logits[o + c] > max) max = logits[o + c];
  let z = 0;
  for (let c = 0; c < classes; c++) z += Math.exp(logits[o + c] - max);
  return logits[o + label] - max - Math.log(z);
}

// expHost: e^x = 2^(k/64) · e^r with k = round(64·x/ln 2), |r| ≤ ln 2/128, e^r by its degree-5 Taylor
// polynomial (remainder < 4e-17 relative); 2^(k/64) = 2^(k>>6) · 2^((k&63)/64) from two tables.
const EXP_TABLE = Float64Array.from({ length: 64 }, (_, j) => Math.pow(2, j / 64));
const POW2 = Float64Array.from({ length: 2048 }, (_, m) => Math.pow(2, m - 1024));
const INV_LN2_64 = 64 / Math.LN2;
/** ln 2 / 64 split so that k·LN2_64_HI is exact for every |k| < 2¹⁷ (Cody–Waite reduction). */
const LN2_64_HI = 0.010830424696223417;
const LN2_64_LO = Math.LN2 / 64 - LN2_64_HI;
/** Adding and subtracting 1.5·2⁵² rounds a float64 of magnitude < 2⁵¹ to an integer without a branch. */
const ROUND_MAGIC = 6755399441055744;

/**
 * e^x within ~3e-14 relative of Math.exp (tested), about 2× faster in V8, where Math.exp is a call into
 * C: the cross-entropy of a generation takes 10 exponentials per image and member (164k for
 * `mnist-quick`). Outside |x| < 700 (and for NaN) it is Math.exp itself.
 */
export function expHost(x: number): number {
  if (!(x > -700 && x < 700)) return Math.exp(x);
  const kf = x * INV_LN2_64 + ROUND_MAGIC - ROUND_MAGIC;
  const r = x - kf * LN2_64_HI - kf * LN2_64_LO;
  const k = kf | 0;
  const poly = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return EXP_TABLE[k & 63] * POW2[(k >> 6) + 1024] * poly;
}
