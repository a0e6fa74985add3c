/**
 * GD-IMP as a worker job (the same round records as ES-IMP, so every
 * chart overlays GD and ES; docs/ALGORITHMS.md §4.1). A config with `trainer: { id: 'gd', params }`
 * (runs/config.ts) trains every round with masked gradient descent (core/experiments/gd) instead of its
 * ES; the job body — start message, batched progress, every round streamed and stored with its resume
 * state, pause/resume/cancel — is the ES job's (imp-job.ts runTrainerJob), so a GD run persists in
 * IndexedDB and reopens like any other run. Progress "generations" are optimizer steps (one progress
 * batch per epoch: trainGd reports per epoch).
 *
 * Gradients: tfjs-core registers none; the job loads tfjs's gradient registry on first use (a dynamic
 * import, so the worker's first load does not pay for it). CNNs need Conv2DBackpropFilter, which
 * tfjs-backend-wasm 4.22 lacks. Falling back to the cpu backend was tried and rejected: one Adam step of
 * the CNN at 14×14, batch 128, took 12–17 s there (Node, 2 shared cores), i.e. hours per epoch. So a CNN
 * on wasm gets a clear error before anything loads (`gdBackendProblem`), naming WebGL/WebGPU or the MLP;
 * a user who explicitly picked the cpu backend may still run it.
 */
import { strategyName } from '../src/core/names';
import type { ExperimentConfig } from '../src/core/runs/config';
import { runGdImp } from '../src/core/experiments/gd/gd-imp';
import { instantiateGd } from '../src/core/experiments/gd/setup-gd';
import { networkOf } from '../src/core/runs/network-shape';
import type { ImpJobDeps, ImpTrainer } from './imp-job';
import { gdBackendProblem } from '../src/core/experiments/gd/gd-eligibility';

let gradientsLoaded: Promise<unknown> | null = null;

/** Registers tfjs's gradient functions once (what `ensureGradients` in core checks for). */
export function loadGradients(): Promise<unknown> {
  gradientsLoaded ??= import('@tensorflow/tfjs-core/dist/register_all_gradients');
  return gradientsLoaded;
}

/** The config's GD options, or a clear error for an ES config. */
export function gdOptionsOf(config: ExperimentConfig): NonNullable<ExperimentConfig['trainer']>['params'] {
  if (!config.trainer)
    throw new Error('this config trains with its ES: add trainer: { id: "gd" } to run the GD-IMP baseline');
  return config.trainer.params;
}

/** Optimizer steps of one round: full shuffled batches per epoch (the last partial batch is dropped, train-gd.ts). */
export function gdStepsPerRound(trainCount: number, batchSize: number, epochs: number): number {
  return Math.floor(trainCount / batchSize) * epochs;
}

/** Steps a full GD-IMP run takes (round 1 is shared by all chains, as in ES-IMP). */
export function gdTotalSteps(config: ExperimentConfig, trainCount: number): number {
  const o = gdOptionsOf(config);
  const perSeedRounds = 1 + (config.prune.rounds - 1) * config.prune.methods.length;
  return config.seeds.length * perSeedRounds * gdStepsPerRound(trainCount, o.batchSize, o.epochs);
}

/**
 * Why GD of `config`'s network cannot run on `backend`, or null (core/experiments/gd/gd-eligibility.ts;
 * see the module header for why the job does not silently fall back to cpu).
 */
export function gdConfigBackendProblem(config: ExperimentConfig, backend: string): string | null {
  return gdBackendProblem(networkOf(config), backend);
}

/** The GD trainer for runTrainerJob: dataset loaded once (test protocol + training split), runGdImp per seed. */
export async function gdTrainer(config: ExperimentConfig, readBytes: ImpJobDeps['readBytes']): Promise<ImpTrainer> {
  const options = gdOptionsOf(config);
  await loadGradients();
  const parts = await instantiateGd(config, { readBytes });
  const { task, net, train } = parts;
  const label = `${options.optimizer === 'adam' ? 'Adam' : 'SGD'}, learning rate ${options.lr}, batch ${options.batchSize}, ${options.epochs} epoch${options.epochs > 1 ? 's' : ''} per round`;
  return {
    task,
    net,
    totalGens: gdTotalSteps(config, train.count),
    notes: [`Gradient descent (${label}) instead of ${strategyName(config.es.id)}: progress counts optimizer steps.`],
    runSeed: (seed, resume, onEvent, gate) =>
      runGdImp({ net, task, train, options, prune: config.prune, seed, onEvent, gate, ...(resume ? { resume } : {}) }),
    dispose: () => parts.dispose(),
  };
}
