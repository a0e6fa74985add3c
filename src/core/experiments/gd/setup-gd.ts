/**
 * Instantiates what a GD run needs from an experiment config (docs/ALGORITHMS.md §4.1, §12 guideline 3:
 * GD trains "on the same downsampled data" as the ES preset): the vision task instance for the test
 * protocol, the network, and the training split on the backend — loading the dataset once for both.
 */
import type { ExperimentConfig } from '../../runs/config';
import { getNetwork } from '../../nets/registry';
import type { PopulationNet } from '../../nets/types';
import { getTask } from '../../tasks/registry';
import type { TaskInstance } from '../../tasks/types';
import { getDataset, loadDataset } from '../../tasks/vision/datasets';
import { createVisionInstance, visionParamSpecs } from '../../tasks/vision/vision-task';
import { resolveParams } from '../../params';
import { GdTrainSet } from './train-gd';
import { gdTaskProblem } from './gd-eligibility';

export interface GdParts {
  readonly task: TaskInstance;
  readonly net: PopulationNet;
  readonly train: GdTrainSet;
  /** Frees the task's and the training set's tensors. */
  dispose(): void;
}

export async function instantiateGd(
  config: ExperimentConfig,
  io: { readBytes(path: string): Promise<Uint8Array> },
): Promise<GdParts> {
  const problem = gdTaskProblem(getTask(config.task.id));
  if (problem) throw new Error(problem);
  const dataset = getDataset(config.task.id);
  const params = resolveParams(visionParamSpecs, config.task.params);
  const data = await loadDataset(dataset, (p) => io.readBytes(p), params.pool);
  const notes =
    params.pool === '14x14'
      ? [...dataset.notes, 'Images 2×2-average-pooled to 14×14 (reduced budget).']
      : dataset.notes;
  const task = createVisionInstance(dataset.id, data, params, notes);
  const net = getNetwork(config.network.id).build(config.network.params, task.io);
  const train = new GdTrainSet(data.train);
  return {
    task,
    net,
    train,
    dispose() {
      task.dispose();
      train.dispose();
    },
  };
}
