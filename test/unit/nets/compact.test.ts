import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../../src/core/rng';
import { getNetwork } from '../../../src/core/nets/registry';
import { activeInputs, compactInputs } from '../../../src/core/nets/compact';

describe('compactInputs', () => {
  const def = getNetwork('mlp');
  const net = def.build({ hiddenLayers: 2, width: 6 }, { inputShape: [12], outputSize: 3 });
  const rebuild = (n: number) => def.build({ hiddenLayers: 2, width: 6 }, { inputShape: [n], outputSize: 3 });
  const rng = new Rng(9);
  // Mask: random 50 % of kernels, plus inputs 1, 4, 5, 11 fully pruned in the first layer.
  const mask = Uint8Array.from({ length: net.paramCount }, () => (rng.uniform() < 0.5 ? 0 : 1));
  for (const l of net.layers) mask.fill(1, l.biasOffset, l.biasOffset + l.biasSize);
  for (const i of [1, 4, 5, 11]) mask.fill(0, i * 6, i * 6 + 6);
  for (const i of [0, 2, 3, 6, 7, 8, 9, 10]) mask[i * 6] = 1; // every other input keeps ≥1 weight

  it('finds the inputs with an active first-layer weight', () => {
    expect(Array.from(activeInputs(net, mask))).toEqual([0, 2, 3, 6, 7, 8, 9, 10]);
  });

  it('gives the same outputs as the full network on masked params, with fewer inputs', () => {
    const p = 4,
      b = 5;
    const pop = new Float32Array(p * net.paramCount);
    for (let m = 0; m < p; m++)
      net.init(rng.split(m)).forEach((v, j) => {
        pop[m * net.paramCount + j] = v * mask[j];
      });
    const compact = compactInputs(net, mask, rebuild);
    expect(compact.describe).toMatch(/8\/12 inputs active/);
    const before = tf.memory().numTensors;
    const [full, small] = tf.tidy(() => {
      const params = tf.tensor2d(pop, [p, net.paramCount]);
      const x = tf.randomNormal([b, 12], 0, 1, 'float32', 3) as tf.Tensor2D;
      return [net.forward(params, x), compact.forward(params, x)];
    });
    const d = tf.tidy(() => tf.max(tf.abs(tf.sub(full, small))).dataSync()[0]);
    tf.dispose([full, small]);
    expect(d).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
