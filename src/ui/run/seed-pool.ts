/**
 * Multi-seed sweeps across workers (N seeds of a config run in parallel, sized to the
 * machine's cores). Each seed of a config runs as its own single-seed run — `{...config, seeds: [s]}`,
 * its own run id and stored run — in its own engine (a Web Worker in the app, a plain LabEngine in Node
 * tests). A seed's results depend only on its seed (core/experiments/imp.ts splits every stream from it),
 * so they equal the sequential multi-seed run's records for that seed on the same backend
 * (test/unit/workers/seed-pool.test.ts checks it). Pause / resume / cancel reach every busy engine, and a
 * paused or cancelled pool starts no further seed.
 */
import { parseConfig, type ExperimentConfig } from '../../core/runs/config';
import type { ImpJobResult, ImpProgress, RunOutcome } from '../../protocol/worker-protocol';
import type { SeedRunStatus } from '../../state/seed-runs';

/** What the pool needs of an engine (LabEngine's methods; comlink Remote<LabEngine> fits too). */
export interface PoolEngine {
  runImp(
    config: unknown,
    onProgress: (msg: ImpProgress) => void,
    options?: { resume?: boolean },
  ): Promise<RunOutcome<ImpJobResult>>;
  pause(): unknown;
  resume(): unknown;
  cancel(): unknown;
}

/** One worker of the pool: an engine with its backend already chosen, and how to shut it down. */
export interface PoolWorker {
  readonly engine: PoolEngine;
  dispose(): void;
}

export interface SeedPoolHooks {
  readonly createWorker: () => Promise<PoolWorker>;
  readonly onProgress: (seed: number, msg: ImpProgress) => void;
  readonly onSeedStatus: (seed: number, status: SeedRunStatus, error?: string) => void;
}

/** Workers for `seeds` seeds on a machine with `cores` logical cores: min(seeds, cores − 1, cap), at least 1. */
export function poolSize(seeds: number, cores: number | undefined, cap = 4): number {
  const spare = Math.max(1, (cores && Number.isFinite(cores) ? Math.floor(cores) : 2) - 1); // one core for the page
  return Math.max(1, Math.min(seeds, spare, cap));
}

/** The single-seed configs of a multi-seed config, in seed order (each validated, so each has its own run id). */
export function seedConfigs(config: ExperimentConfig): ExperimentConfig[] {
  return config.seeds.map((seed) => parseConfig({ ...config, seeds: [seed] }));
}

export class SeedPool {
  private paused = false;
  private cancelled = false;
  private resumeWaiters: (() => void)[] = [];
  private readonly busy = new Set<PoolEngine>();

  constructor(
    private readonly config: ExperimentConfig,
    private readonly size: number,
    private readonly hooks: SeedPoolHooks,
  ) {}

  /**
   * Runs every seed; resolves 'done' when all finished, 'cancelled' after cancel(). A seed that fails
   * is reported (onSeedStatus 'error') and the other seeds go on; the first failure is rethrown at the end.
   */
  async run(options: { resume?: boolean } = {}): Promise<'done' | 'cancelled'> {
    const queue = seedConfigs(this.config);
    for (const c of queue) this.hooks.onSeedStatus(c.seeds[0], 'queued');
    let firstError: unknown = null;
    const lane = async (): Promise<void> => {
      let worker: PoolWorker | null = null;
      try {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await this.gate();
          const seed = next.seeds[0];
          if (this.cancelled) {
            this.hooks.onSeedStatus(seed, 'cancelled');
            continue;
          }
          try {
            worker ??= await this.hooks.createWorker();
            if (this.cancelled) {
              this.hooks.onSeedStatus(seed, 'cancelled');
              continue;
            } // cancelled while the worker started
            this.busy.add(worker.engine);
            this.hooks.onSeedStatus(seed, 'running');
            // The engine only pauses a job in flight: start it, then pass on a pause requested meanwhile.
            const running = worker.engine.runImp(next, (msg) => this.hooks.onProgress(seed, msg), {
              resume: options.resume ?? false,
            });
            if (this.paused) await worker.engine.pause();
            const out = await running;
            this.hooks.onSeedStatus(seed, out.status === 'done' ? 'done' : 'cancelled');
          } catch (err) {
            firstError ??= err;
            this.hooks.onSeedStatus(seed, 'error', err instanceof Error ? err.message : String(err));
            worker?.dispose(); // a failed worker (e.g. GPU device lost) is not reused
            worker = null;
          } finally {
            if (worker) this.busy.delete(worker.engine);
          }
        }
      } finally {
        worker?.dispose();
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size, queue.length) }, lane));
    if (firstError !== null && !this.cancelled) throw firstError;
    return this.cancelled ? 'cancelled' : 'done';
  }

  /** Pauses every running seed at its next generation; queued seeds wait. */
  async pause(): Promise<void> {
    this.paused = true;
    await Promise.all([...this.busy].map((e) => e.pause()));
  }

  async resume(): Promise<void> {
    this.paused = false;
    await Promise.all([...this.busy].map((e) => e.resume()));
    const w = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const f of w) f();
  }

  /** Cancels every running seed (each stops within a generation, its stored rounds stay resumable) and drops the queue. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    await Promise.all([...this.busy].map((e) => e.cancel()));
    const w = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const f of w) f();
  }

  private gate(): Promise<void> {
    return this.paused && !this.cancelled ? new Promise((r) => this.resumeWaiters.push(r)) : Promise.resolve();
  }
}
