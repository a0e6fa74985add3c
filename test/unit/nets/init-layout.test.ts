import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../../src/core/rng';
import { NETWORKS, getNetwork } from '../../../src/core/nets/registry';
import { buildMlp } from '../../../src/core/nets/mlp';
import { initParams, lecunStd, TRUNCNORM_2SIGMA_STD } from '../../../src/core/nets/init';
import { denseKernelsSideBySide, kernelIndicator, sliceBias, sliceKernel } from '../../../src/core/nets/layout';

const mnistIO = { inputShape: [28, 28, 1], outputSize: 10 } as const;

describe('paper CNN layout (docs/ALGORITHMS.md §9.1)', () => {
  const net = getNetwork('cnn').build({}, mnistIO);
  it('has 11 274 parameters, 11 240 prunable, in the per-layer split of docs/ALGORITHMS.md §9.1', () => {
    expect(net.paramCount).toBe(11_274);
    expect(net.prunableCount).toBe(11_240);
    expect(net.layers.map((l) => [l.name, l.kernelSize, l.biasSize])).toEqual([
      ['Conv_0', 200, 8],
      ['Conv_1', 3200, 16],
      ['Dense_0', 7840, 10],
    ]);
    expect(net.layers.map((l) => l.fanIn)).toEqual([25, 200, 784]);
    expect(
      Array.from(
        kernelIndicator({ layers: net.layers, paramCount: net.paramCount, prunableCount: net.prunableCount }),
      ).reduce((a, b) => a + b, 0),
    ).toBe(11_240);
  });
  it('conv biases are U[0, 0.05) and the output bias is exactly 0 (flax default)', () => {
    const theta = net.init(new Rng(3));
    const [c0, c1, d0] = net.layers;
    for (const l of [c0, c1])
      for (let i = 0; i < l.biasSize; i++) {
        expect(theta[l.biasOffset + i]).toBeGreaterThanOrEqual(0);
        expect(theta[l.biasOffset + i]).toBeLessThan(0.05);
      }
    expect(Array.from(theta.subarray(d0.biasOffset, d0.biasOffset + 10))).toEqual(new Array(10).fill(0));
  });
  it('hidden Dense layers (hiddenDense > 0) get U[0, 0.05) biases as in es-lottery; only the output bias is 0', () => {
    const deep = getNetwork('cnn').build({ hiddenDense: 2, hiddenWidth: 8 }, mnistIO);
    const theta = deep.init(new Rng(4));
    const names = deep.layers.map((l) => l.name);
    expect(names).toEqual(['Conv_0', 'Conv_1', 'Dense_0', 'Dense_1', 'Dense_2']);
    for (const l of deep.layers.slice(0, -1)) {
      const b = Array.from(theta.subarray(l.biasOffset, l.biasOffset + l.biasSize));
      for (const v of b) expect(v, l.name).toBeGreaterThanOrEqual(0);
      for (const v of b) expect(v, l.name).toBeLessThan(0.05);
      expect(
        b.some((v) => v > 0),
        l.name,
      ).toBe(true);
    }
    const out = deep.layers[deep.layers.length - 1];
    expect(Array.from(theta.subarray(out.biasOffset, out.biasOffset + out.biasSize))).toEqual(new Array(10).fill(0));
  });
  it('the paper CNN (no hidden Dense) draws the same θ0 as with conv-only uniform biases', () => {
    const ref = initParams(net.layers, net.paramCount, new Rng(5), (l) => (l.kind === 'conv' ? 'uniform' : 'zero'));
    expect(net.init(new Rng(5))).toEqual(ref);
  });
});

