/**
 * What the worker reported for the IMP experiment (docs/ARCHITECTURE.md convention 10, "run progress" store;
 * live charts and stored runs). Generation batches arrive ≤ ~10/s and only touch small
 * counters + the current round's fitness series; round records are appended as they finish. The
 * RoundRecords held here (live or reopened from IndexedDB) are what every result view reads.
 */
import { create } from 'zustand';
import { runId } from '../core/runs/hash';
import type { ExperimentConfig } from '../core/runs/config';
import type { GenerationMetrics, RoundRecord } from '../core/experiments/events';
import type { BackendBenchRow, ImpProgress } from '../protocol/worker-protocol';
import type { NetLayout } from '../core/runs/network-shape';
import { foldGenerations, type CurrentRound } from './fitness-fold';
import { applySeedMessage, applySeedStatus, SEED_RUN_DEFAULT, type SeedRun, type SeedRunStatus } from './seed-runs';

import { isJobActive, type JobStatus } from './job-status';

export type { CurrentRound, FitnessPoint } from './fitness-fold';
export { foldGenerations } from './fitness-fold';

export interface ImpRunState {
  readonly status: JobStatus;
  /** 'live' = streamed by a run in this tab; 'stored' = reopened from IndexedDB or imported. */
  readonly source: 'live' | 'stored' | null;
  readonly runId: string | null;
  readonly config: ExperimentConfig | null;
  readonly records: readonly RoundRecord[];
  readonly current: CurrentRound | null;
  readonly netDescribe: string | null;
  /** Layers and input shape of the run's network (from the worker's start message; null for stored runs). */
  readonly layout: NetLayout | null;
  readonly paramCount: number;
  readonly notes: readonly string[];
  readonly totalGens: number;
  /** Generations of finished rounds (shared round-1 counted once). */
  readonly finishedGens: number;
  /** Generation of the round in progress. */
  readonly currentGen: number;
  /** Generations already done when this tab (re)started the run (resume): excluded from the ETA rate. */
  readonly gensAtStart: number;
  /**
   * When the rate's clock started (ms, performance.now()); moved forward by every pause on resume, so the
   * ETA's rate counts only time spent training.
   */
  readonly startedAtMs: number;
  /** When the run was paused (the rate's clock stands still until resume); null while not paused. */
  readonly pausedAtMs: number | null;
  readonly evalsPerSec: number;
  /** d of the round in progress: trainable parameters (active kernels + biases). */
  readonly esDim: number;
  readonly error: string | null;
  /** Backend the run failed on (offer "continue on the next backend"). */
  readonly failedBackend: string | null;
  readonly storageError: string | null;
  /** Latest round with generations skipped because their fitness was not a number (core/es/fitness-guard.ts). */
  readonly skipNote: string | null;
  /** A message about the run shown (e.g. why Start opened a stored run); cleared by the next start. */
  readonly notice: string | null;
  readonly bench: {
    readonly status: 'idle' | 'running' | 'done' | 'error';
    readonly rows: readonly BackendBenchRow[];
    readonly error: string | null;
  };
  /** Workers of a multi-seed sweep (0: the run streams from the one lab worker, seeds in turn). */
  readonly workers: number;
  /** Per-seed progress of a sweep across workers (empty otherwise); see seed-runs.ts. */
  readonly seedRuns: Readonly<Record<number, SeedRun>>;
  /** The lab worker has not answered for this long (src/lib/worker-watchdog.ts); null while it answers. */
  readonly silence: { readonly forMs: number; readonly longestGapMs: number } | null;
}

export interface ImpRunActions {
  /** A run starts; `records` = rounds already stored when it resumes (shown at once, not re-streamed). */
  starting(config: ExperimentConfig, nowMs: number, records?: readonly RoundRecord[]): void;
  progress(msg: ImpProgress, nowMs: number): void;
  setStatus(status: 'running' | 'paused', nowMs: number): void;
  finished(status: 'done' | 'cancelled'): void;
  failed(message: string, backend: string | null): void;
  showStored(runId: string, config: ExperimentConfig, records: readonly RoundRecord[]): void;
  /** A sweep of `config`'s seeds across `workers` workers starts (src/ui/run/seed-pool.ts). */
  poolStarting(config: ExperimentConfig, nowMs: number, workers: number): void;
  seedProgress(seed: number, msg: ImpProgress): void;
  seedStatus(seed: number, status: SeedRunStatus, error?: string): void;
  benchStarted(): void;
  benchDone(rows: readonly BackendBenchRow[] | null, error?: string): void;
  /** The watchdog's verdict: silent for `forMs` (null: it answered again). */
  setSilence(silence: { forMs: number; longestGapMs: number } | null): void;
  setNotice(notice: string | null): void;
}

export const IMP_RUN_DEFAULT: ImpRunState = {
  status: 'idle',
  source: null,
  runId: null,
  config: null,
  records: [],
  current: null,
  netDescribe: null,
  layout: null,
  paramCount: 0,
  notes: [],
  totalGens: 0,
  finishedGens: 0,
  currentGen: 0,
  gensAtStart: 0,
  startedAtMs: 0,
  pausedAtMs: null,
  evalsPerSec: 0,
  esDim: 0,
  error: null,
  failedBackend: null,
  storageError: null,
  skipNote: null,
  notice: null,
  bench: { status: 'idle', rows: [], error: null },
  workers: 0,
  seedRuns: {},
  silence: null,
};

