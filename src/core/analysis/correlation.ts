/**
 * Magnitude–SNR analysis (paper §5, Fig. 7; docs/ALGORITHMS.md §8): Pearson (scipy `pearsonr`) and
 * Spearman (average ranks for ties) correlations, the |μ| vs |μ|/σ correlation over one layer's
 * unpruned kernel entries, how often the two criteria agree, the relative SNR gain, and a scatter
 * down-sampler so charts never draw 10⁵ points.
 */
import type { LayerSpec } from '../nets/types';
import type { Rng } from '../rng';
import { magnitudeScores, snrScores } from '../prune/scores';
import { maskFromScores, type PruneScope } from '../prune/threshold';

/** Pearson correlation of x and y (NaN if either is constant or n < 2). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new Error(`pearson: lengths ${n} and ${y.length} differ`);
  if (n < 2) return NaN;
  let mx = 0,
    my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx,
      dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** 1-based ranks with ties given their average rank (scipy.stats.rankdata 'average'). */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]] === x[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

/** Spearman rank correlation: Pearson of the average ranks. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/** Values of `v` at the unpruned kernel entries of layer `l`. */
export function activeKernelValues(v: Float32Array, mask: Uint8Array, l: LayerSpec): Float32Array {
  const out: number[] = [];
  for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) if (mask[i]) out.push(v[i]);
  return Float32Array.from(out);
}

/**
 * Pearson(|μ|, |μ|/σ) over the unpruned kernel entries of one layer (docs/ALGORITHMS.md §8.1: es-lottery uses the
 * layer at index 1, Conv_1 / Dense_1).
 */
export function magnitudeSnrCorrelation(
  mean: Float32Array,
  std: Float32Array,
  mask: Uint8Array,
  layer: LayerSpec,
): number {
  return pearson(
    activeKernelValues(magnitudeScores(mean, mask), mask, layer),
    activeKernelValues(snrScores(mean, std, mask), mask, layer),
  );
}

export interface CriteriaAgreement {
  /**
   * Fraction of the entries still alive in this round (mask 1) on which the magnitude and the SNR next
   * masks make the same keep/prune decision. Already-pruned entries are left out: both criteria keep them
   * pruned, so counting them would make the agreement rise with sparsity by construction.
   */
  readonly agreeFrac: number;
  /** IoU of the two next masks' surviving entries (over the same entries). */
  readonly survivorIoU: number;
  /** Alive entries counted. */
  readonly alive: number;
  readonly magnitudeMask: Uint8Array;
  readonly snrMask: Uint8Array;
}

/**
 * How far the two criteria's next masks (each at the same target sparsity, by the run's global or
 * layer-wise rule over all layers) agree, counted over the alive kernel entries of `over` (default: all
 * layers).
 */
export function criteriaAgreement(
  magScores: Float32Array,
  snrScoresV: Float32Array,
  mask: Uint8Array,
  layers: readonly LayerSpec[],
  targetSparsity: number,
  scope: PruneScope = 'global',
  over: readonly LayerSpec[] = layers,
): CriteriaAgreement {
  const a = maskFromScores(magScores, mask, layers, targetSparsity, scope).mask;
  const b = maskFromScores(snrScoresV, mask, layers, targetSparsity, scope).mask;
  let same = 0,
    alive = 0,
    both = 0,
    either = 0;
  for (const l of over) {
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) {
      if (!mask[i]) continue;
      alive++;
      if (a[i] === b[i]) same++;
      if (a[i] && b[i]) both++;
      if (a[i] || b[i]) either++;
    }
  }
  return {
    agreeFrac: alive ? same / alive : NaN,
    survivorIoU: either ? both / either : alive ? 1 : NaN,
    alive,
    magnitudeMask: a,
    snrMask: b,
  };
}

/** What a chain's saved σ can say about signal-to-noise (docs/ALGORITHMS.md §1.5, §8). */
export type SigmaKind = 'per-weight' | 'isotropic' | 'none';