describe('lecun_normal init statistics', () => {
  it('MLP 784-100-10: kernel std ≈ √(1/fan_in), truncated at ±2σ_lecun; biases in [0, 0.05)', () => {
    const net = getNetwork('mlp').build({ width: 100 }, mnistIO);
    const theta = net.init(new Rng(1));
    const l = net.layers[0];
    const k = theta.subarray(l.kernelOffset, l.kernelOffset + l.kernelSize);
    const n = k.length;
    let s = 0,
      s2 = 0,
      maxAbs = 0;
    for (const v of k) {
      s += v;
      s2 += v * v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    const std = Math.sqrt(s2 / n - (s / n) ** 2);
    // After truncation the std is √(1/fan_in) (the 0.8796 division restores unit variance).
    expect(Math.abs(std / Math.sqrt(1 / 784) - 1)).toBeLessThan(0.01);
    expect(Math.abs(s / n)).toBeLessThan(0.002);
    expect(maxAbs).toBeLessThanOrEqual(2 * lecunStd(784) + 1e-7);
    expect(maxAbs).toBeGreaterThan(1.95 * lecunStd(784)); // the tails reach the truncation point
    expect(lecunStd(784)).toBeCloseTo(Math.sqrt(1 / 784) / TRUNCNORM_2SIGMA_STD, 12);
    for (const ll of net.layers)
      for (let i = 0; i < ll.biasSize; i++) {
        const b = theta[ll.biasOffset + i];
        expect(b >= 0 && b < 0.05).toBe(true);
      }
  });
  it('is a deterministic function of the seed', () => {
    const net = getNetwork('policy_mlp').build({}, { inputShape: [3], outputSize: 1 });
    expect(net.init(new Rng(5))).toEqual(net.init(new Rng(5)));
    expect(net.init(new Rng(5))).not.toEqual(net.init(new Rng(6)));
  });
});

describe('network registry', () => {
  it('ids are unique and every entry builds with its defaults for a task kind it serves', () => {
    expect(new Set(NETWORKS.map((n) => n.id)).size).toBe(NETWORKS.length);
    expect(NETWORKS.map((n) => n.id)).toEqual(expect.arrayContaining(['mlp', 'cnn', 'policy_mlp']));
    for (const def of NETWORKS) {
      const io = def.taskKinds.includes('vision') ? mnistIO : { inputShape: [4], outputSize: 2 };
      const net = def.build({}, io);
      expect(net.paramCount).toBe(net.layers.reduce((a, l) => a + l.kernelSize + l.biasSize, 0));
      expect(net.init(new Rng(0)).length).toBe(net.paramCount);
    }
    expect(() => getNetwork('nope')).toThrow(/known: mlp, cnn, policy_mlp/);
  });
  it('reduced preset MLP 196-32-10 has 6 592 prunable weights and 42 biases (docs/ALGORITHMS.md §12)', () => {
    const net = getNetwork('mlp').build({}, { inputShape: [14, 14, 1], outputSize: 10 });
    expect(net.prunableCount).toBe(6592);
    expect(net.paramCount - net.prunableCount).toBe(42);
    expect(net.describe).toBe('MLP 196-32-10 (relu)');
  });
  it('rejects out-of-range params through its ParamSpecs', () => {
    expect(() => getNetwork('mlp').build({ hiddenLayers: 4 }, mnistIO)).toThrow(/hiddenLayers/);
  });
});

describe('layout slicing helpers', () => {
  it('slice kernels/biases per member and lay kernels side by side as [in, P·out]', () => {
    const net = buildMlp({
      id: 'mlp',
      inputSize: 2,
      outputSize: 2,
      hiddenLayers: 1,
      width: 3,
      activation: 'relu',
      outputActivation: 'none',
    });
    const p = 2,
      d = net.paramCount;
    const flat = Float32Array.from({ length: p * d }, (_, i) => i);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const params = tf.tensor2d(flat, [p, d]);
      const l = net.layers[0]; // kernel [2, 3] at offset 0, bias 3 at offset 6
      expect(Array.from(sliceKernel(params, l).dataSync())).toEqual([
        0,
        1,
        2,
        3,
        4,
        5,
        d,
        d + 1,
        d + 2,
        d + 3,
        d + 4,
        d + 5,
      ]);
      expect(Array.from(sliceBias(params, l).dataSync())).toEqual([6, 7, 8, d + 6, d + 7, d + 8]);
      // Row i of [in, P·out] = member 0's row i, then member 1's row i.
      expect(Array.from(denseKernelsSideBySide(params, l).dataSync())).toEqual([
        0,
        1,
        2,
        d,
        d + 1,
        d + 2,
        3,
        4,
        5,
        d + 3,
        d + 4,
        d + 5,
      ]);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
