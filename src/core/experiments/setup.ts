/**
 * Instantiates the task and network an experiment config names, through the registries. Shared by the
 * CLI and the worker so both build exactly the same objects.
 */
import type { ExperimentConfig } from '../runs/config';
import { getTask } from '../tasks/registry';
import { getNetwork } from '../nets/registry';
import type { TaskInstance } from '../tasks/types';
import type { PopulationNet } from '../nets/types';
import { Rng } from '../rng';

export interface ExperimentParts {
  readonly task: TaskInstance;
  readonly net: PopulationNet;
}

/**
 * Why `config` cannot run in this environment's memory (e.g. too many MuJoCo simulations at once), naming
 * the setting to lower; null when it fits. The CLI and the lab check it before starting a run.
 */
export function configMemoryProblem(
  config: ExperimentConfig,
): { readonly path: string; readonly message: string } | null {
  return getTask(config.task.id).memoryProblem?.(config.task.params, config.es.popSize) ?? null;
}

export async function instantiate(
  config: ExperimentConfig,
  io: { readBytes(path: string): Promise<Uint8Array> },
): Promise<ExperimentParts> {
  const task = await getTask(config.task.id).load(config.task.params, io, new Rng(config.seeds[0]).split('task'));
  const net = getNetwork(config.network.id).build(config.network.params, task.io);
  return { task, net };
}