/**
 * Classifies σ over the alive kernel entries of `layer`: 'none' when it is missing (GD-IMP stores NaN),
 * 'isotropic' when every alive entry has the same σ (ARS and OpenES: then |μ|/σ ranks weights exactly as
 * |μ| does, so a magnitude–SNR correlation is 1 by construction and says nothing), else 'per-weight'.
 */
export function sigmaKind(std: Float32Array, mask: Uint8Array, layer: LayerSpec): SigmaKind {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = layer.kernelOffset; i < layer.kernelOffset + layer.kernelSize; i++) {
    if (!mask[i]) continue;
    const s = std[i];
    if (!Number.isFinite(s)) return 'none';
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  if (lo > hi) return 'none'; // no alive entry (or no σ saved)
  return hi - lo <= 1e-6 * Math.abs(hi) ? 'isotropic' : 'per-weight';
}

/**
 * Default layer of the correlation (docs/ALGORITHMS.md §8.1): the last hidden layer, i.e. the kernel that
 * feeds the output layer. That is es-lottery's index 1 for its CNN (Conv_1) and its 3-kernel MLPs (Dense_1),
 * and Dense_0 (the hidden layer's incoming weights) for a one-hidden-layer MLP such as 196-32-10, where
 * index 1 would be the output layer.
 */
export function lastHiddenLayerIndex(layers: readonly unknown[]): number {
  return Math.max(0, layers.length - 2);
}

/** A layer option as the analyses take it (−1 = the last hidden layer) → a layer index, checked. */
export function layerIndexOf(layer: number, layers: readonly { readonly name: string }[]): number {
  const i = layer < 0 ? lastHiddenLayerIndex(layers) : layer;
  if (!Number.isInteger(i) || i >= layers.length)
    throw new Error(
      `layer ${layer} is out of range: the network has ${layers.length} layers (${layers.map((l, k) => `${k} = ${l.name}`).join(', ')})`,
    );
  return i;
}

/**
 * docs/ALGORITHMS.md §8.4 (exploratory, Fetch): Spearman correlation between a round's scores (SNR chain: SNR; IMP
 * chain: |μ|) and round 1's, restricted to the kernel entries that survive the chain's final mask.
 */
export function survivorRankCorrelation(
  valuesRoundK: Float32Array,
  valuesRound1: Float32Array,
  finalMask: Uint8Array,
  layers: readonly LayerSpec[],
): number {
  const a: number[] = [],
    b: number[] = [];
  for (const l of layers) {
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) {
      if (finalMask[i]) {
        a.push(valuesRoundK[i]);
        b.push(valuesRound1[i]);
      }
    }
  }
  return spearman(a, b);
}

/** Relative SNR gain per round (docs/ALGORITHMS.md §8.2): (Perf_SNR(k) − Perf_IMP(k)) / Perf_SNR(1). */
export function relativeSnrGain(perfSnr: readonly number[], perfImp: readonly number[]): number[] {
  if (perfSnr.length !== perfImp.length) throw new Error('relativeSnrGain: chains have different lengths');
  return perfSnr.map((s, k) => (s - perfImp[k]) / perfSnr[0]);
}

/** At most `maxPoints` (x, y) pairs, drawn uniformly without replacement and kept in index order. */
export function downsampleScatter(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  maxPoints: number,
  rng: Rng,
): { x: Float32Array; y: Float32Array; indices: Int32Array } {
  if (x.length !== y.length) throw new Error('downsampleScatter: x and y lengths differ');
  const n = x.length;
  const indices =
    n <= maxPoints ? Int32Array.from({ length: n }, (_, i) => i) : rng.sampleWithoutReplacement(n, maxPoints).sort();
  return { x: Float32Array.from(indices, (i) => x[i]), y: Float32Array.from(indices, (i) => y[i]), indices };
}
