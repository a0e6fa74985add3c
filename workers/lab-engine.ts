/**
 * The lab's worker engine (docs/ARCHITECTURE.md convention 9): ONE class, a thin façade
 * over core, exposed through comlink by `lab.worker.ts` and driven directly by Node tests through the
 * same methods. It owns the tfjs backend choice, runs one job at a time (a second request gets a clear
 * error), and routes pause/resume/cancel to the active job's `RunControl`.
 *
 * Every job is `exclusive(kind, body)`: the body gets a RunControl, must call `ctl.step()` once per
 * generation, free its tensors in `finally`, and report progress through a `ProgressBatcher`. The IMP
 * experiment plugs in the same way (`runImp`: the experiment's `gate` is `ctl.step`, its events are
 * batched into the sink).
 */
import * as tf from '@tensorflow/tfjs-core';
import type {
  BackendBenchRow,
  BackendPref,
  BackendReport,
  Demo2dBatch,
  Demo2dConfig,
  Demo2dResult,
  EngineStatus,
  ImpJobResult,
  ImpProgress,
  ProgressSink,
  RunOutcome,
  ToyGrid,
  TransferArgs,
  TransferJobResult,
  TransferProgress,
} from '../src/protocol/worker-protocol';
import { WORKER_BUSY_ERROR } from '../src/protocol/worker-protocol';
import { RunCancelled, RunControl } from './run-control';
import { runDemo2dBody, toyGridValues } from './demo2d';
import { parseConfig, type ExperimentConfig } from '../src/core/runs/config';
import type { RoundRecord } from '../src/core/experiments/events';
import type { RunStore } from '../src/storage/run-store';
import type { EvalPeer } from '../src/core/experiments/parallel/protocol';
import { runImpJob, runTrainerJob, type ImpJobDeps } from './imp-job';
import { gdConfigBackendProblem, gdTrainer } from './gd-imp-job';
import { benchmarkBackends } from './backend-bench';
import { AnalysisPartsCache } from './analysis-parts';
import {
  runAnalysisJob,
  type AnalysisArgs,
  type AnalysisKind,
  type AnalysisProgress,
  type AnalysisResults,
  type JobRecord,
} from './analysis-job';
import { runTransferJob } from './transfer-job';

export interface EngineDeps {
  /** Backend chain (workers/backend.ts in the browser; cpu/wasm-only in Node tests). */
  readonly initBackend: (pref: BackendPref) => Promise<BackendReport>;
  /**
   * Marks typed arrays for zero-copy transfer (comlink's `transfer` in the worker; identity in Node).
   * Returns the value to pass to the sink.
   */
  readonly transfer?: <T>(value: T, buffers: ArrayBuffer[]) => T;
  /**
   * Reads a data file under public/data (fetch in the browser, fs in Node tests); `baseUrl` is what
   * `setDataBaseUrl` set (the page knows where the app is served; a worker's own URL does not).
   */
  readonly readBytes?: (path: string, baseUrl: string) => Promise<Uint8Array>;
  /** Opens the run store IMP runs persist to (null/absent or rejecting: runs are not saved). */
  readonly openStore?: () => Promise<RunStore | null>;
  /**
   * Starts one evaluation worker for runs that split their population over CPU workers
   * (`runImp`'s `workers` option; core/experiments/parallel/). Absent: every run uses one thread.
   */
  readonly spawnEvalPeer?: (index: number, dataBaseUrl: string) => EvalPeer;
}

export class LabEngine {
  private backendReport: BackendReport | null = null;
  private job: { kind: string; ctl: RunControl; failure?: Error } | null = null;
  private readonly transfer: <T>(value: T, buffers: ArrayBuffer[]) => T;

  constructor(private readonly deps: EngineDeps) {
    this.transfer = deps.transfer ?? ((v) => v);
  }

  /** Selects the tfjs backend (walks the chain for 'auto'); refuses while a job runs. */
  async init(pref: BackendPref = 'auto'): Promise<BackendReport> {
    if (this.job) throw new Error(`cannot switch backend while a ${this.job.kind} run is in progress; cancel it first`);
    this.backendReport = await this.deps.initBackend(pref);
    return this.backendReport;
  }

  /** Current job, pause state, backend and live tensor count (leak check from the UI/tests). */
  status(): EngineStatus {
    return {
      running: this.job?.kind ?? null,
      phase: this.job ? this.job.ctl.phase : 'idle',
      backend: this.backendReport?.active ?? null,
      numTensors: tf.memory().numTensors,
    };
  }

  /** f(x) of a 2-D toy function on a res×res grid over its plot bounds (for the demo heatmap). */
  async toyGrid(fnId: string, res: number): Promise<ToyGrid> {
    if (!this.backendReport) throw new Error('call init() to choose a tfjs backend before computing');
    const grid = await toyGridValues(fnId, res);
    return this.transfer(grid, [grid.values.buffer as ArrayBuffer]);
  }

