/**
 * How far a stored run (reopened from this browser's storage or imported) got, for the run panel's
 * Progress and Round fields: per-generation progress is not stored, only finished rounds, so a stored
 * run's progress is counted in rounds. A run trains one chain of rounds per seed and pruning method; it
 * has reached round r when every chain has a finished round r.
 */
import type { RoundRecord } from '../core/experiments/events';
import { recordMethodIds } from '../core/runs/config';
import type { ExperimentConfig } from '../core/runs/config';

export interface StoredProgress {
  /** The last round every seed × method chain finished (0 when some chain has none). */
  readonly roundsDone: number;
  /** Rounds the settings ask for. */
  readonly planned: number;
  /** The round saved last (the records' order is the order they were trained in). */
  readonly last: RoundRecord | null;
}

export function storedProgress(config: ExperimentConfig, records: readonly RoundRecord[]): StoredProgress {
  const reached = new Map<string, number>();
  for (const r of records) {
    const key = `${r.seed}\u0000${r.method}`;
    reached.set(key, Math.max(reached.get(key) ?? 0, r.roundNum));
  }
  const chains = config.seeds.flatMap((seed) => recordMethodIds(config).map((m) => `${seed}\u0000${m}`));
  const roundsDone = chains.length === 0 ? 0 : Math.min(...chains.map((c) => reached.get(c) ?? 0));
  return { roundsDone, planned: config.prune.rounds, last: records[records.length - 1] ?? null };
}

/** "all 12 rounds saved" or "rounds 1–5 of 12 saved (continue it from the Runs tab)". */
export function storedProgressText(p: StoredProgress): string {
  if (p.roundsDone >= p.planned) return `finished: all ${p.planned} rounds saved`;
  if (p.roundsDone === 0) return `no round finished on every seed yet (continue it from the Runs tab)`;
  return `rounds 1–${p.roundsDone} of ${p.planned} saved (continue it from the Runs tab)`;
}
