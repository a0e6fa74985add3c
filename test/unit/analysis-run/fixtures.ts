/**
 * Fixtures for the grid-analysis tests: the synthetic vision task with a small MLP (real test protocol),
 * and a quadratic "task" whose test loss is L(θ) = Σ c_i θ_i², so every landscape profile is an exact
 * parabola with a known a = Σ c_i η_i². The quadratic task also records every row it was asked to
 * evaluate, so tests can check what the analyses actually fed the network.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { getNetwork } from '../../../src/core/nets/registry';
import type { PopulationNet } from '../../../src/core/nets/types';
import type { TaskInstance, TestResult } from '../../../src/core/tasks/types';
import { Rng } from '../../../src/core/rng';
import { syntheticTask } from '../../helpers/synthetic-task';

export function visionFixture(): { task: TaskInstance; net: PopulationNet } {
  const task = syntheticTask({ side: 4, train: 200, test: 120 });
  const net = getNetwork('mlp').build({ hiddenLayers: 1, width: 8 }, task.io);
  return { task, net };
}

/** D random parameter vectors from the net's own init (different seeds). */
export function inits(net: PopulationNet, count: number, seed = 1): Float32Array[] {
  return Array.from({ length: count }, (_, i) => net.init(new Rng(seed).split(i)));
}

export interface QuadraticTask extends TaskInstance {
  /** Every row evaluated so far, in order. */
  readonly seen: Float32Array[];
}

/** L(θ) = Σ c_i θ_i²; perf = −L. Kind 'vision' so barriers use E = 1 − perf (irrelevant for landscapes). */
export function quadraticTask(c: Float32Array): QuadraticTask {
  const seen: Float32Array[] = [];
  return {
    id: 'quadratic',
    kind: 'vision',
    metric: 'accuracy',
    io: { inputShape: [1], outputSize: 1 },
    notes: [],
    seen,
    evaluatePopulation() {
      throw new Error('quadratic task: test-only');
    },
    async evaluateTest(_net: PopulationNet, rows: tf.Tensor2D): Promise<TestResult[]> {
      const [n, D] = rows.shape;
      const v = await rows.data();
      const out: TestResult[] = [];
      for (let r = 0; r < n; r++) {
        const row = Float32Array.from(v.subarray(r * D, (r + 1) * D));
        seen.push(row);
        let L = 0;
        for (let i = 0; i < D; i++) L += c[i] * row[i] * row[i];
        out.push({ perf: -L, loss: L });
      }
      return out;
    },
    dispose() {},
  };
}
