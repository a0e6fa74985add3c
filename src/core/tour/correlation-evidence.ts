/**
 * How far weight size and signal-to-noise ratio agree as weights are pruned (paper §3, Fig. 7; claim R11
 * of docs/ALGORITHMS.md §10: the |θ|–SNR correlation falls with sparsity). From the `correlation` rows of
 * a tour analysis file (`lab correlation`, §6: over the alive weights of one layer of every ES network):
 * per chain, the mean over seeds of the Pearson correlation of |μ| and |μ|/σ and of the share of alive
 * weights on which the two rules make the same keep/prune decision, against weights remaining.
 */
import type { CorrelationRow, TourAnalysis } from './analysis-file';
import type { Curve } from './analysis-curves';
import { combineVerdicts } from './sentence';
import { meansByRound } from './round-means';
import { missing, sentence, type PaperVerdict, type Sentence } from './sentence';
import { chainWords, pct, remainingText, seedsText } from './words';
import { layerName, type LayerShape } from '../names';

export interface CorrelationCurve {
  readonly chain: string;
  readonly seeds: number;
  readonly layer: string;
  /** By round, densest first: weights remaining %, mean Pearson, mean share of same decisions. */
  readonly points: readonly {
    readonly roundNum: number;
    readonly remainingPct: number;
    readonly pearson: number;
    readonly agree: number;
  }[];
}

/** One curve per chain (magnitude first, then the signal-to-noise chain, then any other). */
export function correlationCurves(a: TourAnalysis): CorrelationCurve[] {
  const rows = a.correlation ?? [];
  const order = (c: string) => (c === 'magnitude' ? 0 : c === 'snr' ? 1 : 2);
  const chains = [...new Set(rows.map((r) => r.chain))].sort((x, y) => order(x) - order(y));
  return chains.map((chain) => {
    const mine = rows.filter((r: CorrelationRow) => r.chain === chain);
    return {
      chain,
      seeds: new Set(mine.map((r) => r.seed)).size,
      layer: mine[0].layer,
      points: meansByRound(mine, ['pearson', 'agree']),
    };
  });
}

/** The charts' curves, one per chain: the Pearson correlation, or the share of same decisions. */
export function correlationChartCurves(a: TourAnalysis, field: 'pearson' | 'agree'): Curve[] {
  return correlationCurves(a).map((c) => ({
    key: c.chain,
    name: `${chainWords(c.chain).replace(/^the /, '')} chain (${seedsText(c.seeds)})`,
    points: c.points.map((p) => [p.remainingPct, p[field]] as const),
  }));
}

/**
 * R11 in one sentence: per chain, the Pearson correlation of |μ| and |μ|/σ at the first and the last
 * round, and the share of same decisions at the last. Agrees where the correlation falls in every chain.
 * The layer is named as the result tabs name it among the network's `layers` (evidence-layers.ts).
 */
export function correlationSentence(a: TourAnalysis, layers: readonly LayerShape[]): Sentence {
  const curves = correlationCurves(a).filter((c) => c.points.length > 1);
  if (!curves.length) return missing('the analysis file has no magnitude–SNR correlation results');
  const verdicts: PaperVerdict[] = [];
  const values: Record<string, number> = {};
  const first = curves[0].points[0];
  const last = (c: CorrelationCurve) => c.points[c.points.length - 1];
  const falls = curves.map((c) => {
    const [p0, p1] = [c.points[0], last(c)];
    verdicts.push(p1.pearson < p0.pearson ? 'agrees' : 'differs');
    Object.assign(values, {
      [`${c.chain}First`]: p0.pearson,
      [`${c.chain}Last`]: p1.pearson,
      [`${c.chain}Agree`]: p1.agree,
    });
    return `${p1.pearson.toFixed(2)} in the chain of ${chainWords(c.chain)}`;
  });
  const agree = curves.map((c) => pct(100 * last(c).agree, 0));
  const list = (xs: readonly string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : xs[0]);
  const seeds = Math.min(...curves.map((c) => c.seeds));
  const verb = verdicts.every((v) => v === 'agrees') ? 'falls' : 'goes';
  return sentence(
    `Over the alive weights of ${layerName(curves[0].layer, layers)}, the correlation of weight size |μ| with the ` +
      `signal-to-noise ratio |μ|/σ ${verb} from ${first.pearson.toFixed(2)} with all weights to ${list(falls)} at ` +
      `${remainingText(last(curves[0]).remainingPct)}, where the two rules still make the same keep-or-prune choice ` +
      `for ${list(agree)} of the alive weights (Pearson, ${seeds > 1 ? `mean of ${seedsText(seeds)}` : seedsText(1)}).`,
    combineVerdicts(verdicts),
    values,
  );
}
