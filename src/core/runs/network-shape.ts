/**
 * The network a config describes, without loading any data: its I/O follows from the task's params
 * (vision: 28×28 or 14×14 pooled images → 10 classes, docs/ALGORITHMS.md §9.1, §12; control: the env's observation and
 * action sizes, docs/ALGORITHMS.md §9.2). Used to validate imported bundles (every mask / mean / σ must have length D)
 * before anything is allocated from untrusted sizes.
 */
import type { ExperimentConfig } from './config';
import type { LayerSpec, NetworkIO, PopulationNet } from '../nets/types';
import { getNetwork } from '../nets/registry';
import { getTask } from '../tasks/registry';
import { controlEnvOfTask } from '../tasks/control';
import { NUM_CLASSES } from '../tasks/vision/vision-task';

const MNIST_SIDE = 28;

/** The NetworkIO a task instance of this config will report (pure, no data loading). */
export function networkIoOf(config: ExperimentConfig): NetworkIO {
  const task = getTask(config.task.id);
  if (task.io) return task.io;
  if (task.kind === 'vision') {
    const side = config.task.params.pool === '14x14' ? MNIST_SIDE / 2 : MNIST_SIDE;
    return { inputShape: [side, side, 1], outputSize: NUM_CLASSES };
  }
  const env = controlEnvOfTask(config.task.id);
  return { inputShape: [env.obsDim], outputSize: env.outputSize };
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
