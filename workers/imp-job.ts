/**
 * The IMP experiment as a worker job (stored round by round, resumable;
 * docs/ALGORITHMS.md §3.1). Loads the task's data through an injected reader, instantiates task + network from
 * the registries, runs `runImp` for every seed in turn, and streams:
 *   - a `start` message (run id, network size, notes such as KMNIST's partial training set, plan),
 *   - batched per-generation metrics (≤ ~10 batches/s, docs/ARCHITECTURE.md convention 9),
 *   - every finished round at once, its typed arrays COPIED and then transferred (the core keeps the
 *     originals: round-1 records share mean/σ between chains, and the store still has to clone them).
 * Each finished round is stored with the chain state for the next round (RunStore.saveRound), so a
 * reloaded tab continues from the last finished round; `resume: true` reads those states back.
 */
import type { ExperimentConfig } from '../src/core/runs/config';
import type { GenerationMetrics, ImpEvent, RoundRecord } from '../src/core/experiments/events';
import type { PopulationNet } from '../src/core/nets/types';
import type { ImpJobResult, ImpProgress } from '../src/protocol/worker-protocol';
import type { TaskInstance } from '../src/core/tasks/types';
import { runImp, theta0For, type ChainState } from '../src/core/experiments/imp';
import { chainsFinished, resumeChains } from '../src/core/experiments/resume';
import { configMemoryProblem, instantiate } from '../src/core/experiments/setup';
import { runId } from '../src/core/runs/hash';
import type { RunStore } from '../src/storage/run-store';
import { ProgressBatcher, type RunControl } from './run-control';

export interface ImpJobDeps {
  readonly readBytes: (path: string) => Promise<Uint8Array>;
  /** The run store (null: do not persist, e.g. IndexedDB unavailable). */
  readonly store: RunStore | null;
  readonly post: (msg: ImpProgress, transfer: ArrayBuffer[]) => void;
}

/** Generations a full run trains: round 1 is shared by all chains (imp.ts), later rounds are per chain. */
export function totalGenerations(config: ExperimentConfig): number {
  const perSeedRounds = 1 + (config.prune.rounds - 1) * config.prune.methods.length;
  return config.seeds.length * perSeedRounds * config.budget.generationsPerRound;
}

/** Generations already covered by stored records (shared round-1 records count once). */
function doneGenerations(records: readonly RoundRecord[]): number {
  return records.filter((r) => !r.sharedWith || r.sharedWith[0] === r.method).reduce((s, r) => s + r.generations, 0);
}

/** Copies a record's typed arrays so they can be transferred without detaching the core's or the store's. */
export function transferableRecord(r: RoundRecord): { record: RoundRecord; buffers: ArrayBuffer[] } {
  const record = { ...r, mask: r.mask.slice(), mean: r.mean.slice(), std: r.std.slice() };
  return { record, buffers: [record.mask.buffer, record.mean.buffer, record.std.buffer] as ArrayBuffer[] };
}

/**
 * What differs between the ES-IMP and the GD-IMP job (workers/gd-imp-job.ts): the task + network it
 * built, the generations (GD: optimizer steps) a full run takes, and how one seed's chains train.
 * Everything else — start message, batching, storing every round with its resume state, skipping
 * finished seeds, the final status — is the one job body below.
 */
export interface ImpTrainer {
  readonly task: TaskInstance;
  readonly net: PopulationNet;
  readonly totalGens: number;
  /** Extra notes for the start message (e.g. which backend GD fell back to). */
  readonly notes?: readonly string[];
  runSeed(
    seed: number,
    resume: ChainState[] | null,
    onEvent: (e: ImpEvent) => void,
    gate: () => Promise<void>,
  ): Promise<unknown>;
  dispose(): void;
}

/** The ES trainer: task + network from the registries, runImp per seed. */
export async function esTrainer(config: ExperimentConfig, readBytes: ImpJobDeps['readBytes']): Promise<ImpTrainer> {
  const memory = configMemoryProblem(config);
  if (memory) throw new Error(memory.message);
  const { task, net } = await instantiate(config, { readBytes });
  return {
    task,
    net,
    totalGens: totalGenerations(config),
    runSeed: (seed, resume, onEvent, gate) =>
      runImp({ config, seed, net, task, reportEvery: 10, gate, onEvent, ...(resume ? { resume } : {}) }),
    dispose: () => task.dispose(),
  };
}

