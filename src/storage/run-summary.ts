/**
 * The per-run summary kept next to each stored run (so the app can list past runs when it reopens):
 * which chains exist and how far each got, so the run list never has to load masks or weights.
 * Pure functions; run-store.ts updates the summary in the same transaction as the round it describes.
 */
import type { RoundRecord } from '../core/experiments/events';
import { chainKeys, roundsEveryChainDone } from '../core/runs/rounds-reached';

/** Progress of one chain (seed × pruning method). */
export interface ChainProgress {
  readonly seed: number;
  readonly method: string;
  /** Highest finished roundNum (1-based), 0 if none. */
  readonly roundsDone: number;
  /** finalPerf of that round (test accuracy for vision, mean return for control). */
  readonly lastPerf: number;
  readonly lastSparsityFrac: number;
}

export interface RunSummary {
  /** Pruning methods of the config, in its order. */
  readonly methods: readonly string[];
  readonly seeds: readonly number[];
  /** Rounds the config asks for, per chain. */
  readonly roundsPlanned: number;
  /** Round records stored. */
  readonly recordCount: number;
  /** min over chains of roundsDone: every chain has finished at least this many rounds (rounds-reached.ts). */
  readonly roundsDone: number;
  readonly chains: readonly ChainProgress[];
}

/** The summary of a run with no rounds yet. */
export function emptySummary(methods: readonly string[], seeds: readonly number[], roundsPlanned: number): RunSummary {
  const chains = chainKeys(seeds, methods).map((c) => ({ ...c, roundsDone: 0, lastPerf: NaN, lastSparsityFrac: 0 }));
  return { methods: [...methods], seeds: [...seeds], roundsPlanned, recordCount: 0, roundsDone: 0, chains };
}

/**
 * The summary after storing `record`. `isNew` = the record's key was not stored before (re-saving a
 * round after a resume overwrites it and must not count twice).
 */
export function withRound(s: RunSummary, record: RoundRecord, isNew: boolean): RunSummary {
  const chains = s.chains.map((c) =>
    c.seed === record.seed && c.method === record.method && record.roundNum >= c.roundsDone
      ? { ...c, roundsDone: record.roundNum, lastPerf: record.finalPerf, lastSparsityFrac: record.sparsityFrac }
      : c,
  );
  return {
    ...s,
    chains,
    recordCount: s.recordCount + (isNew ? 1 : 0),
    roundsDone: roundsEveryChainDone(chains.map((c) => c.roundsDone)),
  };
}

/**
 * Whether every seed × method chain reached the planned rounds (`roundsDone` is the minimum over chains,
 * core/runs/rounds-reached.ts, the count state/stored-progress.ts makes from the records): only such a run
 * is finished.
 */
export function reachedPlannedRounds(s: RunSummary): boolean {
  return s.roundsDone >= s.roundsPlanned;
}
