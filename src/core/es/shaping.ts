/**
 * Fitness shaping (docs/ALGORITHMS.md §1.3; evosax 0.1.4 `utils/reshape_fitness.py`), on the host:
 * fitness vectors have only P entries, so plain typed arrays are simpler and exact.
 *
 * Order, as in 0.1.4: (1) maximise→minimise flip f = −F, (2) weight decay f += λ·mean_j(x_ij²)
 * (the MEAN of squares, not the sum), (3) centered ranks (ties broken by index, best → −0.5) or
 * (4) z-score (population std, +1e−10). Lower f is better afterwards.
 *
 * Lab addition: non-finite scores. NaN and −∞ (maximise form) are the WORST members, +∞ the best. For
 * ranking they get ±∞ keys; for raw/z-score values they are clamped one finite range beyond the worst
 * (or best) finite value so that sort-based strategies still rank them last and gradient estimates
 * stay finite. If no score is finite every member gets 0.
 */

/** Shaping options of the shared runner (evosax `fitness_kwargs`). */
export interface ShapingOptions {
  readonly centeredRank?: boolean;
  readonly zScore?: boolean;
  /** λ of the weight-decay penalty (0 = off). */
  readonly wDecay?: number;
}

/** Stable ascending argsort (equal values keep index order, like jnp.argsort). NaN sorts last. */
export function argsortAsc(values: ArrayLike<number>): Int32Array {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  const key = (i: number): number => (Number.isNaN(values[i]) ? Infinity : values[i]);
  idx.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -1;
    if (ka > kb) return 1;
    if (Number.isNaN(values[a]) !== Number.isNaN(values[b])) return Number.isNaN(values[a]) ? 1 : -1;
    return a - b;
  });
  return Int32Array.from(idx);
}

/** Centered ranks: rank_i/(P−1) − 0.5 with rank 0 for the smallest f (docs/ALGORITHMS.md §1.3 step 3). */
export function centeredRanks(f: ArrayLike<number>): Float32Array {
  const p = f.length;
  const out = new Float32Array(p);
  if (p === 1) return out; // 0.1.4 would divide by zero; a single member carries no ranking signal
  const order = argsortAsc(f);
  for (let r = 0; r < p; r++) out[order[r]] = r / (p - 1) - 0.5;
  return out;
}

/** z-score with the population std (ddof 0) and evosax's +1e−10 (docs/ALGORITHMS.md §1.3 step 4). */
export function zScore(f: ArrayLike<number>): Float32Array {
  const p = f.length;
  let mean = 0;
  for (let i = 0; i < p; i++) mean += f[i];
  mean /= p;
  let v = 0;
  for (let i = 0; i < p; i++) v += (f[i] - mean) ** 2;
  const std = Math.sqrt(v / p);
  return Float32Array.from(f, (x) => (x - mean) / (std + 1e-10));
}

/**
 * Minimise-form values of maximise-form scores with non-finite entries clamped (see header):
 * NaN/−∞ → one finite range above the worst finite f, +∞ → one range below the best.
 */
export function flipAndSanitize(scoresMax: ArrayLike<number>): Float64Array {
  const f = Float64Array.from(scoresMax, (s) => (Number.isNaN(s) ? Infinity : -s));
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of f)
    if (Number.isFinite(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  if (lo === Infinity) return f.fill(0);
  const span = hi - lo > 0 ? hi - lo : Math.max(1, Math.abs(hi));
  for (let i = 0; i < f.length; i++) {
    if (f[i] === Infinity) f[i] = hi + span;
    else if (f[i] === -Infinity) f[i] = lo - span;
  }
  return f;
}

/**
 * The whole §1.3 pipeline: maximise-form scores → shaped minimise-form fitness.
 * `rowMeanSq[i]` = mean_j(x_ij²), needed only when wDecay > 0.
 */
export function shapeFitness(
  scoresMax: ArrayLike<number>,
  opts: ShapingOptions = {},
  rowMeanSq?: ArrayLike<number>,
): Float32Array {
  if (opts.centeredRank && opts.zScore)
    throw new Error('fitness shaping: centeredRank and zScore are mutually exclusive (docs/ALGORITHMS.md §1.3)');
  const f = flipAndSanitize(scoresMax);
  const wDecay = opts.wDecay ?? 0;
  if (wDecay > 0) {
    if (!rowMeanSq || rowMeanSq.length !== f.length)
      throw new Error('fitness shaping: wDecay needs the per-member mean of x²');
    for (let i = 0; i < f.length; i++) f[i] += wDecay * rowMeanSq[i];
  }
  if (opts.centeredRank) return centeredRanks(f);
  if (opts.zScore) return zScore(f);
  return Float32Array.from(f);
}
