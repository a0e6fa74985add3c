// Masked GD (docs/ALGORITHMS.md §4.1): pruned weights stay exactly 0, GD learns, options validate.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { trainGd } from '../../../src/core/experiments/gd/train-gd';
import { parseGdOptions } from '../../../src/core/experiments/gd/gd-options';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import { gdFixture, randomKernelMask } from './fixtures';

const { task, train, net } = gdFixture();
const theta0 = net.init(new Rng(0).split('theta0'));

describe('trainGd', () => {
  for (const opt of [
    { optimizer: 'adam', lr: 1e-2 },
    { optimizer: 'sgd', lr: 0.05, momentum: 0.9 },
  ] as const) {
    it(`${opt.optimizer}: pruned weights stay exactly 0 over 100 steps; active weights move`, async () => {
      const mask = randomKernelMask(net.paramCount, net.layers, 0.3, new Rng(1));
      const before = tf.memory().numTensors;
      const out = await trainGd({
        net,
        task,
        train,
        mask,
        init: theta0,
        options: parseGdOptions({ ...opt, batchSize: 10, epochs: 2 }),
        rng: new Rng(2),
      });
      expect(tf.memory().numTensors).toBe(before);
      expect(out.steps).toBe(100);
      let moved = 0;
      for (let i = 0; i < net.paramCount; i++) {
        if (!mask[i]) {
          expect(out.mean[i]).toBe(0);
          expect(out.std[i]).toBe(Math.fround(1e20));
        } else if (out.mean[i] !== theta0[i]) moved++;
      }
      expect(moved).toBeGreaterThan(0.9 * out.esDim);
      expect(out.evals.map((e) => e.gen)).toEqual([50, 100]);
    });
  }

  it('improves the synthetic task far above chance (10 %) with Adam', async () => {
    const dense = new Uint8Array(net.paramCount).fill(1);
    const [initial] = await task.evaluateTest(net, tf.tensor2d(theta0, [1, net.paramCount]));
    const out = await trainGd({
      net,
      task,
      train,
      mask: dense,
      init: theta0,
      options: parseGdOptions({ lr: 1e-2, batchSize: 25, epochs: 5 }),
      rng: new Rng(3),
    });
    const last = out.evals[out.evals.length - 1];
    expect(last.perf).toBeGreaterThan(0.8);
    expect(last.perf).toBeGreaterThan(initial.perf + 0.3);
    expect(last.loss).toBeLessThan(initial.loss);
  });

  it('is deterministic for the same rng', async () => {
    const dense = new Uint8Array(net.paramCount).fill(1);
    const opts = parseGdOptions({ lr: 1e-2, batchSize: 50, epochs: 1 });
    const a = await trainGd({ net, task, train, mask: dense, init: theta0, options: opts, rng: new Rng(4) });
    const b = await trainGd({ net, task, train, mask: dense, init: theta0, options: opts, rng: new Rng(4) });
    expect(b.mean).toEqual(a.mean);
  });

  it('rejects mismatched data and bad options with clear messages', async () => {
    const big = getNetwork('mlp').build({}, { inputShape: [14, 14, 1], outputSize: 10 });
    await expect(
      trainGd({
        net: big,
        task,
        train,
        mask: new Uint8Array(big.paramCount).fill(1),
        init: big.init(new Rng(0)),
        options: parseGdOptions({}),
        rng: new Rng(0),
      }),
    ).rejects.toThrow(/expects 196 inputs .* training data have 16 inputs/);
    if (tf.getBackend() === 'wasm') {
      const cnn = getNetwork('cnn').build({}, task.io);
      await expect(
        trainGd({
          net: cnn,
          task,
          train,
          mask: new Uint8Array(cnn.paramCount).fill(1),
          init: cnn.init(new Rng(0)),
          options: parseGdOptions({}),
          rng: new Rng(0),
        }),
      ).rejects.toThrow(/Conv2DBackpropFilter kernel, which the wasm backend lacks/);
    }
    expect(() => parseGdOptions({ lr: 5 })).toThrow(
      /gd\.lr: must be a number in \[0\.000001, 1\]|gd\.lr: must be a number in \[1e-6, 1\]/,
    );
    expect(() => parseGdOptions({ epochs: 1.5 })).toThrow(/gd\.epochs: must be an integer/);
    expect(() => parseGdOptions({ optimiser: 'adam' })).toThrow(/optimiser/);
    expect(parseGdOptions({})).toEqual({ optimizer: 'adam', lr: 3e-4, momentum: 0, batchSize: 128, epochs: 1 });
  });
});