  /**
   * Runs an ES on a 2-D toy function, streaming `Demo2dBatch`es (throttled to ~30/s or every 25
   * generations). Resolves with the outcome; rejects if another job is running or the config is invalid.
   */
  runDemo2d(cfg: Demo2dConfig, onProgress: ProgressSink<Demo2dBatch>): Promise<RunOutcome<Demo2dResult>> {
    return this.exclusive('demo2d', (ctl) =>
      runDemo2dBody(cfg, ctl, (batch) => {
        const buffers = batch.frames.flatMap((f) => [f.population.buffer as ArrayBuffer, f.mean.buffer as ArrayBuffer]);
        void Promise.resolve(onProgress(this.transfer(batch, buffers))).catch(() => undefined);
      }),
    );
  }

  /**
   * Runs ES-IMP for every seed of `config` (validated here), streaming `ImpProgress` messages: batched
   * generation metrics and each finished round (typed arrays transferred). Every round is stored with
   * the state to continue from; `resume` continues a stored run from its last finished round.
   */
  runImp(
    config: unknown,
    onProgress: ProgressSink<ImpProgress>,
    options: { resume?: boolean; workers?: number } = {},
  ): Promise<RunOutcome<ImpJobResult>> {
    const cfg = parseConfig(config);
    if (cfg.trainer) return this.runGdImp(cfg, onProgress, options); // stored GD runs resume through the same call
    return this.exclusive('imp', async (ctl) =>
      runImpJob(cfg, ctl, await this.impDeps(onProgress), {
        resume: options.resume ?? false,
        workers: options.workers ?? 1,
      }),
    );
  }

  /**
   * GD-IMP (workers/gd-imp-job.ts) for a config with `trainer: { id: 'gd' }`: the same progress messages,
   * storage and resume as runImp, rounds trained by masked gradient descent. Rejects at once, with the
   * reason, a CNN on a backend that cannot differentiate convolutions (wasm).
   */
  runGdImp(
    config: unknown,
    onProgress: ProgressSink<ImpProgress>,
    options: { resume?: boolean } = {},
  ): Promise<RunOutcome<ImpJobResult>> {
    const cfg = parseConfig(config);
    const problem = this.backendReport ? gdConfigBackendProblem(cfg, this.backendReport.active) : null;
    if (problem) return Promise.reject(new Error(problem));
    return this.exclusive('gd-imp', async (ctl) =>
      runTrainerJob(
        cfg,
        ctl,
        await this.impDeps(onProgress),
        { resume: options.resume ?? false },
        await gdTrainer(cfg, this.readBytes),
      ),
    );
  }

  /** What an IMP-shaped job needs: the data reader, the run store, and a sink that transfers buffers. */
  private async impDeps(onProgress: ProgressSink<ImpProgress>): Promise<ImpJobDeps> {
    const spawn = this.deps.spawnEvalPeer;
    const backend = this.backendReport?.active;
    const base = this.dataBaseUrl;
    return {
      readBytes: this.readBytes,
      ...(spawn && backend ? { evalWorkers: { spawn: (i: number) => spawn(i, base), backend } } : {}),
      store: await this.store(),
      post: (msg, buffers) => {
        void Promise.resolve(onProgress(this.transfer(msg, buffers))).catch(() => undefined);
      },
    };
  }

  /** Evaluations/s of `config`'s network and task on every available backend; the active backend is restored. */
  benchmarkBackends(config: unknown): Promise<RunOutcome<BackendBenchRow[]>> {
    const cfg = parseConfig(config);
    const restore = this.backendReport?.pref ?? 'auto';
    return this.exclusive('benchmark', async (ctl) =>
      benchmarkBackends(
        cfg,
        ctl,
        {
          readBytes: this.readBytes,
          initBackend: async (pref) => (this.backendReport = await this.deps.initBackend(pref)),
        },
        restore,
      ),
    );
  }

  /**
   * Runs analysis `kind` (any registry analysis, or the rollout recorder; workers/analysis-job.ts) on `records` of
   * the run `config` describes (validated here). Task + network are instantiated from the config once
   * and cached by run id, so repeated analyses of one run do not reload its data set. The records come
   * from the caller (the UI transfers copies of their typed arrays). Exclusive like every job: pause /
   * resume / cancel act on it between evaluated chunks.
   */
  async runAnalysis<K extends AnalysisKind>(
    kind: K,
    config: unknown,
    records: readonly JobRecord[],
    args: AnalysisArgs[K],
    onProgress?: ProgressSink<AnalysisProgress>,
  ): Promise<RunOutcome<AnalysisResults[K]>> {
    const cfg = parseConfig(config);
    return this.exclusive(`analysis:${kind}`, async (ctl) => {
      const parts = await this.analysisParts.get(cfg, this.readBytes);
      const sink = onProgress
        ? (p: AnalysisProgress) => {
            void Promise.resolve(onProgress(p)).catch(() => undefined);
          }
        : undefined;
      // Results are small plain data (curves, summaries, an episode's states): no transfer needed.
      const prune = { pruneFrac: cfg.prune.pruneFrac, scope: cfg.prune.scope };
      return runAnalysisJob(kind, { ...parts, prune }, records, args, sink, () => ctl.step());
    });
  }

