/**
 * ES and gradient descent under pruning (paper §4, Fig. 3; claim R4 of docs/ALGORITHMS.md §10: the
 * signal-to-noise ES ticket degrades more gracefully than GD-IMP, whose accuracy drops earlier on vision).
 * From the `curves` rows of a tour analysis file: one accuracy curve per ES chain and per GD budget (epochs
 * per round), and for every GD budget where the ES ticket overtakes it for good. ES is compared with a GD
 * budget on the GD budget's own seeds only (the longer GD budgets may have fewer seeds), paired by round.
 */
import type { CurveRow, TourAnalysis } from './analysis-file';
import type { Curve } from './analysis-curves';
import { meansByRound } from './round-means';
import { missing, sentence, type PaperVerdict, type Sentence } from './sentence';
import { gapText, perfText, remainingText, seedsText } from './words';

/** A mean curve over seeds: [weights remaining %, mean] by round, densest first. */
export interface MeanCurve {
  readonly key: string;
  readonly trainer: 'es' | 'gd';
  readonly chain: string;
  readonly epochs?: number;
  readonly seeds: readonly number[];
  readonly points: readonly { readonly roundNum: number; readonly remainingPct: number; readonly mean: number }[];
}

const keyOf = (r: Pick<CurveRow, 'trainer' | 'chain' | 'epochs'>) =>
  r.trainer === 'gd' ? `gd-${r.epochs}-${r.chain}` : `es-${r.chain}`;

/** Mean over `seeds` (all of the curve's when omitted) of each round of the rows' curve. */
function meanCurve(rows: readonly CurveRow[], seeds?: readonly number[]): MeanCurve['points'] {
  const kept = seeds ? rows.filter((r) => seeds.includes(r.seed)) : rows;
  return meansByRound(kept, ['perf']).map((p) => ({
    roundNum: p.roundNum,
    remainingPct: p.remainingPct,
    mean: p.perf,
  }));
}

/** Every curve of the file: ES chains first, then GD budgets by epochs per round. */
export function esGdCurves(a: TourAnalysis): MeanCurve[] {
  const rows = a.curves ?? [];
  const groups = new Map<string, CurveRow[]>();
  for (const r of rows) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      trainer: g[0].trainer,
      chain: g[0].chain,
      ...(g[0].epochs !== undefined ? { epochs: g[0].epochs } : {}),
      seeds: [...new Set(g.map((r) => r.seed))].sort((x, y) => x - y),
      points: meanCurve(g),
    }))
    .sort((x, y) => (x.trainer === y.trainer ? (x.epochs ?? 0) - (y.epochs ?? 0) : x.trainer === 'es' ? -1 : 1));
}

/**
 * The first round from which `a` stays above `b` through the last round both have (null when `b` is
 * still ahead, or level, at the last one): where one curve overtakes the other for good.
 */
export function aheadFrom<T extends { readonly roundNum: number }>(pairs: readonly (T & { a: number; b: number })[]) {
  const sorted = [...pairs].sort((x, y) => x.roundNum - y.roundNum);
  let from: (T & { a: number; b: number }) | null = null;
  for (const p of sorted)
    if (p.a > p.b) from ??= p;
    else from = null;
  return from;
}

export interface GdComparison {
  readonly epochs: number;
  readonly seeds: readonly number[];
  /** GD's and ES's dense (round 1) results on the GD budget's seeds. */
  readonly gdDense: number;
  readonly esDense: number;
  /** Weights remaining % from which ES stays ahead on average (null: GD is still ahead at the last round). */
  readonly esAheadFromPct: number | null;
  /** Weights remaining % from which ES stays ahead on every one of the budget's seeds (null: never for good). */
  readonly esAheadEverySeedFromPct: number | null;
  /** ES's result at that round (on the GD budget's seeds). */
  readonly esAtCrossing: number | null;
  readonly lastRemainingPct: number;
  /** ES − GD at the last round both reached. */
  readonly lastGap: number;
}

/**
 * By round, the smallest ES − GD difference over the seeds both have at that round, as `aheadFrom` pairs
 * (b = 0): a mean crossing can hide a seed on which GD is still ahead.
 */
function worstSeedPairs(es: readonly CurveRow[], gd: readonly CurveRow[]) {
  return gd
    .flatMap((g) => {
      const e = es.find((r) => r.seed === g.seed && r.roundNum === g.roundNum);
      return e ? [{ roundNum: g.roundNum, remainingPct: g.remainingPct, diff: e.perf - g.perf }] : [];
    })
    .reduce<{ roundNum: number; remainingPct: number; a: number; b: number }[]>((acc, d) => {
      const at = acc.find((p) => p.roundNum === d.roundNum);
      if (at) at.a = Math.min(at.a, d.diff);
      else acc.push({ roundNum: d.roundNum, remainingPct: d.remainingPct, a: d.diff, b: 0 });
      return acc;
    }, []);
}

