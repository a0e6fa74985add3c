/**
 * One-sentence result from a tour analysis file (analysis-file.ts): ES and gradient descent find
 * different minima (paper §5, Fig. 6: R8 linear mode connectivity, R10 flatness; docs/ALGORITHMS.md §6–§7).
 * Each clause is compared with the paper's claim; the sentence's verdict combines them. The transfer
 * sentence is in transfer-sentence.ts.
 */
import type { LmcRow, SharpnessRow, TourAnalysis } from './analysis-file';
import { meanOf } from './run-curves';
import { combineVerdicts, missing, sentence, type PaperVerdict, type Sentence, type VerdictPart } from './sentence';
import { chainWords, pct, remainingText } from './words';
import { barrierEsChain, esChainOf } from './analysis-curves';
import { connectivityPart, curvaturePart, sharperRounds, type EsGdJudged, type RoundsJudged } from './minima-verdict';

/** Two networks count as linearly connected below this error barrier (docs/ALGORITHMS.md §6 lab default). */
export const CONNECTED_BELOW = 0.02;

const isGd = (chain: string) => chain.startsWith('gd_');

/**
 * The barrier a row is read by: the excess over the straight line between the endpoints when the file has
 * it (two networks of different accuracy are not "separated" by their accuracy gap), else the endpoint one.
 */
const barrierOf = (r: LmcRow) => r.excessBarrier ?? r.barrier;

/** Names the reading `barrierOf` used for these rows. */
const barrierWords = (rows: readonly LmcRow[]) =>
  rows.every((r) => r.excessBarrier !== undefined) ? 'an excess error barrier' : 'an error barrier';

/** Mean barrier of consecutive-round pairs at the first and the last pair of `chain` (over seeds). */
function consecutive(rows: readonly LmcRow[], chain: string) {
  const pairs = rows.filter((r) => r.pair === 'rounds' && r.chain === chain && r.roundB === r.roundA + 1);
  if (!pairs.length) return null;
  const firstRound = Math.min(...pairs.map((r) => r.roundA)),
    lastRound = Math.max(...pairs.map((r) => r.roundA));
  if (firstRound === lastRound) return null;
  const at = (k: number) => pairs.filter((r) => r.roundA === k);
  return {
    first: meanOf(at(firstRound).map(barrierOf)),
    last: meanOf(at(lastRound).map(barrierOf)),
    lastRemaining: at(lastRound)[0].remainingPctB,
  };
}

/** Mean sharpness of `chain` at its first and its last measured round (over seeds). */
function sharpnessTrend(rows: readonly SharpnessRow[], chain: string) {
  const mine = rows.filter((r) => r.chain === chain);
  if (!mine.length) return null;
  const k0 = Math.min(...mine.map((r) => r.roundNum)),
    k1 = Math.max(...mine.map((r) => r.roundNum));
  if (k0 === k1) return null;
  const at = (k: number) => mine.filter((r) => r.roundNum === k);
  return {
    first: meanOf(at(k0).map((r) => r.a)),
    last: meanOf(at(k1).map((r) => r.a)),
    lastRemaining: at(k1)[0].remainingPct,
  };
}

/**
 * R8 + R10 in one sentence: independent ES runs, ES vs gradient descent from the same start, consecutive
 * rounds of one ES run (error barriers), and how the sharpness of ES (and GD) minima changes with sparsity.
 * Clauses whose data the file lacks are left out.
 */
