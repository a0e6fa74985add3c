/**
 * The network layout (layers, input shape) of a run, for the mask views.
 * A live run gets it from the worker's start message; a stored run's is rebuilt here from its config
 * through the registries without loading any data: the task's network I/O follows from the config alone
 * (vision: 28×28 or 14×14 by the pool param, 10 classes; control: the environment's observation and
 * action sizes), and `NetworkDef.build` only lays out parameters.
 */
import type { ExperimentConfig } from '../../core/runs/config';
import type { NetworkIO } from '../../core/nets/types';
import { getNetwork } from '../../core/nets/registry';
import { getTask } from '../../core/tasks/registry';
import { controlEnvOfTask } from '../../core/tasks/control';
import type { NetLayout } from '../../../workers/imp-job';

const NUM_CLASSES = 10;

/** Network input/output of `config`'s task, from its params alone. */
export function ioOfConfig(config: ExperimentConfig): NetworkIO {
  const task = getTask(config.task.id);
  if (task.io) return task.io;
  if (task.kind === 'vision') {
    const side = config.task.params.pool === '14x14' ? 14 : 28;
    return { inputShape: [side, side, 1], outputSize: NUM_CLASSES };
  }
  const env = controlEnvOfTask(config.task.id);
  return { inputShape: [env.obsDim], outputSize: env.outputSize };
}

/** Layout of `config`'s network (what the worker's start message reports for a live run). */
export function layoutOfConfig(config: ExperimentConfig): NetLayout {
  const io = ioOfConfig(config);
  const net = getNetwork(config.network.id).build(config.network.params, io);
  return { layers: net.layers, inputShape: io.inputShape, outputSize: io.outputSize };
}
