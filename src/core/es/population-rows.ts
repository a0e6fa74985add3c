/**
 * A population as a recipe instead of a [P, d] block (docs/ALGORITHMS.md §1.1 ask, §1.2 layouts): every
 * strategy samples x_p = m + scale ⊙ (±z_r) with z_r a window of the shared noise table
 * (noise-table.ts), so the mean, the per-coordinate scale and the P (or P/2) table offsets describe the
 * whole population. This is the design of Salimans et al. (2017) §2.1: evaluation workers hold the table
 * and receive only the centre and the offsets. `writeMemberRow` rebuilds one member's row with exactly
 * the float32 operations the backend's tf.add(m, tf.mul(scale, z)) performs, so a worker's rows equal
 * the sampler's bit for bit (test/unit/es/population-rows.test.ts).
 */
import type { NoiseLayout } from './noise';
import { hostNoiseTable } from './noise-table';

export interface PopulationRecipe {
  readonly layout: NoiseLayout;
  readonly popSize: number;
  readonly dim: number;
  /** Table offset of each noise row: P rows for 'none', one per ± pair (P/2) for antithetic layouts. */
  readonly offsets: Int32Array;
  /** The mean m, length d. */
  readonly mean: Float32Array;
  /** The per-coordinate scale (σ, or s·√C for Sep-CMA-ES), length d; a scalar σ repeated as float32. */
  readonly scale: Float32Array;
}

/** The noise row member `p` uses and its sign: ±pairs 2k/2k+1 ('interleaved'), k/k+P/2 ('blocked'). */
export function memberNoise(layout: NoiseLayout, popSize: number, p: number): { row: number; sign: 1 | -1 } {
  if (layout === 'none') return { row: p, sign: 1 };
  if (layout === 'interleaved') return { row: p >> 1, sign: p % 2 === 0 ? 1 : -1 };
  const half = popSize / 2;
  return p < half ? { row: p, sign: 1 } : { row: p - half, sign: -1 };
}

/**
 * Writes member `p`'s row x_j = fl(m_j + fl(scale_j · (±z_j))) into `out` from index `at`, at
 * `out[at + positions[j]]` when `positions` is given (a scatter to the full parameter vector; the
 * other entries are left as they are). The product of two float32 values is exact in float64, so
 * Math.fround gives the float32 product, and the float64 sum of two float32 values rounds to the
 * float32 sum: the same values as the backend's float32 kernels.
 */
export function writeMemberRow(
  recipe: PopulationRecipe,
  p: number,
  out: Float32Array,
  at: number,
  positions?: Int32Array,
): void {
  const { mean, scale, dim } = recipe;
  const { row, sign } = memberNoise(recipe.layout, recipe.popSize, p);
  const table = hostNoiseTable(),
    o = recipe.offsets[row];
  if (positions) {
    for (let j = 0; j < dim; j++) out[at + positions[j]] = mean[j] + Math.fround(scale[j] * (sign * table[o + j]));
  } else {
    for (let j = 0; j < dim; j++) out[at + j] = mean[j] + Math.fround(scale[j] * (sign * table[o + j]));
  }
}

/**
 * Writes both members of antithetic pair `row` (noise row z_row, members m ± scale⊙z) into `out` at
 * `atPlus` and `atMinus`, the same values as two `writeMemberRow` calls: fl(scale·(−z)) = −fl(scale·z)
 * exactly (rounding is symmetric), so one product serves both rows.
 */
export function writePairRows(
  recipe: PopulationRecipe,
  row: number,
  out: Float32Array,
  atPlus: number,
  atMinus: number,
  positions?: Int32Array,
): void {
  const { mean, scale, dim } = recipe;
  const table = hostNoiseTable(),
    o = recipe.offsets[row];
  for (let j = 0; j < dim; j++) {
    const s = Math.fround(scale[j] * table[o + j]),
      q = positions ? positions[j] : j;
    out[atPlus + q] = mean[j] + s;
    out[atMinus + q] = mean[j] - s;
  }
}
