/**
 * The network a config describes, without loading any data: its I/O follows from the task's params
 * (TaskDef.ioOf — vision: 28×28 or 14×14 pooled images → 10 classes, docs/ALGORITHMS.md §9.1, §12;
 * control: the environment's observation and action sizes, §9.2). Used to validate imported bundles (every mask / mean / σ must have length D)
 * before anything is allocated from untrusted sizes.
 */
import type { ExperimentConfig } from './config';
import type { LayerSpec, NetworkIO, PopulationNet } from '../nets/types';
import { getNetwork } from '../nets/registry';
import { getTask } from '../tasks/registry';

/** The NetworkIO a task instance of this config will report (pure, no data loading). */
export function networkIoOf(config: ExperimentConfig): NetworkIO {
  return getTask(config.task.id).ioOf(config.task.params);
}

/** The population network of a (canonical) config: layers, D and prunable count (no tensors allocated). */
export function networkOf(config: ExperimentConfig): PopulationNet {
  return getNetwork(config.network.id).build(config.network.params, networkIoOf(config));
}

/** A network's parameter layout and its task's input shape: what the mask views need. */
export interface NetLayout {
  readonly layers: readonly LayerSpec[];
  /** e.g. [28, 28, 1] or [14, 14, 1] for vision, [obsDim] for control. */
  readonly inputShape: readonly number[];
  readonly outputSize: number;
}

/**
 * The layout of a config's network, from the config alone: what an IMP job's start message reports for a
 * live run, rebuilt for a stored one (no data loaded; `NetworkDef.build` only lays out parameters).
 */
export function layoutOf(config: ExperimentConfig): NetLayout {
  const io = networkIoOf(config);
  return { layers: networkOf(config).layers, inputShape: io.inputShape, outputSize: io.outputSize };
}