/** The run status line for generations skipped because their fitness was not a number. */
export function skipNoteOf(m: Pick<GenerationMetrics, 'seed' | 'method' | 'roundNum' | 'skipped'>): string {
  const n = m.skipped ?? 0;
  return `Round ${m.roundNum} (${m.method}, seed ${m.seed}): ${n} generation${n === 1 ? '' : 's'} skipped — the fitness was not a number, so the ES did not learn from ${n === 1 ? 'it' : 'them'}.`;
}

const countsOnce = (r: RoundRecord) => !r.sharedWith || r.sharedWith[0] === r.method;

/** A fresh live run of `config` started at `nowMs`; the backend benchmark of the last run stays. */
const liveStart = (s: ImpRunState, config: ExperimentConfig, nowMs: number) =>
  ({ ...IMP_RUN_DEFAULT, bench: s.bench, status: 'starting', source: 'live', config, startedAtMs: nowMs }) as const;

export const useImpStore = create<ImpRunState & ImpRunActions>()((set) => ({
  ...IMP_RUN_DEFAULT,
  starting: (config, nowMs, records = []) => set((s) => ({ ...liveStart(s, config, nowMs), records })),
  progress: (msg, nowMs) =>
    set((s) => {
      switch (msg.kind) {
        case 'start':
          return {
            runId: msg.runId,
            netDescribe: msg.netDescribe,
            layout: msg.layout,
            paramCount: msg.paramCount,
            notes: msg.notes,
            totalGens: msg.totalGens,
            finishedGens: msg.doneGens,
            gensAtStart: msg.doneGens,
            startedAtMs: nowMs,
            pausedAtMs: s.pausedAtMs === null ? null : nowMs, // paused before the worker began
            status: s.status === 'starting' ? 'running' : s.status,
          };
        case 'gens': {
          const last = msg.metrics[msg.metrics.length - 1];
          if (!last) return s;
          return {
            current: foldGenerations(s.current, msg.metrics),
            currentGen: last.gen,
            evalsPerSec: last.evalsPerSec,
            esDim: last.esDim,
            ...(last.skipped ? { skipNote: skipNoteOf(last) } : {}),
          };
        }
        case 'round':
          return {
            records: [...s.records, msg.record],
            finishedGens: s.finishedGens + (countsOnce(msg.record) ? msg.record.generations : 0),
            currentGen: countsOnce(msg.record) ? 0 : s.currentGen,
          };
        case 'storage-error':
          return { storageError: msg.message };
        default:
          return s;
      }
    }),
  setStatus: (status, nowMs) =>
    set((s) => {
      if (status === 'paused') return { status, pausedAtMs: s.pausedAtMs ?? nowMs };
      if (s.pausedAtMs === null) return { status };
      return { status, pausedAtMs: null, startedAtMs: s.startedAtMs + (nowMs - s.pausedAtMs) };
    }),
  // The last round's fitness curve stays: the chart keeps showing it after the run.
  finished: (status) => set({ status, silence: null }),
  failed: (error, failedBackend) => set({ status: 'error', error, failedBackend, silence: null }),
  showStored: (runId, config, records) =>
    set((s) => ({ ...IMP_RUN_DEFAULT, bench: s.bench, status: 'idle', source: 'stored', runId, config, records })),
  poolStarting: (config, nowMs, workers) =>
    set((s) => ({
      ...liveStart(s, config, nowMs),
      runId: runId(config),
      workers,
      seedRuns: Object.fromEntries(config.seeds.map((seed) => [seed, SEED_RUN_DEFAULT])),
    })),
  seedProgress: (seed, msg) => set((s) => applySeedMessage(s, seed, msg)),
  seedStatus: (seed, status, error) => set((s) => applySeedStatus(s, seed, status, error)),
  benchStarted: () => set({ bench: { status: 'running', rows: [], error: null } }),
  setSilence: (silence) => set({ silence }),
  setNotice: (notice) => set({ notice }),
  benchDone: (rows, error) =>
    set({
      bench: rows ? { status: 'done', rows, error: null } : { status: 'error', rows: [], error: error ?? 'failed' },
    }),
}));

/** Whether a run is in flight (Start disabled; Pause/Cancel enabled). */
export function selectImpActive(s: Pick<ImpRunState, 'status'>): boolean {
  return isJobActive(s.status);
}

export interface RunProgress {
  readonly fraction: number;
  readonly doneGens: number;
  readonly etaMs: number | null;
}

/**
 * Overall progress and ETA: generations done / planned; the rate counts only generations trained in this
 * tab since (re)start, so a resumed run's stored rounds do not make it look impossibly fast, and only the
 * time spent training (pauses excluded). Pure.
 */
export function selectProgress(
  s: Pick<ImpRunState, 'totalGens' | 'finishedGens' | 'currentGen' | 'gensAtStart' | 'startedAtMs'> & {
    readonly pausedAtMs?: number | null;
  },
  nowMs: number,
): RunProgress {
  const doneGens = Math.min(s.totalGens, s.finishedGens + s.currentGen);
  const fraction = s.totalGens > 0 ? doneGens / s.totalGens : 0;
  const trained = doneGens - s.gensAtStart;
  const elapsed = (s.pausedAtMs ?? nowMs) - s.startedAtMs;
  const etaMs = trained > 0 && elapsed > 0 ? ((s.totalGens - doneGens) * elapsed) / trained : null;
  return { fraction, doneGens, etaMs };
}

/** "1 h 05 min", "3 min 20 s", "12 s". */
export function formatDuration(ms: number): string {
  const sec = Math.max(0, Math.round(ms / 1000));
  if (sec >= 3600) return `${Math.floor(sec / 3600)} h ${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')} min`;
  if (sec >= 60) return `${Math.floor(sec / 60)} min ${String(sec % 60).padStart(2, '0')} s`;
  return `${sec} s`;
}
