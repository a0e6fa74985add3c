/**
 * Small synthetic 10-class data for the GD tests: both the raw splits (GD trains on them) and a task
 * instance over the same splits (test protocol), built through the real vision-task code.
 */
import { afterAll } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { getNetwork } from '../../../src/core/nets/registry';
import { GdTrainSet } from '../../../src/core/experiments/gd/train-gd';
import { createVisionInstance } from '../../../src/core/tasks/vision/vision-task';
import type { VisionData, VisionSplit } from '../../../src/core/tasks/vision/datasets';
import type { TaskInstance } from '../../../src/core/tasks/types';

function split(rng: Rng, protos: Float32Array[], count: number, side: number, noise: number): VisionSplit {
  const k = side * side;
  const x = new Float32Array(count * k);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % protos.length;
    for (let j = 0; j < k; j++) x[i * k + j] = protos[labels[i]][j] + noise * rng.normal();
  }
  return { count, side, x, labels };
}

export function syntheticData(
  opts: { side?: number; train?: number; test?: number; noise?: number; seed?: number } = {},
): { data: VisionData; task: TaskInstance } {
  const side = opts.side ?? 4,
    rng = new Rng(opts.seed ?? 123),
    noise = opts.noise ?? 0.8;
  const protos = Array.from({ length: 10 }, () => Float32Array.from({ length: side * side }, () => rng.normal()));
  const data = {
    train: split(rng.split('train'), protos, opts.train ?? 500, side, noise),
    test: split(rng.split('test'), protos, opts.test ?? 200, side, noise),
  };
  const task = createVisionInstance(
    'synthetic',
    data,
    { pool: '28x28', batchSize: 50, testSubset: 0, batchSampling: 'epoch' },
    ['synthetic'],
  );
  return { data, task };
}

/** A random 0/1 mask over the kernels of `layers` at about `keepFrac` (biases always 1). */
export function randomKernelMask(
  paramCount: number,
  layers: readonly { kernelOffset: number; kernelSize: number }[],
  keepFrac: number,
  rng: Rng,
): Uint8Array {
  const mask = new Uint8Array(paramCount).fill(1);
  for (const l of layers)
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) mask[i] = rng.uniform() < keepFrac ? 1 : 0;
  return mask;
}

/** The synthetic data, its task, the GD training set and a small MLP (16 hidden units) for a test file; freed after its tests. */
export function gdFixture() {
  const { data, task } = syntheticData();
  const train = new GdTrainSet(data.train);
  afterAll(() => {
    train.dispose();
    task.dispose();
  });
  const net = getNetwork('mlp').build({ hiddenLayers: 1, width: 16 }, task.io);
  return { data, task, train, net };
}
