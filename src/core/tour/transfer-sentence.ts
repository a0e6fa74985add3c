/**
 * Tickets transfer (paper §4, Fig. 4–5: R5–R7; docs/ALGORITHMS.md §5), from the `transfer` rows of a tour
 * analysis file: per transfer, the ticket against the target's random mask with new weights and against
 * the target's own ticket, paired by seed. The ES → gradient descent transfer is also told round by round:
 * the paper expects it to help where ES and gradient descent are on par, so one sparsest round would hide
 * the rounds where it does not.
 */
import type { TourAnalysis, TransferRow } from './analysis-file';
import { direction, meanOf, tiedSplitText, type Direction } from './run-curves';
import { missing, sentence, type Sentence } from './sentence';
import { gapText, perfText, remainingText, seedsText, type Metric } from './words';

export interface TransferSummary {
  readonly label: string;
  readonly roundNum: number;
  readonly remainingPct: number;
  readonly effect: number;
  /** Strictly above the random mask on every seed: a tie is no win. */
  readonly beatsOnEverySeed: boolean;
  readonly reachesNative: boolean | null;
  readonly seeds: number;
}

/** Per transfer (label), at its sparsest round: mean effect over random/reinit, paired by seed. */
export function transferSummaries(rows: readonly TransferRow[]): TransferSummary[] {
  const labels = [...new Set(rows.map((r) => r.label))];
  return labels.map((label) => {
    const mine = rows.filter((r) => r.label === label);
    const k = Math.max(...mine.map((r) => r.roundNum));
    const at = mine.filter((r) => r.roundNum === k);
    const diffs = at.map((r) => r.ticket - r.baseline);
    const natives = at.filter((r) => r.native !== undefined);
    return {
      label,
      roundNum: k,
      remainingPct: at[0].remainingPct,
      effect: meanOf(diffs),
      beatsOnEverySeed: direction(diffs) === 'above',
      reachesNative:
        natives.length === at.length ? meanOf(at.map((r) => r.ticket)) >= meanOf(natives.map((r) => r.native!)) : null,
      seeds: at.length,
    };
  });
}

/** Where the transferred ticket stands against the target's own ticket, by the direction over seeds. */
function againstNative(dir: Direction, diffs: readonly number[]): string {
  const words: Readonly<Record<Direction, string>> = {
    above: 'above it on every seed',
    aboveWithTies: `above it on average (${tiedSplitText(diffs, 'ahead')})`,
    below: 'below it on every seed',
    belowWithTies: `below it on average (${tiedSplitText(diffs, 'behind')})`,
    equal: 'level with it on every seed',
    mixed: 'on par with it (the seeds disagree)',
  };
  return words[dir];
}

/**
 * Each ES → gradient descent transfer against gradient descent's own ticket at every round the file has
 * (densest first), on the seeds of that round; '' when the file has no such rows with the native ticket.
 */
export function esToGdText(rows: readonly TransferRow[], metric: Metric): string {
  const mine = rows.filter((r) => r.kind === 'es-to-gd');
  const labels = [...new Set(mine.map((r) => r.label))];
  return labels
    .flatMap((label) => {
      const byRound = [...new Set(mine.filter((r) => r.label === label).map((r) => r.roundNum))].sort((a, b) => a - b);
      const clauses = byRound.flatMap((k) => {
        const at = mine.filter((r) => r.label === label && r.roundNum === k);
        if (at.some((r) => r.native === undefined)) return [];
        const diffs = at.map((r) => r.ticket - r.native!);
        const means = `${perfText(meanOf(at.map((r) => r.ticket)), metric)} against ${perfText(meanOf(at.map((r) => r.native!)), metric)}`;
        return [`${againstNative(direction(diffs), diffs)} at ${remainingText(at[0].remainingPct)} (${means})`];
      });
      if (!clauses.length) return [];
      const list = clauses.length > 1 ? `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}` : clauses[0];
      const who = labels.length > 1 ? ` (${label})` : '';
      return [
        ` Trained by gradient descent, the ES mask${who} is measured against gradient descent's own ticket: ${list}.`,
      ];
    })
    .join('');
}

/**
 * R5–R7: how much the transferred tickets beat the target's random mask with new weights, and the target's
 * own ticket; then the ES → gradient descent transfer round by round.
 */
export function transferSentence(a: TourAnalysis): Sentence {
  const rows = a.transfer ?? [];
  if (!rows.length) return missing('the analysis file has no transfer results');
  const all = transferSummaries(rows);
  const sorted = [...all].sort((x, y) => x.effect - y.effect);
  const lo = sorted[0],
    hi = sorted[sorted.length - 1];
  const beat = all.filter((s) => s.beatsOnEverySeed).length;
  const sameSparsity = all.every((s) => Math.abs(s.remainingPct - all[0].remainingPct) < 1e-6);
  const where = sameSparsity
    ? `At ${remainingText(all[0].remainingPct)} of the weights`
    : 'At the sparsest round of each';
  const who =
    beat === all.length
      ? all.length > 1
        ? `all ${all.length} transferred tickets beat`
        : 'the transferred ticket beats'
      : `${beat} of ${all.length} transferred tickets beat`;
  const range =
    all.length > 1
      ? `by ${gapText(lo.effect, a.metric)} (${lo.label}) to ${gapText(hi.effect, a.metric)} (${hi.label})`
      : `by ${gapText(lo.effect, a.metric)} (${lo.label})`;
  const withNative = all.filter((s) => s.reachesNative !== null);
  const native = withNative.length
    ? `, and ${withNative.filter((s) => s.reachesNative).length} of ${withNative.length} reach the target's own ticket`
    : '';
  const seeds = Math.min(...all.map((s) => s.seeds));
  return sentence(
    `${where}, ${who} a random mask with new random weights on every seed, ${range}${native} ` +
      `(${seeds > 1 ? `mean of ${seedsText(seeds)}` : seedsText(1)} each).${esToGdText(rows, a.metric)}`,
    beat === all.length ? 'agrees' : beat === 0 ? 'differs' : 'partly',
    { transfers: all.length, beat, lowest: lo.effect, highest: hi.effect },
  );
}