  /**
   * Trains a finished round's ticket on another task / ES / GD next to the random/reinit baseline
   * (workers/transfer-job.ts), streaming `TransferProgress` (records' arrays transferred). The mask comes
   * with `args.source` or is read from the run store; a ticket that does not fit the target is an error.
   */
  runTransfer(args: TransferArgs, onProgress: ProgressSink<TransferProgress>): Promise<RunOutcome<TransferJobResult>> {
    // The result (two records, a few D-length arrays) is cloned, not transferred: comlink only transfers
    // a returned object it was given, and `exclusive` wraps the result.
    return this.exclusive('transfer', async (ctl) =>
      runTransferJob(args, ctl, {
        readBytes: this.readBytes,
        store: await this.store(),
        post: (msg, buffers) => {
          void Promise.resolve(onProgress(this.transfer(msg, buffers))).catch(() => undefined);
        },
      }),
    );
  }

  /** Absolute URL of the app's `data/` folder (the UI sets it once; relative Vite bases break in workers). */
  setDataBaseUrl(url: string): void {
    this.dataBaseUrl = url;
  }

  /** Pauses the running job at its next generation boundary. */
  pause(): void {
    this.job?.ctl.pause();
  }

  /** Resumes a paused job. */
  resume(): void {
    this.job?.ctl.resume();
  }

  /** Cancels the running job: it stops within one generation and frees its tensors. */
  cancel(): void {
    this.job?.ctl.cancel();
  }

  /**
   * The GPU device was lost (workers/lab.worker.ts watches WebGPU's `device.lost`): the running job stops
   * at its next generation and rejects with this reason (what it stored stays resumable), and the backend
   * must be chosen again before the next job. The UI then offers the next backend of the chain.
   */
  deviceLost(reason: string): void {
    this.backendReport = null;
    if (!this.job) return;
    this.job.failure = new Error(`the GPU device was lost: ${reason}`);
    this.job.ctl.cancel();
  }

  /**
   * Test hook for a dying worker or a lost GPU device (the page calls it only with
   * `?debug` in its URL): 'device-lost' as if WebGPU's device were lost now; 'worker-crash' throws an
   * uncaught error in the worker, which the page treats as the worker having died; 'worker-hang' closes
   * the worker's event loop without any error event (a silent death: only the page's watchdog notices).
   */
  debugFail(kind: 'device-lost' | 'worker-crash' | 'worker-hang'): void {
    if (kind === 'device-lost') {
      this.deviceLost('simulated by the debug hook');
      return;
    }
    if (kind === 'worker-hang') {
      setTimeout(() => (globalThis as { close?: () => void }).close?.(), 0);
      return;
    }
    setTimeout(() => {
      throw new Error('simulated worker crash (debug hook)');
    }, 0);
  }

  /**
   * A stored run's config and rounds, read and decoded here rather than on the page (a run's masks and
   * weights are megabytes of structured clone); the arrays are transferred. Null when not stored.
   */
  async storedRun(id: string): Promise<{ config: ExperimentConfig; records: RoundRecord[] } | null> {
    const data = await (await this.store())?.getRun(id);
    if (!data) return null;
    const buffers = new Set<ArrayBuffer>();
    for (const r of data.records) for (const a of [r.mask, r.mean, r.std]) buffers.add(a.buffer as ArrayBuffer);
    return this.transfer({ config: data.config, records: data.records }, [...buffers]);
  }

  private dataBaseUrl = '';
  private readonly analysisParts = new AnalysisPartsCache();

  private readonly readBytes = (path: string): Promise<Uint8Array> => {
    if (!this.deps.readBytes) throw new Error(`this engine cannot read data files (asked for ${path})`);
    return this.deps.readBytes(path, this.dataBaseUrl);
  };

  private storePromise: Promise<RunStore | null> | null = null;

  /** The run store, opened once; failures (no IndexedDB, private mode) mean "do not persist". */
  private store(): Promise<RunStore | null> {
    this.storePromise ??= (this.deps.openStore?.() ?? Promise.resolve(null)).catch(() => null);
    return this.storePromise;
  }

  /** One job at a time; maps `RunCancelled` to a 'cancelled' outcome and always releases the slot. */
  private async exclusive<R>(kind: string, body: (ctl: RunControl) => Promise<R>): Promise<RunOutcome<R>> {
    if (this.job) {
      const busy = new Error(
        `a ${this.job.kind} run is already in progress in this worker; cancel it (or wait) before starting ${kind}`,
      );
      busy.name = WORKER_BUSY_ERROR;
      throw busy;
    }
    if (!this.backendReport) throw new Error('call init() to choose a tfjs backend before starting a run');
    const ctl = new RunControl();
    const job: { kind: string; ctl: RunControl; failure?: Error } = { kind, ctl };
    this.job = job;
    const t0 = performance.now();
    try {
      const result = await body(ctl);
      return { status: 'done', result, ms: performance.now() - t0 };
    } catch (err) {
      if (err instanceof RunCancelled && job.failure) throw job.failure;
      if (err instanceof RunCancelled) return { status: 'cancelled', ms: performance.now() - t0 };
      throw err;
    } finally {
      this.job = null;
    }
  }
}
