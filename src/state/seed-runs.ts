/**
 * Progress of a multi-seed sweep across workers (the pool is
 * src/ui/run/seed-pool.ts): each seed's run streams its own `start` / `gens` / `round` messages; this pure
 * reducer folds them into the IMP store's one run (records of every seed, overall progress = the sum over
 * seeds) and keeps per-seed progress for the per-seed bars. The fitness chart follows one running seed.
 */
import type { ImpProgress } from '../protocol/worker-protocol';
import type { ImpRunState } from './imp-store';
import { foldGenerations } from './fitness-fold';

export type SeedRunStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'error';

export interface SeedRun {
  readonly status: SeedRunStatus;
  /** Generations this seed plans (0 until its start message). */
  readonly totalGens: number;
  readonly finishedGens: number;
  readonly currentGen: number;
  readonly evalsPerSec: number;
  readonly error: string | null;
}

export const SEED_RUN_DEFAULT: SeedRun = {
  status: 'queued',
  totalGens: 0,
  finishedGens: 0,
  currentGen: 0,
  evalsPerSec: 0,
  error: null,
};

const countsOnce = (r: { sharedWith?: readonly string[]; method: string }) =>
  !r.sharedWith || r.sharedWith[0] === r.method;

type Runs = Readonly<Record<number, SeedRun>>;
const sum = (runs: Runs, f: (r: SeedRun) => number) => Object.values(runs).reduce((a, r) => a + f(r), 0);

/** The store fields a message of seed `seed` changes. Pure. */
export function applySeedMessage(s: ImpRunState, seed: number, msg: ImpProgress): Partial<ImpRunState> {
  const run = s.seedRuns[seed] ?? SEED_RUN_DEFAULT;
  const withRun = (next: SeedRun): Runs => ({ ...s.seedRuns, [seed]: next });
  switch (msg.kind) {
    case 'start': {
      const seedRuns = withRun({ ...run, totalGens: msg.totalGens, finishedGens: msg.doneGens });
      return {
        seedRuns,
        netDescribe: s.netDescribe ?? msg.netDescribe,
        layout: s.layout ?? msg.layout,
        paramCount: msg.paramCount,
        notes: msg.notes,
        totalGens: sum(seedRuns, (r) => r.totalGens),
        finishedGens: sum(seedRuns, (r) => r.finishedGens),
        gensAtStart: s.gensAtStart + msg.doneGens,
        status: s.status === 'starting' ? 'running' : s.status,
      };
    }
    case 'gens': {
      const last = msg.metrics[msg.metrics.length - 1];
      if (!last) return {};
      const seedRuns = withRun({ ...run, currentGen: last.gen, evalsPerSec: last.evalsPerSec });
      const followed = s.current ? s.seedRuns[s.current.seed] : undefined;
      const follow = !s.current || s.current.seed === seed || followed?.status !== 'running';
      return {
        seedRuns,
        currentGen: sum(seedRuns, (r) => r.currentGen),
        evalsPerSec: sum(seedRuns, (r) => (r.status === 'running' ? r.evalsPerSec : 0)),
        ...(follow ? { current: foldGenerations(s.current, msg.metrics), esDim: last.esDim } : {}),
      };
    }
    case 'round': {
      const once = countsOnce(msg.record);
      const seedRuns = withRun({
        ...run,
        finishedGens: run.finishedGens + (once ? msg.record.generations : 0),
        currentGen: once ? 0 : run.currentGen,
      });
      return {
        records: [...s.records, msg.record],
        seedRuns,
        finishedGens: sum(seedRuns, (r) => r.finishedGens),
        currentGen: sum(seedRuns, (r) => r.currentGen),
      };
    }
    case 'storage-error':
      return { storageError: `seed ${seed}: ${msg.message}` };
    default:
      return {};
  }
}

/** A seed's status change (queued → running → done / cancelled / error). Pure. */
export function applySeedStatus(
  s: ImpRunState,
  seed: number,
  status: SeedRunStatus,
  error?: string,
): Partial<ImpRunState> {
  const run = s.seedRuns[seed] ?? SEED_RUN_DEFAULT;
  const seedRuns = {
    ...s.seedRuns,
    [seed]: { ...run, status, currentGen: status === 'running' ? run.currentGen : 0, error: error ?? null },
  };
  return { seedRuns, currentGen: sum(seedRuns, (r) => r.currentGen) };
}
