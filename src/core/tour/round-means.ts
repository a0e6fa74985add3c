/**
 * Mean over seeds per round of rows of a tour analysis file (analysis-file.ts): the curves of the tour's
 * analysis steps are such means, drawn against the weights remaining (the same at every seed of a round,
 * since every chain follows the one pruning schedule, docs/ALGORITHMS.md §3.4).
 */
import { meanOf } from './run-curves';

type Row = { readonly roundNum: number; readonly remainingPct: number };

/** By round, densest first: the round, its mean weights remaining % and the mean of each field in `fields`. */
export function meansByRound<K extends string, R extends Row & Record<K, number>>(
  rows: readonly R[],
  fields: readonly K[],
): ({ roundNum: number; remainingPct: number } & Record<K, number>)[] {
  const rounds = [...new Set(rows.map((r) => r.roundNum))].sort((a, b) => a - b);
  return rounds.map((k) => {
    const at = rows.filter((r) => r.roundNum === k);
    const means = {} as Record<K, number>; // filled for every field just below
    for (const f of fields) means[f] = meanOf(at.map((r) => r[f]));
    return { roundNum: k, remainingPct: meanOf(at.map((r) => r.remainingPct)), ...means };
  });
}
