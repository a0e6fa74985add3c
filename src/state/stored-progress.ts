/**
 * How far a stored run (reopened from this browser's storage or imported) got, for the run panel's
 * Progress and Round fields: per-generation progress is not stored, only finished rounds, so a stored
 * run's progress is counted in rounds. A run trains one chain of rounds per seed and pruning method; it
 * has reached round r when every chain has a finished round r — counted as the stored summary counts it
 * (core/runs/rounds-reached.ts), so the run panel and the Runs list agree.
 */
import type { RoundRecord } from '../core/experiments/events';
import { recordMethodIds } from '../core/runs/config';
import type { ExperimentConfig } from '../core/runs/config';
import { chainKeys, chainRoundNums, roundsEveryChainDone } from '../core/runs/rounds-reached';

export interface StoredProgress {
  /** The last round every seed × method chain finished (0 when some chain has none). */
  readonly roundsDone: number;
  /** Rounds the settings ask for. */
  readonly planned: number;
  /** The round saved last (the records' order is the order they were trained in). */
  readonly last: RoundRecord | null;
}

export function storedProgress(config: ExperimentConfig, records: readonly RoundRecord[]): StoredProgress {
  const chains = chainKeys(config.seeds, recordMethodIds(config));
  const roundsDone = roundsEveryChainDone(chainRoundNums(chains, records));
  return { roundsDone, planned: config.prune.rounds, last: records[records.length - 1] ?? null };
}

/**
 * The rounds a run has reached, counted as the run panel counts them: "all 12 rounds", "rounds 1–5 of 12",
 * "round 1 of 12", or none yet. A record is one chain's round, so the number of records is not a number of
 * rounds (a 6-round run with 3 methods and 3 seeds stores 54): that total is `trainedNetworksText`.
 */
export function roundsReachedText(p: Pick<StoredProgress, 'roundsDone' | 'planned'>): string {
  if (p.roundsDone >= p.planned) return `all ${p.planned} rounds`;
  if (p.roundsDone === 0) return 'no round finished yet for every seed and pruning method';
  if (p.roundsDone === 1) return `round 1 of ${p.planned}`;
  return `rounds 1–${p.roundsDone} of ${p.planned}`;
}

/** "54 trained networks (one per round, pruning method and seed)": what a count of round records means. */
export function trainedNetworksText(records: number): string {
  const n = records.toLocaleString('en');
  return `${n} trained network${records === 1 ? '' : 's'} (one per round, pruning method and seed)`;
}

/** What a stored run holds, for the Runs list: "all 12 rounds saved", "rounds 1–5 of 12 saved". */
export function savedRoundsText(p: Pick<StoredProgress, 'roundsDone' | 'planned'>): string {
  return p.roundsDone > 0 ? `${roundsReachedText(p)} saved` : roundsReachedText(p);
}

/**
 * Where to go on from an unfinished stored run: the Runs tab, which offers Resume where the run kept its
 * training states and otherwise says that Start trains it again (so this line promises neither).
 */
const GO_ON = '(the Runs tab shows how to continue it)';

/** "finished: all 12 rounds saved" or "rounds 1–5 of 12 saved (the Runs tab shows how to continue it)". */
export function storedProgressText(p: StoredProgress): string {
  return p.roundsDone >= p.planned ? `finished: ${savedRoundsText(p)}` : `${savedRoundsText(p)} ${GO_ON}`;
}