/** For every GD budget: where the ES chain `esChain` overtakes it, on the GD budget's seeds. */
export function gdComparisons(a: TourAnalysis, esChain = 'snr'): GdComparison[] {
  const rows = a.curves ?? [];
  const es = rows.filter((r) => r.trainer === 'es' && r.chain === esChain);
  return esGdCurves(a)
    .filter((c) => c.trainer === 'gd')
    .flatMap((c) => {
      const esPts = meanCurve(es, c.seeds);
      const pairs = c.points.flatMap((g) => {
        const e = esPts.find((p) => p.roundNum === g.roundNum);
        return e ? [{ roundNum: g.roundNum, remainingPct: g.remainingPct, a: e.mean, b: g.mean }] : [];
      });
      if (pairs.length < 2 || pairs[0].roundNum !== 1) return [];
      const last = pairs[pairs.length - 1];
      const cross = aheadFrom(pairs);
      const everySeed = aheadFrom(
        worstSeedPairs(
          es,
          rows.filter((r) => keyOf(r) === c.key),
        ),
      );
      return [
        {
          epochs: c.epochs!,
          seeds: c.seeds,
          gdDense: pairs[0].b,
          esDense: pairs[0].a,
          esAheadFromPct: cross?.remainingPct ?? null,
          esAheadEverySeedFromPct: everySeed?.remainingPct ?? null,
          esAtCrossing: cross?.a ?? null,
          lastRemainingPct: last.remainingPct,
          lastGap: last.a - last.b,
        },
      ];
    });
}

/**
 * Where the mean crossing and the every-seed crossing differ, says where ES is ahead on every seed
 * (" (on every seed from 6.87 %)"); empty for one seed or when they agree.
 */
function everySeedNote(c: GdComparison): string {
  if (c.seeds.length < 2 || c.esAheadEverySeedFromPct === c.esAheadFromPct) return '';
  return c.esAheadEverySeedFromPct === null
    ? ' (not yet on every seed at the last round)'
    : ` (on every seed from ${remainingText(c.esAheadEverySeedFromPct)})`;
}

/** "3 seeds" or "seed 0 only". */
export const seedWords = (seeds: readonly number[]): string =>
  seeds.length === 1 ? `seed ${seeds[0]} only` : seedsText(seeds.length);

/** Legend name of a trainer (and GD budget) with its seeds: "GD, 10 epochs per round (seed 0 only)". */
export const trainerName = (c: { trainer: 'es' | 'gd'; epochs?: number; seeds: readonly number[] }, what = '') =>
  `${c.trainer === 'es' ? 'ES' : `GD, ${c.epochs} epochs per round`}${what} (${seedWords(c.seeds)})`;

const SHORT_CHAIN: Readonly<Record<string, string>> = { snr: 'signal-to-noise ticket', magnitude: 'magnitude ticket' };

/** The chart's curves: accuracy (mean over seeds) against weights remaining, ES chains first. */
export function esGdChartCurves(a: TourAnalysis): Curve[] {
  return esGdCurves(a).map((c) => ({
    key: c.key,
    name: trainerName(c, c.trainer === 'es' ? `, ${SHORT_CHAIN[c.chain] ?? c.chain}` : ''),
    points: c.points.map((p) => [p.remainingPct, p.mean] as const),
  }));
}

/** Marker points of the chart: where the ES ticket passes each GD budget for good (ES's result there). */
export function crossingCurve(a: TourAnalysis, esChain = 'snr'): Curve | null {
  const points = gdComparisons(a, esChain)
    .flatMap((c) => (c.esAheadFromPct === null ? [] : [[c.esAheadFromPct, c.esAtCrossing!] as const]))
    .sort((x, y) => y[0] - x[0]);
  return points.length ? { key: 'crossing', name: 'ES passes GD for good', points } : null;
}

/**
 * R4 in one sentence: for every GD budget, its dense accuracy, from which sparsity the signal-to-noise ES
 * ticket stays ahead of it, and the gap at the sparsest round. Agrees when ES ends ahead of every budget.
 */
export function esVsGdSentence(a: TourAnalysis, esChain = 'snr'): Sentence {
  const all = gdComparisons(a, esChain);
  if (!all.length) return missing('the analysis file has no ES and gradient-descent curves to compare');
  const metric = a.metric;
  const clauses = all.map((c, i) => {
    const per = i === 0 ? `gradient descent with ${c.epochs} epochs per round` : `with ${c.epochs} epochs`;
    const budget = `${per} (dense ${perfText(c.gdDense, metric)}, ${seedWords(c.seeds)})`;
    if (c.esAheadFromPct === null) return `${budget} stays ahead of it down to ${remainingText(c.lastRemainingPct)}`;
    const gap = gapText(c.lastGap, metric);
    const seedNote = everySeedNote(c);
    return i === 0
      ? `${budget} falls below it ${seedNote ? 'on average ' : ''}from ${remainingText(c.esAheadFromPct)} of the ` +
          `weights on${seedNote} and ends ${gap} lower at ${remainingText(c.lastRemainingPct)}`
      : `${budget} from ${remainingText(c.esAheadFromPct)} on${seedNote}, ${gap} lower`;
  });
  const ahead = all.filter((c) => c.esAheadFromPct !== null).length;
  const verdict: PaperVerdict = ahead === all.length ? 'agrees' : ahead === 0 ? 'differs' : 'partly';
  const esDense = all[0].esDense;
  const below = all.every((c) => c.esDense < c.gdDense) ? ', below every gradient-descent budget' : '';
  const text =
    `The signal-to-noise ES ticket starts at ${perfText(esDense, metric)}${below}; ` +
    (clauses.length > 1 ? `${clauses.slice(0, -1).join('; ')}; and ${clauses.at(-1)}` : clauses[0]) +
    '.';
  const values: Record<string, number> = { budgets: all.length, esDense };
  for (const c of all) {
    values[`gdDense${c.epochs}`] = c.gdDense;
    values[`lastGap${c.epochs}`] = c.lastGap;
    if (c.esAheadFromPct !== null) values[`esAheadFrom${c.epochs}`] = c.esAheadFromPct;
  }
  return sentence(text, verdict, values);
}
