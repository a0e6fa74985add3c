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
import { SplitEvaluator, splitRefusal, startPeers } from '../core/experiments/parallel/split-evaluator';
import { defaultWorkers } from '../core/experiments/parallel/threads';

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

/**
 * A split evaluator over `workers` threads (this one included) for `task`, or null with the reason when
 * the run stays in one thread (workers = 1, a GPU backend, a task that scores members together).
 */
export async function startNodeSplit(
  task: TaskInstance,
  config: ExperimentConfig,
  backend: string,
  workers: number,
): Promise<{ evaluator: SplitEvaluator | null; note: string | null }> {
  if (workers <= 1) return { evaluator: null, note: null };
  const refusal = splitRefusal(task, backend);
  if (refusal) return { evaluator: null, note: `${refusal}; --workers ${workers} ignored` };
  const peers = await startPeers(workers - 1, spawnEvalThread, config, backend);
  return { evaluator: new SplitEvaluator(task, peers), note: null };
}