export function minimaSentence(a: TourAnalysis, preferredChain = 'magnitude'): Sentence {
  const lmc = a.lmc ?? [];
  // the chart beside the sentence draws the same chain's barriers (analysis-curves.ts)
  const es = barrierEsChain(a, preferredChain);
  const clauses: string[] = [];
  const verdicts: PaperVerdict[] = [];
  const values: Record<string, number> = {};
  const parts: VerdictPart[] = [];
  let esGdJudged: EsGdJudged | null = null,
    roundsJudged: RoundsJudged | null = null;
  const seedRows = lmc.filter((r) => r.pair === 'seeds' && r.chain === es);
  if (seedRows.length) {
    values.seedsBarrier = meanOf(seedRows.map(barrierOf));
    // Runs from different starting weights are separated for any optimiser: context, not evidence about ES.
    const gdSeeds = lmc.filter((r) => r.pair === 'seeds' && isGd(r.chain));
    const control = gdSeeds.length
      ? ` (gradient-descent runs from different starts: ${pct(100 * meanOf(gdSeeds.map(barrierOf)))})`
      : ' (runs from different starting weights are expected to be separated whatever the optimiser)';
    clauses.push(
      `two ES runs from different starting weights are separated by ${barrierWords(seedRows)} of ` +
        `${pct(100 * values.seedsBarrier)} on average${control}`,
    );
  }
  const esGd = lmc.filter((r) => r.pair === 'es-gd' && r.chain === es);
  if (esGd.length) {
    values.esGdBarrier = meanOf(esGd.map(barrierOf));
    // Judged pair by pair, not by the mean: a mean just above the line can hide a majority of connected pairs.
    const apart = esGd.filter((r) => barrierOf(r) >= CONNECTED_BELOW).length;
    values.esGdApart = apart;
    values.esGdPairs = esGd.length;
    clauses.push(
      `an ES and a gradient-descent network grown from the same start by ${barrierWords(esGd)} of ` +
        `${pct(100 * values.esGdBarrier)}` +
        (esGd.length > 1
          ? ` on average (${apart} of ${esGd.length} pairs of the same seed and round separated by ` +
            `${pct(100 * CONNECTED_BELOW, 0)} or more)`
          : ''),
    );
    esGdJudged = {
      verdict: apart === esGd.length ? 'agrees' : apart === 0 ? 'differs' : 'partly',
      apart,
      pairs: esGd.length,
    };
    verdicts.push(esGdJudged.verdict);
  }
  const cons = es ? consecutive(lmc, es) : null;
  if (cons) {
    Object.assign(values, { roundsFirst: cons.first, roundsLast: cons.last });
    clauses.push(
      `consecutive rounds of one ES run by ${pct(100 * cons.first)} at first and ${pct(100 * cons.last)} at ` +
        `${remainingText(cons.lastRemaining)} of the weights`,
    );
    roundsJudged = { verdict: cons.last < cons.first ? 'agrees' : 'differs', first: cons.first, last: cons.last };
    verdicts.push(roundsJudged.verdict);
  }
  const connectivity = connectivityPart(esGdJudged, roundsJudged);
  if (connectivity) parts.push(connectivity);
  const sharpRows = a.sharpness ?? [];
  // the landscape may have been measured on another chain than the barriers (docs/RESULTS.md: the SNR chain)
  const sharpChain = esChainOf(
    sharpRows.map((r) => r.chain),
    preferredChain,
  );
  const esSharp = sharpChain ? sharpnessTrend(sharpRows, sharpChain) : null;
  if (esSharp) {
    Object.assign(values, { sharpFirst: esSharp.first, sharpLast: esSharp.last });
    const gdChain = sharpRows.map((r) => r.chain).find(isGd);
    const gdSharp = gdChain ? sharpnessTrend(sharpRows, gdChain) : null;
    // named where it is not the chain the sentence opens with
    const other = es && sharpChain !== es ? ` (${chainWords(sharpChain!)})` : '';
    let clause =
      `the sharpness of the ES minima${other} goes from ${esSharp.first.toFixed(1)} to ${esSharp.last.toFixed(1)} ` +
      `as the weights fall to ${remainingText(esSharp.lastRemaining)}`;
    if (gdSharp) {
      Object.assign(values, { gdSharpFirst: gdSharp.first, gdSharpLast: gdSharp.last });
      clause += ` while gradient descent's goes from ${gdSharp.first.toFixed(1)} to ${gdSharp.last.toFixed(1)}`;
      // the paper's criterion (R10): ES curvature rises more slowly with pruning than gradient descent's
      const verdict = gdSharp.last / gdSharp.first > esSharp.last / esSharp.first ? 'agrees' : 'differs';
      const level = sharperRounds(sharpRows, sharpChain!, gdChain!);
      Object.assign(values, { esSharperAt: level.sharperAt, sharpShared: level.shared });
      parts.push(curvaturePart({ verdict, es: esSharp, gd: gdSharp, ...level }));
      verdicts.push(verdict);
    } else clause += " (gradient descent's was not measured, so flatness is not compared)";
    clauses.push(clause);
  }
  if (!clauses.length) return missing('the analysis file has no connectivity or sharpness results for an ES chain');
  const list = clauses.length > 1 ? `${clauses.slice(0, -1).join('; ')}; and ${clauses.at(-1)}` : clauses[0];
  // which ES chain the numbers come from, as the chart's legend says it (a file may hold several)
  const chain = es ?? sharpChain;
  const text = chain ? `in the chain of ${chainWords(chain)}, ${list}` : list;
  // parts only where there are two halves to tell apart; a single one says no more than the verdict
  return sentence(
    `${text[0].toUpperCase()}${text.slice(1)}.`,
    combineVerdicts(verdicts),
    values,
    parts.length > 1 ? parts : [],
  );
}
