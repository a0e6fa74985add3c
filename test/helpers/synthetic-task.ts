/**
 * A tiny synthetic 10-class "vision" task for fast end-to-end tests: each class is a fixed random
 * side×side prototype, examples are prototype + Gaussian noise. Goes through the real vision task code
 * (createVisionInstance), so fitness and test accuracy are computed exactly as for MNIST.
 */
import { Rng } from '../../src/core/rng';
import { createVisionInstance } from '../../src/core/tasks/vision/vision-task';
import type { VisionSplit } from '../../src/core/tasks/vision/datasets';
import type { TaskInstance } from '../../src/core/tasks/types';

function split(rng: Rng, protos: Float32Array[], count: number, side: number, noise: number): VisionSplit {
  const k = side * side;
  const x = new Float32Array(count * k);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % protos.length;
    labels[i] = c;
    for (let j = 0; j < k; j++) x[i * k + j] = protos[c][j] + noise * rng.normal();
  }
  return { count, side, x, labels };
}

export function syntheticTask(
  opts: { side?: number; train?: number; test?: number; noise?: number; batchSize?: number; seed?: number } = {},
): TaskInstance {
  const side = opts.side ?? 4,
    rng = new Rng(opts.seed ?? 123);
  const protos = Array.from({ length: 10 }, () => Float32Array.from({ length: side * side }, () => rng.normal()));
  return createVisionInstance(
    'synthetic',
    {
      train: split(rng.split('train'), protos, opts.train ?? 500, side, opts.noise ?? 0.8),
      test: split(rng.split('test'), protos, opts.test ?? 200, side, opts.noise ?? 0.8),
    },
    { pool: '28x28', batchSize: opts.batchSize ?? 100, testSubset: 0, batchSampling: 'epoch' },
    ['synthetic test task'],
  );
}
