/**
 * What ES and gradient descent do to the weights (paper §5, SI Fig. 11; claim R9 of docs/ALGORITHMS.md
 * §10: GD solutions have larger weights and prune the input layer less than ES). From the `weights` rows of
 * a tour analysis file (`lab weights`, §6): per trainer and GD budget, the mean |W| of a layer's alive
 * weights and the share of the layer kept, against weights remaining; and one sentence at the sparsest
 * round. ES is compared with a GD budget on that budget's own seeds, paired by round.
 */
import type { TourAnalysis, WeightsRow } from './analysis-file';
import { combineVerdicts } from './sentence';
import type { Curve } from './analysis-curves';
import { aheadFrom, seedWords, trainerName } from './es-vs-gd';
import { meansByRound } from './round-means';
import { missing, sentence, type PaperVerdict, type Sentence } from './sentence';
import { pct, remainingText } from './words';
import { layerName, type LayerShape } from '../names';

/** The magnitude chains the claim compares: ES's ticket and GD-IMP's. */
const CHAINS = ['magnitude', 'gd_magnitude'];

/**
 * Mean |W| differences up to this count as a tie: the sentence prints |W| to two decimals, so
 * "larger" never joins two numbers it prints alike (0.289 against 0.287 is a tie, not a lead).
 */
export const ABS_W_TIE = 0.01;

/** GD's mean |W| against ES's, with ties within `ABS_W_TIE`. */
const absOrder = (gd: number, es: number): 'larger' | 'tied' | 'smaller' =>
  gd - es > ABS_W_TIE ? 'larger' : es - gd > ABS_W_TIE ? 'smaller' : 'tied';

export interface LayerCurve {
  readonly key: string;
  readonly trainer: 'es' | 'gd';
  readonly epochs?: number;
  readonly seeds: readonly number[];
  /** By round, densest first: weights remaining %, mean |W| of the alive weights, share of the layer kept %. */
  readonly points: readonly {
    readonly roundNum: number;
    readonly remainingPct: number;
    readonly meanAbsW: number;
    readonly layerRemainingPct: number;
  }[];
}

/**
 * The name of layer `layerIndex` of the analysed network as the result tabs give it ("hidden layer 1
 * (196 → 32)"), from its flax name in the rows and the network's `layers` (evidence-layers.ts).
 */
export function weightsLayerName(a: TourAnalysis, layerIndex: number, layers: readonly LayerShape[]): string {
  const flax = (a.weights ?? []).find((r) => r.layerIndex === layerIndex)?.layer ?? `Dense_${layerIndex}`;
  return layerName(flax, layers);
}

function curveOf(rows: readonly WeightsRow[], seeds?: readonly number[]): LayerCurve['points'] {
  const kept = seeds ? rows.filter((r) => seeds.includes(r.seed)) : rows;
  return meansByRound(kept, ['meanAbsW', 'layerRemainingPct']);
}

/** One curve of layer `layerIndex` per trainer and GD budget (ES first), magnitude chains only. */
export function layerCurves(a: TourAnalysis, layerIndex = 0): LayerCurve[] {
  const rows = (a.weights ?? []).filter((r) => r.layerIndex === layerIndex && CHAINS.includes(r.chain));
  const groups = new Map<string, WeightsRow[]>();
  for (const r of rows) {
    const key = r.trainer === 'gd' ? `gd-${r.epochs}` : 'es';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      trainer: g[0].trainer,
      ...(g[0].epochs !== undefined ? { epochs: g[0].epochs } : {}),
      seeds: [...new Set(g.map((r) => r.seed))].sort((x, y) => x - y),
      points: curveOf(g),
    }))
    .sort((x, y) => (x.trainer === y.trainer ? (x.epochs ?? 0) - (y.epochs ?? 0) : x.trainer === 'es' ? -1 : 1));
}

/**
 * The charts' curves of layer `layerIndex`: the mean |W| of its alive weights, or how much of the layer is
 * kept relative to the whole network (layer kept % ÷ all weights kept %: above 1, the layer is pruned less
 * than the rest; the paper's "prunes the input layer less").
 */
export function weightsChartCurves(a: TourAnalysis, field: 'meanAbsW' | 'relativeKept', layerIndex = 0): Curve[] {
  return layerCurves(a, layerIndex).map((c) => ({
    key: c.key,
    name: trainerName(c),
    points: c.points.map(
      (p) => [p.remainingPct, field === 'meanAbsW' ? p.meanAbsW : p.layerRemainingPct / p.remainingPct] as const,
    ),
  }));
}