/** Runs every seed of `config` with ES (resuming stored progress when asked) under `ctl`. */
export async function runImpJob(
  config: ExperimentConfig,
  ctl: RunControl,
  deps: ImpJobDeps,
  opts: { resume: boolean },
): Promise<ImpJobResult> {
  return runTrainerJob(config, ctl, deps, opts, await esTrainer(config, deps.readBytes));
}

/** The IMP job body over any trainer (ES or GD); disposes the trainer at the end. */
export async function runTrainerJob(
  config: ExperimentConfig,
  ctl: RunControl,
  deps: ImpJobDeps,
  opts: { resume: boolean },
  trainer: ImpTrainer,
): Promise<ImpJobResult> {
  const id = runId(config);
  const { task, net } = trainer;
  let saveQueue: Promise<void> = Promise.resolve();
  let storageOk = deps.store !== null;
  const save = (write: (s: RunStore) => Promise<unknown>): void => {
    if (!storageOk || !deps.store) return;
    const store = deps.store;
    saveQueue = saveQueue
      .then(() => write(store))
      .then(
        () => undefined,
        (e: unknown) => {
          storageOk = false; // keep running; the UI says the run is no longer being saved
          deps.post({ kind: 'storage-error', message: e instanceof Error ? e.message : String(e) }, []);
        },
      );
  };
  const batcher = new ProgressBatcher<GenerationMetrics>((metrics) => deps.post({ kind: 'gens', metrics }, []), {
    minIntervalMs: 100,
    everyN: 10_000,
  });
  let rounds = 0;
  let resumed = false;
  try {
    const stored = opts.resume && deps.store ? await deps.store.getRun(id) : undefined;
    const storedRecords = stored?.records ?? [];
    const resumedSeeds = [...new Set(storedRecords.map((r) => r.seed))];
    save((s) => s.saveRun({ config, status: 'running' }));
    deps.post(
      {
        kind: 'start',
        runId: id,
        netDescribe: net.describe,
        paramCount: net.paramCount,
        prunableCount: net.prunableCount,
        notes: [...task.notes, ...(trainer.notes ?? [])],
        totalGens: trainer.totalGens,
        doneGens: doneGenerations(storedRecords),
        resumedSeeds,
        layout: {
          layers: net.layers.map((l) => ({ ...l })),
          inputShape: [...task.io.inputShape],
          outputSize: task.io.outputSize,
        },
      },
      [],
    );
    for (const seed of config.seeds) {
      const states = (stored?.chains ?? []).filter((c) => c.seed === seed).map(({ seed: _, ...c }) => c as ChainState);
      if (chainsFinished(config.prune.methods, states, config.prune.rounds)) continue; // seed finished
      const resume = resumeChains(config.prune.methods, states, theta0For(net, seed));
      resumed ||= resume !== null;
      await trainer.runSeed(
        seed,
        resume,
        (e) => {
          if (e.type === 'generation') {
            batcher.push(e.metrics);
            return;
          }
          if (e.type !== 'round') return;
          batcher.flush();
          rounds++;
          const { record, buffers } = transferableRecord(e.record);
          deps.post({ kind: 'round', record }, buffers);
          const original = e.record,
            next = e.next;
          save((s) => s.saveRound(id, original, next));
        },
        () => ctl.step(),
      );
      batcher.flush();
      deps.post({ kind: 'seed-done', seed }, []);
    }
    save((s) => s.setStatus(id, 'done'));
    return { runId: id, rounds, resumed };
  } catch (err) {
    batcher.flush();
    // Cancelled or failed: what was stored stays resumable ("interrupted"), never half-written.
    save((s) => s.setStatus(id, 'interrupted'));
    throw err;
  } finally {
    await saveQueue;
    trainer.dispose();
  }
}
