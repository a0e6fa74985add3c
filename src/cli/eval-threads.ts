/**
 * Population-parallel evaluation in Node (core/experiments/parallel/): W − 1 evaluation worker threads
 * (eval-thread.ts) next to the thread that runs the ES, each a ManagedWorker like every other worker. Under tsx (the CLI, vitest) a worker registers
 * tsx's loader before importing its TypeScript entry; worker_threads do not inherit it.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ExperimentConfig } from '../core/runs/config';
import type { TaskInstance } from '../core/tasks/types';
import type { EvalPeer } from '../core/experiments/parallel/protocol';
import { nodeThreadHandle } from '../lib/node-thread';
import { managedEvalPeer } from '../../workers/eval-peer';
import { backendRefusal, SplitEvaluator, splitRefusal, startPeers } from '../core/experiments/parallel/split-evaluator';
import { defaultWorkers } from '../core/experiments/parallel/threads';
import { getTask } from '../core/tasks/registry';

const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './eval-thread.ts' : './eval-thread.js', import.meta.url).href;

/** Starts one evaluation worker thread, in the app's one worker lifecycle (workers/eval-peer.ts). */
export function spawnEvalThread(index: number): EvalPeer {
  const boot = ENTRY.endsWith('.ts')
    ? `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); })`
    : `import(${JSON.stringify(ENTRY)})`;
  const name = `lab-eval-${index}`;
  return managedEvalPeer({ name, create: () => nodeThreadHandle(new Worker(boot, { eval: true, name })) });
}

/** The default number of evaluation threads here: the cores Node reports, minus one, at least 1. */
export function defaultNodeWorkers(): number {
  return defaultWorkers(availableParallelism());
}

/** Evaluation threads started before the run's task is loaded (`startEvalThreads`). */
export interface EarlyEvalThreads {
  /**
   * The split evaluator over these threads for `task` once they have loaded it, or null with the reason
   * when the run stays in one thread (workers = 1, a GPU backend, a task that scores members together:
   * then the threads are stopped).
   */
  attach(task: TaskInstance): Promise<{ evaluator: SplitEvaluator | null; note: string | null }>;
  /** Stops the threads (also those an evaluator from `attach` uses); safe to call more than once. */
  close(): void;
}

/**
 * Starts `workers − 1` evaluation threads for `config` on `backend` now, before this thread loads the
 * task: each thread's own start-up (its modules, the task data, the network) then runs while this thread
 * does the same, instead of after it (docs/PERFORMANCE.md "Start-up"). Nothing a thread computes depends
 * on when it started, so results are the same as with threads started later.
 */
export function startEvalThreads(config: ExperimentConfig, backend: string, workers: number): EarlyEvalThreads {
  if (workers <= 1) return { attach: async () => ({ evaluator: null, note: null }), close: () => {} };
  // Known to stay in one thread before the task loads (a GPU backend, a task that scores its members
  // together): no thread is started, to be stopped again at `attach`.
  const alone = !!backendRefusal(backend) || !!getTask(config.task.id).scoresTogether?.(config.task.params);
  const spawned: EvalPeer[] = [];
  const ready = alone
    ? null
    : startPeers(
        workers - 1,
        (i) => {
          const peer = spawnEvalThread(i);
          spawned.push(peer);
          return peer;
        },
        config,
        backend,
      );
  // A thread that fails before `attach` awaits them is reported there, not as an unhandled rejection.
  ready?.catch(() => {});
  const close = () => spawned.forEach((p) => p.close());
  return {
    close,
    async attach(task) {
      const refusal = splitRefusal(task, backend);
      if (refusal || !ready) {
        close();
        return { evaluator: null, note: refusal && `${refusal}; --workers ${workers} ignored` };
      }
      return { evaluator: new SplitEvaluator(task, await ready), note: null };
    },
  };
}

/** `startEvalThreads` for a task that is already loaded: its evaluator (or why there is none). */
export function startNodeSplit(
  task: TaskInstance,
  config: ExperimentConfig,
  backend: string,
  workers: number,
): Promise<{ evaluator: SplitEvaluator | null; note: string | null }> {
  return startEvalThreads(config, backend, workers).attach(task);
}