export interface WeightsComparison {
  readonly epochs: number;
  readonly seeds: readonly number[];
  readonly lastRemainingPct: number;
  readonly gdAbs: number;
  readonly esAbs: number;
  /** Weights remaining % from which GD's alive weights stay larger than ES's, beyond a tie (null: not at the last round). */
  readonly gdLargerFromPct: number | null;
  readonly gdLayerPct: number;
  readonly esLayerPct: number;
}

/** Per GD budget, at the last round both reached: |W| and share kept of layer `layerIndex`, GD vs ES. */
export function weightsComparisons(a: TourAnalysis, layerIndex = 0): WeightsComparison[] {
  const esRows = (a.weights ?? []).filter(
    (r) => r.layerIndex === layerIndex && r.trainer === 'es' && CHAINS.includes(r.chain),
  );
  return layerCurves(a, layerIndex)
    .filter((c) => c.trainer === 'gd')
    .flatMap((c) => {
      const es = curveOf(esRows, c.seeds);
      const pairs = c.points.flatMap((g) => {
        const e = es.find((p) => p.roundNum === g.roundNum);
        // b carries the tie margin, so aheadFrom finds where GD leads by more than a tie
        return e
          ? [{ roundNum: g.roundNum, remainingPct: g.remainingPct, a: g.meanAbsW, b: e.meanAbsW + ABS_W_TIE, g, e }]
          : [];
      });
      if (!pairs.length) return [];
      const last = pairs[pairs.length - 1];
      return [
        {
          epochs: c.epochs!,
          seeds: c.seeds,
          lastRemainingPct: last.remainingPct,
          gdAbs: last.g.meanAbsW,
          esAbs: last.e.meanAbsW,
          gdLargerFromPct: aheadFrom(pairs)?.remainingPct ?? null,
          gdLayerPct: last.g.layerRemainingPct,
          esLayerPct: last.e.layerRemainingPct,
        },
      ];
    });
}

/**
 * R9 in one sentence, for the first layer (named among the network's `layers`): per GD budget, the mean |W|
 * of the alive weights against ES's (and from which sparsity GD's stay larger) and the share of the layer
 * each keeps, at the sparsest round. Each budget gives two verdicts (larger weights; more of the layer
 * kept); the sentence combines them.
 */
export function weightsSentence(a: TourAnalysis, layers: readonly LayerShape[]): Sentence {
  const all = weightsComparisons(a, 0);
  if (!all.length) return missing('the analysis file has no weight statistics of ES and gradient descent');
  const abs = (v: number) => v.toFixed(2);
  const verdicts: PaperVerdict[] = [];
  const values: Record<string, number> = {};
  const clauses = all.map((c, i) => {
    const order = absOrder(c.gdAbs, c.esAbs);
    // a tie in size ("about as large") is neither the paper's larger GD weights nor their opposite
    const sizeVerdict: PaperVerdict = order === 'larger' ? 'agrees' : order === 'tied' ? 'partly' : 'differs';
    verdicts.push(sizeVerdict, c.gdLayerPct > c.esLayerPct ? 'agrees' : 'differs');
    Object.assign(values, {
      [`gdAbs${c.epochs}`]: c.gdAbs,
      [`esAbs${c.epochs}`]: c.esAbs,
      [`gdLayer${c.epochs}`]: c.gdLayerPct,
      [`esLayer${c.epochs}`]: c.esLayerPct,
    });
    const larger =
      c.gdLargerFromPct === null
        ? order === 'tied'
          ? 'about as large'
          : 'smaller'
        : c.gdLargerFromPct === 100
          ? 'larger throughout'
          : `larger from ${remainingText(c.gdLargerFromPct)} on`;
    // ES is averaged over the same seeds as each GD budget, so its numbers can differ a little between clauses
    return i === 0
      ? `the alive weights of gradient descent with ${c.epochs} epochs per round (${seedWords(c.seeds)}) average ` +
          `|W| = ${abs(c.gdAbs)} against ES's ${abs(c.esAbs)} (${larger}) and it keeps ${pct(c.gdLayerPct)} of the ` +
          `layer against ES's ${pct(c.esLayerPct)}`
      : `with ${c.epochs} epochs (${seedWords(c.seeds)}; ES on the same seed${c.seeds.length > 1 ? 's' : ''}) ` +
          `${abs(c.gdAbs)} against ${abs(c.esAbs)} (${larger}), keeping ${pct(c.gdLayerPct)} against ${pct(c.esLayerPct)}`;
  });
  const last = all[0].lastRemainingPct;
  const text =
    `At ${remainingText(last)} of the weights, in ${weightsLayerName(a, 0, layers)}, ` +
    (clauses.length > 1 ? `${clauses.slice(0, -1).join('; ')}; and ${clauses.at(-1)}` : clauses[0]) +
    `. The right-hand chart divides each layer share by the ${remainingText(last)} of all weights kept.`;
  return sentence(text, combineVerdicts(verdicts), values);
}
