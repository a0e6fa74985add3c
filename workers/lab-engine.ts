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
import type { RunControl } from './run-control';
import { JobSlot, progressPoster } from './job-slot';
import { EngineIo, type EngineIoDeps } from './engine-io';
import { simulateWorkerDeath, type DebugFailure } from './debug-failure';
import { runDemo2dBody, toyGridValues } from './demo2d';
import { parseConfig, type ExperimentConfig } from '../src/core/runs/config';
import type { RoundRecord } from '../src/core/experiments/events';
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

export interface EngineDeps extends EngineIoDeps {
  /** Backend chain (workers/backend.ts in the browser; cpu/wasm-only in Node tests). */
  readonly initBackend: (pref: BackendPref) => Promise<BackendReport>;
  /**
   * Marks typed arrays for zero-copy transfer (comlink's `transfer` in the worker; identity in Node).
   * Returns the value to pass to the sink.
   */
  readonly transfer?: <T>(value: T, buffers: ArrayBuffer[]) => T;
  /**
   * Starts one evaluation worker for runs that split their population over CPU workers
   * (`runImp`'s `workers` option; core/experiments/parallel/). Absent: every run uses one thread.
   */
  readonly spawnEvalPeer?: (index: number, dataBaseUrl: string) => EvalPeer;
}

export class LabEngine {
  private backendReport: BackendReport | null = null;
  private readonly slot = new JobSlot();
  private readonly io: EngineIo;
  private readonly readBytes: (path: string) => Promise<Uint8Array>;
  private readonly analysisParts = new AnalysisPartsCache();
  private readonly transfer: <T>(value: T, buffers: ArrayBuffer[]) => T;

  constructor(private readonly deps: EngineDeps) {
    this.transfer = deps.transfer ?? ((v) => v);
    this.io = new EngineIo(deps);
    this.readBytes = this.io.readBytes;
  }

  /** Selects the tfjs backend (walks the chain for 'auto'); refuses while a job runs. */
  async init(pref: BackendPref = 'auto'): Promise<BackendReport> {
    if (this.slot.kind)
      throw new Error(`cannot switch backend while a ${this.slot.kind} run is in progress; cancel it first`);
    this.backendReport = await this.deps.initBackend(pref);
    return this.backendReport;
  }

  /** Current job, pause state, backend and live tensor count (leak check from the UI/tests). */
  status(): EngineStatus {
    return {
      running: this.slot.kind,
      phase: this.slot.phase,
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
    const post = progressPoster(onProgress, this.transfer);
    return this.exclusive('demo2d', (ctl) =>
      runDemo2dBody(cfg, ctl, (batch) =>
        post(
          batch,
          batch.frames.flatMap((f) => [f.population.buffer as ArrayBuffer, f.mean.buffer as ArrayBuffer]),
        ),
      ),
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
    const base = this.io.dataBaseUrl;
    return {
      readBytes: this.readBytes,
      ...(spawn && backend ? { evalWorkers: { spawn: (i: number) => spawn(i, base), backend } } : {}),
      store: await this.io.store(),
      post: progressPoster(onProgress, this.transfer),
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
      const post = onProgress ? progressPoster(onProgress, this.transfer) : undefined;
      const sink = post ? (p: AnalysisProgress) => post(p, []) : undefined;
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
        store: await this.io.store(),
        post: progressPoster(onProgress, this.transfer),
      }),
    );
  }

  /** Absolute URL of the app's `data/` folder (the UI sets it once; relative Vite bases break in workers). */
  setDataBaseUrl(url: string): void {
    this.io.setDataBaseUrl(url);
  }

  /** Pauses the running job at its next generation boundary. */
  pause(): void {
    this.slot.pause();
  }

  /** Resumes a paused job. */
  resume(): void {
    this.slot.resume();
  }

  /** Cancels the running job: it stops within one generation and frees its tensors. */
  cancel(): void {
    this.slot.cancel();
  }

  /**
   * The GPU device was lost (workers/lab.worker.ts watches WebGPU's `device.lost`): the running job stops
   * at its next generation and rejects with this reason (what it stored stays resumable), and the backend
   * must be chosen again before the next job. The UI then offers the next backend of the chain.
   */
  deviceLost(reason: string): void {
    this.backendReport = null;
    this.slot.fail(new Error(`the GPU device was lost: ${reason}`));
  }

  /** Test hook (the page calls it only with `?debug`): a lost GPU device now, or a dying worker (debug-failure.ts). */
  debugFail(kind: DebugFailure): void {
    if (kind === 'device-lost') this.deviceLost('simulated by the debug hook');
    else simulateWorkerDeath(kind);
  }

  /**
   * A stored run's config and rounds, read and decoded here rather than on the page (a run's masks and
   * weights are megabytes of structured clone); the arrays are transferred. Null when not stored.
   */
  async storedRun(id: string): Promise<{ config: ExperimentConfig; records: RoundRecord[] } | null> {
    const data = await (await this.io.store())?.getRun(id);
    if (!data) return null;
    const buffers = new Set<ArrayBuffer>();
    for (const r of data.records) for (const a of [r.mask, r.mean, r.std]) buffers.add(a.buffer as ArrayBuffer);
    return this.transfer({ config: data.config, records: data.records }, [...buffers]);
  }

  /** One job at a time (job-slot.ts), and only once a backend is chosen. */
  private exclusive<R>(kind: string, body: (ctl: RunControl) => Promise<R>): Promise<RunOutcome<R>> {
    if (!this.slot.kind && !this.backendReport)
      return Promise.reject(new Error('call init() to choose a tfjs backend before starting a run'));
    return this.slot.run(kind, body);
  }
}
