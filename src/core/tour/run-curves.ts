/**
 * What the tour's sentences read from a run's round records (docs/ALGORITHMS.md §9.3 "Reporting": mean over
 * seeds at matched rounds; §10 R1/R3 compare chains at the same sparsity). Comparisons are paired by seed,
 * as in the CLI's `summarize` (core/analysis/summary.ts effectOver): two chains are compared only at
 * rounds and seeds where both finished.
 */
import type { RoundRecord } from '../experiments/events';
import type { ExperimentConfig } from '../runs/config';
import { getTask } from '../tasks/registry';
import type { Metric } from './words';

/** Accuracy for vision tasks, return for control. */
export function metricOf(config: Pick<ExperimentConfig, 'task'>): Metric {
  return getTask(config.task.id).metric;
}

/** Weights remaining (%) of a record. */
export const remainingOf = (r: Pick<RoundRecord, 'sparsityFrac'>): number => 100 * (1 - r.sparsityFrac);

/** Finished performance of chain `chain` per seed at round `roundNum` (non-finite values left out). */
export function perfBySeed(records: readonly RoundRecord[], chain: string, roundNum: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of records)
    if (r.method === chain && r.roundNum === roundNum && Number.isFinite(r.finalPerf)) out.set(r.seed, r.finalPerf);
  return out;
}

export interface ChainsAtRound {
  readonly roundNum: number;
  readonly remainingPct: number;
  /** Seeds where every compared chain finished this round, ascending. */
  readonly seeds: readonly number[];
  /** Per chain (in the order asked): its value on each of `seeds`. */
  readonly perf: Readonly<Record<string, readonly number[]>>;
  /** Per chain: the mean over `seeds`. */
  readonly mean: Readonly<Record<string, number>>;
}

/** `chains` at round `roundNum`, on the seeds where all of them finished; null when there is no such seed. */
export function chainsAt(
  records: readonly RoundRecord[],
  chains: readonly string[],
  roundNum: number,
): ChainsAtRound | null {
  const bySeed = chains.map((c) => perfBySeed(records, c, roundNum));
  const seeds = [...bySeed[0].keys()].filter((s) => bySeed.every((m) => m.has(s))).sort((a, b) => a - b);
  const rec = records.find((r) => r.roundNum === roundNum);
  if (!seeds.length || !rec) return null;
  const perf: Record<string, number[]> = {},
    mean: Record<string, number> = {};
  chains.forEach((c, i) => {
    perf[c] = seeds.map((s) => bySeed[i].get(s)!);
    mean[c] = perf[c].reduce((a, b) => a + b, 0) / seeds.length;
  });
  return { roundNum, remainingPct: remainingOf(rec), seeds, perf, mean };
}

/**
 * The sparsest round where all `chains` can be compared on as many seeds as anywhere in the run (so a
 * run that stopped early in one seed is compared where every seed still counts). Null when never.
 */
export function deepestComparable(records: readonly RoundRecord[], chains: readonly string[]): ChainsAtRound | null {
  const rounds = [...new Set(records.map((r) => r.roundNum))].sort((a, b) => a - b);
  const all = rounds.map((k) => chainsAt(records, chains, k)).filter((c): c is ChainsAtRound => c !== null);
  if (!all.length) return null;
  const most = Math.max(...all.map((c) => c.seeds.length));
  return all.filter((c) => c.seeds.length === most).at(-1) ?? null;
}

/** Paired differences a − b per seed. */
export function pairedDiffs(at: ChainsAtRound, a: string, b: string): number[] {
  return at.perf[a].map((v, i) => v - at.perf[b][i]);
}

/**
 * Direction of paired differences. 'above': ahead on every seed (strictly: a tie is not a lead, so a
 * sentence may say "on every seed" only here). 'aboveWithTies': never behind, ahead on average, tied on at
 * least one seed (e.g. both at CartPole's maximum 500): a tie does not undo the other seeds, but the words
 * must say it. 'below' and 'belowWithTies' the mirror images; 'equal' when every difference is exactly 0;
 * otherwise 'mixed' (the seeds disagree).
 */
export type Direction = 'above' | 'aboveWithTies' | 'below' | 'belowWithTies' | 'equal' | 'mixed';

export function direction(diffs: readonly number[]): Direction {
  if (!diffs.length) return 'mixed';
  if (diffs.every((d) => d === 0)) return 'equal';
  if (diffs.every((d) => d > 0)) return 'above';
  if (diffs.every((d) => d < 0)) return 'below';
  // the mean's sign follows from the others once no seed goes the other way and not all are 0
  if (diffs.every((d) => d >= 0)) return 'aboveWithTies';
  if (diffs.every((d) => d <= 0)) return 'belowWithTies';
  return 'mixed';
}

/** "ahead on 2 of 3 seeds and tied on 1": how the seeds split where some are tied ('ahead' or 'behind'). */
export function tiedSplitText(diffs: readonly number[], side: 'ahead' | 'behind'): string {
  const tied = diffs.filter((d) => d === 0).length;
  return `${side} on ${diffs.length - tied} of ${diffs.length} seeds and tied on ${tied}`;
}

export const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The chains (methods) present in the records, in first-seen order. */
export function chainsOf(records: readonly RoundRecord[]): string[] {
  return [...new Set(records.map((r) => r.method))];
}
