/**
 * The contract between the page (src/ui, src/state) and the compute workers (workers/): the messages a
 * job streams, the results it returns, and the backend list both sides use. Type declarations plus two
 * constants (the backend list, the busy error's name), nothing else: the page reaches workers only through
 * this module (ESLint `no-restricted-imports` in eslint.config.js), so no worker implementation code is
 * bundled into the main thread, and a change of a message shape is a change here that both sides see.
 *
 * The analysis jobs' argument and result types are declared beside their jobs (workers/analysis-job.ts,
 * over the core analysis registry) and re-exported here, as are the engine's and the bundle worker's APIs
 * (`import type`: erased at build).
 */
import type { GenerationMetrics, RoundRecord } from '../core/experiments/events';
import type { GdOptions } from '../core/experiments/gd/gd-options';
import type { AnyParamValues } from '../core/params';
import type { ExperimentConfig } from '../core/runs/config';
import type { NetLayout } from '../core/runs/network-shape';

export type { LabEngine } from '../../workers/lab-engine';
export type { BundleWorkerApi } from '../../workers/bundle.worker';
export type {
  AnalysisArgs,
  AnalysisJobArgs,
  AnalysisKind,
  AnalysisProgress,
  AnalysisResults,
  JobRecord,
  RolloutJobOptions,
} from '../../workers/analysis-job';

// ---- Errors -------------------------------------------------------------------------------------

/**
 * The `name` of the error a worker throws when asked to start a job while another one runs (one job at a
 * time). It says nothing about the backend, so the page must not offer "continue on the next backend" for
 * it; comlink keeps an error's name across the worker boundary.
 */
export const WORKER_BUSY_ERROR = 'WorkerBusyError';

// ---- Backends ----------------------------------------------------------------------------------

/** tfjs backend names in preference order: fastest first (workers/backend-chain.ts walks them). */
export const BACKEND_CHAIN = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_CHAIN)[number];
/** 'auto' walks the chain; a name forces that backend (if it fails, the rest of the chain after it is tried). */
export type BackendPref = 'auto' | BackendName;

/** One tried backend: whether it was accepted, why not, and how long init + check took. */
export interface BackendAttempt {
  readonly backend: string;
  readonly ok: boolean;
  readonly reason: string;
  readonly ms: number;
}

export interface BackendReport {
  /** The backend tfjs now uses. */
  readonly active: string;
  readonly pref: BackendPref;
  readonly attempts: readonly BackendAttempt[];
}

/** One row of the "Benchmark backends" table. */
export interface BackendBenchRow {
  readonly backend: string;
  readonly ok: boolean;
  /** Population members evaluated per second (0 when skipped). */
  readonly evalsPerSec: number;
  /** Mean wall time of one generation's evaluation (ms). */
  readonly msPerGeneration: number;
  readonly note: string;
}

// ---- Every job ---------------------------------------------------------------------------------

/** Progress callback (a comlink proxy in the browser; a plain function in tests). */
export type ProgressSink<T> = (batch: T) => void | Promise<void>;

/** How a job ended. Errors are thrown (rejected promise), not returned. */
export type RunOutcome<R> =
  | { readonly status: 'done'; readonly result: R; readonly ms: number }
  | { readonly status: 'cancelled'; readonly ms: number };

/** How an analysis ended, as the page's views see it (a RunOutcome without the time). */
export type AnalysisOutcome<R> = { readonly status: 'done'; readonly result: R } | { readonly status: 'cancelled' };

/** What the engine answers to a heartbeat ping. */
export interface EngineStatus {
  /** Kind of the job in flight ('demo2d', 'imp', …) or null. */
  readonly running: string | null;
  readonly phase: 'idle' | 'running' | 'paused' | 'cancelled';
  readonly backend: string | null;
  readonly numTensors: number;
}

// ---- The 2-D demo ------------------------------------------------------------------------------

export interface Demo2dConfig {
  readonly fnId: string;
  readonly strategyId: string;
  /** Strategy hyperparameters (validated against the strategy's paramSpecs by the runner). */
  readonly params: AnyParamValues;
  readonly popSize: number;
  readonly generations: number;
  readonly seed: number;
  /** Speed limit so a person can watch (generations per second); 0 = as fast as possible. */
  readonly gensPerSec: number;
}

