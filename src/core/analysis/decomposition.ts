/**
 * Decomposition of the ticket effect into the parts the baselines isolate (Vischer et al. 2021, used by the
 * paper's §2; docs/ALGORITHMS.md §3.7 "Effect decomposition"). At matched sparsity, with Perf(·) paired by
 * seed and round:
 *   total   = Perf(magnitude)            − Perf(random_reinit)
 *   weights = Perf(magnitude)            − Perf(permute_weights)        (θ0 values in their own places)
 *   mask    = Perf(permute_weights)      − Perf(permute_mask_weights)   (which positions, within a layer)
 *   layers  = Perf(permute_mask_weights) − Perf(random_reinit)          (the layer-wise ratios)
 * The three parts add up to the total by construction (a telescoping sum), so each is also reported as a
 * share of the total. Two further contrasts use the other baselines:
 *   init under the ticket mask = Perf(magnitude) − Perf(mask_reinit)
 *   mask under a fresh init    = Perf(mask_reinit) − Perf(random_reinit)
 *   θ0 at the ticket's layer ratios = Perf(layerwise_random) − Perf(random_reinit)
 */
import type { RoundPerf } from './summary';

/** One contrast A − B. */
export interface Contrast {
  readonly id: string;
  readonly label: string;
  readonly minuend: string;
  readonly subtrahend: string;
}

/** The contrasts of the decomposition, in the order the tables show them. */
export const DECOMPOSITION: readonly Contrast[] = [
  { id: 'total', label: 'total ticket effect', minuend: 'magnitude', subtrahend: 'random_reinit' },
  { id: 'weights', label: 'weights (θ0 in place)', minuend: 'magnitude', subtrahend: 'permute_weights' },
  { id: 'mask', label: 'mask (positions in a layer)', minuend: 'permute_weights', subtrahend: 'permute_mask_weights' },
  { id: 'layers', label: 'layer-wise ratios', minuend: 'permute_mask_weights', subtrahend: 'random_reinit' },
  { id: 'init_given_mask', label: 'θ0 under the ticket mask', minuend: 'magnitude', subtrahend: 'mask_reinit' },
  { id: 'mask_given_reinit', label: 'ticket mask, fresh init', minuend: 'mask_reinit', subtrahend: 'random_reinit' },
  { id: 'layers_theta0', label: 'θ0 at the layer ratios', minuend: 'layerwise_random', subtrahend: 'random_reinit' },
];

/** The three parts whose sum is the total effect. */
export const ADDITIVE_PARTS = ['weights', 'mask', 'layers'] as const;

export interface ContrastValue {
  readonly id: string;
  readonly roundNum: number;
  /** Seeds that have both chains at this round. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation over seeds (n − 1); 0 for one seed, NaN for none. */
  readonly sd: number;
  readonly perSeed: readonly { seed: number; value: number }[];
}

/** The chains a run must have for every contrast of the decomposition. */
export const DECOMPOSITION_METHODS: readonly string[] = [
  ...new Set(DECOMPOSITION.flatMap((c) => [c.minuend, c.subtrahend])),
];

/** Value of each contrast at one round, paired by seed (seeds missing either chain are left out). */
export function decomposeAt(rows: readonly RoundPerf[], roundNum: number): ContrastValue[] {
  const perf = new Map<string, number>();
  for (const r of rows) if (r.roundNum === roundNum) perf.set(`${r.method}\u0000${r.seed}`, r.perf);
  const seeds = [...new Set(rows.filter((r) => r.roundNum === roundNum).map((r) => r.seed))].sort((a, b) => a - b);
  return DECOMPOSITION.map((c) => {
    const perSeed: { seed: number; value: number }[] = [];
    for (const seed of seeds) {
      const a = perf.get(`${c.minuend}\u0000${seed}`);
      const b = perf.get(`${c.subtrahend}\u0000${seed}`);
      if (a !== undefined && b !== undefined) perSeed.push({ seed, value: a - b });
    }
    const n = perSeed.length;
    const mean = n ? perSeed.reduce((s, v) => s + v.value, 0) / n : NaN;
    const sd = n > 1 ? Math.sqrt(perSeed.reduce((s, v) => s + (v.value - mean) ** 2, 0) / (n - 1)) : n ? 0 : NaN;
    return { id: c.id, roundNum, n, mean, sd, perSeed };
  });
}

/** Share of the total effect carried by each additive part (NaN when the total is 0 or missing). */
export function sharesOfTotal(values: readonly ContrastValue[]): Record<(typeof ADDITIVE_PARTS)[number], number> {
  const total = values.find((v) => v.id === 'total')?.mean ?? NaN;
  const share = (id: string) => {
    const v = values.find((x) => x.id === id)?.mean ?? NaN;
    return total !== 0 && Number.isFinite(total) ? v / total : NaN;
  };
  return { weights: share('weights'), mask: share('mask'), layers: share('layers') };
}
