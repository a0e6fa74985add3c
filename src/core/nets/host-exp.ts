/**
 * A fast e^x for the host cross-entropy (tasks/vision/host-fitness.ts) and its constants, which the host
 * forward's wasm arena copies into its memory so that its `expSums` kernel (nets/wasm/) computes the very
 * same values.
 */

// expHost: e^x = 2^(k/64) · e^r with k = round(64·x/ln 2), |r| ≤ ln 2/128, e^r by its degree-5 Taylor
// polynomial (remainder < 4e-17 relative); 2^(k/64) = 2^(k>>6) · 2^((k&63)/64) from two tables.
export const EXP_TABLE = Float64Array.from({ length: 64 }, (_, j) => Math.pow(2, j / 64));
export const POW2 = Float64Array.from({ length: 2048 }, (_, m) => Math.pow(2, m - 1024));
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

/** The scalar constants of `expHost` in the order the wasm arena stores them (host-forward-kernels.wat). */
export const EXP_CONSTANTS = Float64Array.of(INV_LN2_64, LN2_64_HI, LN2_64_LO, ROUND_MAGIC, 1 / 6, 1 / 24, 1 / 120);
