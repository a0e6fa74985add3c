/**
 * Magnitude–SNR correlation per IMP round (paper §5, Fig. 7; docs/ALGORITHMS.md §8.1): for each round's
 * final mean μ and σ, Pearson and Spearman correlation of |μ_i| against SNR_i = |μ_i|/σ_i over the
 * unpruned kernel entries of one layer (default: the last hidden layer, lastHiddenLayerIndex), how far the
 * two criteria agree on the next mask at the round's target sparsity (over that layer's alive entries),
 * and a downsampled scatter for the chart. A round whose σ is missing (GD) or the same for every weight
 * (ARS, OpenES) gets NaN statistics and says so in `sigma`. Pure CPU work on saved round records.
 */
import type { LayerSpec } from '../../nets/types';
import type { RoundRecord } from '../../experiments/events';
import type { PruneScope } from '../../prune/threshold';
import { magnitudeScores, snrScores } from '../../prune/scores';
import { sparsityOfRound } from '../../prune/schedule';
import type { Rng } from '../../rng';
import { curvatureSummary } from '../quadratic-fit';
import {
  activeKernelValues,
  criteriaAgreement,
  downsampleScatter,
  pearson,
  sigmaKind,
  spearman,
  type SigmaKind,
} from '../correlation';

/** What the analysis needs from a round record (saved run folders give exactly this). */
export type RoundSnapshot = Pick<
  RoundRecord,
  'seed' | 'method' | 'roundNum' | 'sparsityFrac' | 'mask' | 'mean' | 'std'
>;

export interface CorrelationOptions {
  readonly layers: readonly LayerSpec[];
  /** Index of the layer whose kernel is correlated (default in the analysis: lastHiddenLayerIndex). */
  readonly layerIndex: number;
  /** p of the IMP schedule: the next round's target sparsity is 1 − (1 − p)^k (docs/ALGORITHMS.md §3.2). */
  readonly pruneFrac: number;
  readonly scope?: PruneScope;
  /** Scatter points kept per round (default 2000). */
  readonly maxPoints?: number;
  /** Draws the scatter subsample; split per (seed, method, round) so results do not depend on order. */
  readonly rng: Rng;
}

export interface RoundCorrelation {
  readonly seed: number;
  readonly method: string;
  readonly roundNum: number;
  readonly sparsityFrac: number;
  /** Unpruned kernel entries of the layer the correlation is over. */
  readonly n: number;
  /** Pearson(|μ|, |μ|/σ) (docs/ALGORITHMS.md §8.1, scipy.stats.pearsonr). */
  readonly pearson: number;
  /** Spearman rank correlation of the same pairs (average ranks for ties). */
  readonly spearman: number;
  /** Target sparsity of the next round, at which the two criteria are compared. */
  readonly nextSparsityFrac: number;
  /** What the saved σ allows: the statistics below are NaN unless it is 'per-weight'. */
  readonly sigma: SigmaKind;
  /** Fraction of the layer's alive entries where magnitude and SNR make the same next keep/prune decision. */
  readonly agreeFrac: number;
  /** IoU of the survivors of the two next masks, over the layer's alive entries. */
  readonly survivorIoU: number;
  /** Downsampled (|μ|, SNR) points of the layer, for the scatter chart. */
  readonly scatter: { readonly magnitude: Float32Array; readonly snr: Float32Array };
}

/** Correlation analysis of one round. */
export function roundCorrelation(r: RoundSnapshot, o: CorrelationOptions): RoundCorrelation {
  const layer = o.layers[o.layerIndex];
  if (!layer)
    throw new Error(
      `correlationByRound: layer index ${o.layerIndex} out of range (network has ${o.layers.length} layers)`,
    );
  const nextSparsityFrac = sparsityOfRound(r.roundNum + 1, 1 - o.pruneFrac);
  const sigma = sigmaKind(r.std, r.mask, layer);
  const mag = magnitudeScores(r.mean, r.mask);
  const x = activeKernelValues(mag, r.mask, layer);
  const base = { seed: r.seed, method: r.method, roundNum: r.roundNum, sparsityFrac: r.sparsityFrac, n: x.length };
  if (sigma !== 'per-weight') {
    const none = new Float32Array(0);
    const nan = { pearson: NaN, spearman: NaN, agreeFrac: NaN, survivorIoU: NaN };
    return { ...base, ...nan, sigma, nextSparsityFrac, scatter: { magnitude: none, snr: none } };
  }
  const snr = snrScores(r.mean, r.std, r.mask);
  const y = activeKernelValues(snr, r.mask, layer);
  const agree = criteriaAgreement(mag, snr, r.mask, o.layers, nextSparsityFrac, o.scope ?? 'global', [layer]);
  const sample = downsampleScatter(x, y, o.maxPoints ?? 2000, o.rng.split(`${r.seed}/${r.method}/${r.roundNum}`));
  return {
    ...base,
    sigma,
    pearson: pearson(x, y),
    spearman: spearman(x, y),
    nextSparsityFrac,
    agreeFrac: agree.agreeFrac,
    survivorIoU: agree.survivorIoU,
    scatter: { magnitude: sample.x, snr: sample.y },
  };
}

/** Per-round correlations for every record given (any mix of seeds and chains), sorted by method, seed, round. */
export function correlationByRound(records: readonly RoundSnapshot[], o: CorrelationOptions): RoundCorrelation[] {
  return [...records]
    .sort((a, b) => a.method.localeCompare(b.method) || a.seed - b.seed || a.roundNum - b.roundNum)
    .map((r) => roundCorrelation(r, o));
}

/** Mean and s.e. over seeds of a per-round value, per (method, round): the Fig. 7 curve. */
export function meanOverSeeds(
  rows: readonly RoundCorrelation[],
  value: (r: RoundCorrelation) => number,
): { method: string; roundNum: number; mean: number; se: number; n: number }[] {
  const groups = new Map<string, RoundCorrelation[]>();
  for (const r of rows) {
    const k = `${r.method}\u0000${r.roundNum}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()]
    .map((g) => {
      const { mean, se, n } = curvatureSummary(g.map(value).filter(Number.isFinite)); // generic mean ± s.e.
      return { method: g[0].method, roundNum: g[0].roundNum, mean, se, n };
    })
    .sort((a, b) => a.method.localeCompare(b.method) || a.roundNum - b.roundNum);
}
