// Antithetic ES populations for tests (docs/ALGORITHMS.md §1.2): rows m ± e_k in float32, as an ES asks
// them, pair k at rows 2k / 2k + 1 (interleaved) or k / k + P/2 (blocked).

/** [P, d] rows m ± e with e = fround(noise()) per value, P = 2·pairs. */
export function antitheticRows(
  mean: ArrayLike<number>,
  pairs: number,
  noise: () => number,
  layout: 'interleaved' | 'blocked' = 'interleaved',
): Float32Array {
  const d = mean.length;
  const pop = new Float32Array(2 * pairs * d);
  for (let k = 0; k < pairs; k++) {
    const [a, b] = layout === 'interleaved' ? [2 * k, 2 * k + 1] : [k, k + pairs];
    for (let j = 0; j < d; j++) {
      const e = Math.fround(noise());
      pop[a * d + j] = Math.fround(mean[j] + e);
      pop[b * d + j] = Math.fround(mean[j] - e);
    }
  }
  return pop;
}
