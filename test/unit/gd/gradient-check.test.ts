// Numerical gradient check (docs/ARCHITECTURE.md convention 12) of the GD loss: tfjs autodiff through the population
// forward pass (P = 1) against central finite differences, on a tiny masked MLP.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { crossEntropyLoss, variableOf } from '../../../src/core/experiments/gd/train-gd';
import { ensureGradients } from '../../../src/core/experiments/gd/gradients';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import { randomKernelMask } from './fixtures';

ensureGradients();
const net = getNetwork('mlp').build(
  { hiddenLayers: 2, width: 5, activation: 'tanh' },
  { inputShape: [2, 2, 1], outputSize: 3 },
);
const rng = new Rng(7);
const B = 6;
const xs = Float32Array.from({ length: B * 4 }, () => rng.normal());
const labels = Int32Array.from({ length: B }, (_, i) => i % 3);

function lossAt(theta: Float32Array, mask: Uint8Array): number {
  return tf.tidy(() => {
    const masked = tf.mul(
      tf.tensor2d(theta, [1, net.paramCount]),
      tf.tensor2d(Float32Array.from(mask), [1, net.paramCount]),
    ) as tf.Tensor2D;
    return crossEntropyLoss(
      net,
      masked,
      tf.tensor2d(xs, [B, 4]),
      tf.oneHot(tf.tensor1d(labels, 'int32'), 3) as tf.Tensor2D,
    ).dataSync()[0];
  });
}

/** Autodiff gradient of θ ↦ CE(net(θ ⊙ M)). */
function autodiff(theta: Float32Array, mask: Uint8Array): Float32Array {
  const v = variableOf(theta);
  const g = tf.tidy(() => {
    const m = tf.tensor2d(Float32Array.from(mask), [1, net.paramCount]);
    const x = tf.tensor2d(xs, [B, 4]),
      y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3) as tf.Tensor2D;
    const { grads } = tf.variableGrads(() => crossEntropyLoss(net, tf.mul(v, m) as tf.Tensor2D, x, y), [v]);
    return grads[v.name].dataSync().slice();
  });
  v.dispose();
  return g as Float32Array;
}

describe('GD loss gradient vs central finite differences (float32)', () => {
  const theta = net.init(rng.split('theta'));
  const eps = 1e-2;

  for (const [label, keep] of [
    ['dense', 1],
    ['masked (≈50 % of kernels pruned)', 0.5],
  ] as const) {
    it(label, () => {
      const mask =
        keep === 1
          ? new Uint8Array(net.paramCount).fill(1)
          : randomKernelMask(net.paramCount, net.layers, keep, rng.split('mask'));
      const before = tf.memory().numTensors;
      const g = autodiff(theta, mask);
      let maxErr = 0,
        maxGrad = 0;
      for (let i = 0; i < net.paramCount; i++) {
        const plus = theta.slice(),
          minus = theta.slice();
        plus[i] += eps;
        minus[i] -= eps;
        const fd = (lossAt(plus, mask) - lossAt(minus, mask)) / (2 * eps);
        if (!mask[i]) {
          expect(Math.abs(g[i])).toBe(0);
          expect(Math.abs(fd)).toBe(0);
          continue;
        }
        maxErr = Math.max(maxErr, Math.abs(g[i] - fd) / (1e-3 + Math.abs(fd)));
        maxGrad = Math.max(maxGrad, Math.abs(g[i]));
      }
      expect(maxGrad).toBeGreaterThan(1e-2); // the check is not vacuous
      expect(maxErr).toBeLessThan(2e-2);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