/** One generation of the demo. Arrays are fresh copies (transferable). */
export interface Demo2dFrame {
  /** 1-based: the generation just finished (= runner.generation after tell). */
  readonly generation: number;
  /** The population that was evaluated, row-major [P × 2]. */
  readonly population: Float32Array;
  /** Mean after the update, [2]. */
  readonly mean: Float32Array;
  /** Best score so far (maximise form, −f). */
  readonly bestScore: number;
  /** Mean score of this generation's population. */
  readonly popMeanScore: number;
}

export interface Demo2dBatch {
  readonly kind: 'demo2d';
  readonly frames: readonly Demo2dFrame[];
}

export interface Demo2dResult {
  readonly generations: number;
  readonly bestScore: number;
  readonly bestX: readonly number[];
  readonly finalMean: readonly number[];
}

/** Function values on a grid, row-major [res × res], row 0 at y = yMin. */
export interface ToyGrid {
  readonly fnId: string;
  readonly res: number;
  readonly bounds: readonly [number, number, number, number];
  readonly values: Float32Array;
}

// ---- IMP runs ----------------------------------------------------------------------------------

/** What an IMP job posts to the page. */
export type ImpProgress =
  | {
      readonly kind: 'start';
      readonly runId: string;
      readonly netDescribe: string;
      readonly paramCount: number;
      readonly prunableCount: number;
      readonly notes: readonly string[];
      readonly totalGens: number;
      readonly doneGens: number;
      readonly resumedSeeds: readonly number[];
      readonly layout: NetLayout;
    }
  | { readonly kind: 'gens'; readonly metrics: readonly GenerationMetrics[] }
  | { readonly kind: 'round'; readonly record: RoundRecord }
  | { readonly kind: 'seed-done'; readonly seed: number }
  | { readonly kind: 'storage-error'; readonly message: string };

export interface ImpJobResult {
  readonly runId: string;
  readonly rounds: number;
  readonly resumed: boolean;
}

// ---- Ticket transfer ---------------------------------------------------------------------------

/** Which ticket: a round of a chain of a run (its config), with the mask passed in or read from the store. */
export interface TicketRef {
  /** The source run's experiment config (validated by the job); its task and network describe the ticket. */
  readonly config: unknown;
  readonly seed: number;
  readonly method: string;
  /** Source round k (1-based). */
  readonly roundNum: number;
  /** M_k (length D). Absent: read from the run store's record of run `runId`. */
  readonly mask?: Uint8Array;
  readonly runId?: string;
  /** The source chain's θ0. Absent: recomputed from the config and seed as the IMP run drew it. */
  readonly theta0?: Float32Array;
}

/** How the target trains: an ES (default: the source's ES and budget) or masked GD. */
export type TransferTrainerSpec =
  | {
      readonly kind: 'es';
      readonly esId?: string;
      readonly params?: Readonly<Record<string, unknown>>;
      readonly popSize?: number;
      readonly generations?: number;
      readonly evalEvery?: number;
    }
  | { readonly kind: 'gd'; readonly options?: Partial<GdOptions> };

export interface TransferArgs {
  readonly source: TicketRef;
  readonly target: {
    /** Target task (default the source's); its params are the source's when the task kind matches. */
    readonly taskId?: string;
    readonly taskParams?: Readonly<Record<string, unknown>>;
    readonly trainer: TransferTrainerSpec;
  };
  /** Target seed (default the source seed): streams of round k are the target's own. */
  readonly seed?: number;
  /** Train the random/reinit baseline at the ticket's sparsity too (default true). */
  readonly baselines?: boolean;
}

/** What a transfer job posts. `round` = one finished training (the ticket, then the baseline). */
export type TransferProgress =
  | {
      readonly kind: 'start';
      readonly sourceLabel: string;
      readonly targetLabel: string;
      readonly trainerLabel: string;
      readonly targetTaskId: string;
      readonly methods: readonly string[];
      readonly stepsPerTraining: number;
      readonly notes: readonly string[];
    }
  | { readonly kind: 'gens'; readonly metrics: readonly GenerationMetrics[] }
  | { readonly kind: 'round'; readonly record: RoundRecord };

export interface TransferJobResult {
  /** Ticket record first, then the baseline's (if trained). */
  readonly records: readonly RoundRecord[];
  readonly targetConfig: ExperimentConfig;
  readonly trainerLabel: string;
  readonly sparsityFrac: number;
}
