import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../../src/core/rng';
import { buildMlp } from '../../../src/core/nets/mlp';
import { buildCnn } from '../../../src/core/nets/cnn';
import type { PopulationNet } from '../../../src/core/nets/types';
import type { MlpPlan, CnnPlan } from '../../../src/core/nets/plans';
import { refForward, type Act } from './reference';

/** P members: θ0-like params with ~50 % of kernel entries zeroed by a random mask (pruned weights are 0). */
function maskedPopulation(net: PopulationNet, p: number, rng: Rng): Float32Array {
  const out = new Float32Array(p * net.paramCount);
  for (let m = 0; m < p; m++) {
    const theta = net.init(rng.split(m));
    for (const l of net.layers)
      for (let i = 0; i < l.kernelSize; i++) if (rng.uniform() < 0.5) theta[l.kernelOffset + i] = 0;
    // Perturb biases so zero output biases do not hide indexing errors.
    for (const l of net.layers) for (let i = 0; i < l.biasSize; i++) theta[l.biasOffset + i] += 0.1 * rng.normal();
    out.set(theta, m * net.paramCount);
  }
  return out;
}

function checkAgainstReference(
  net: PopulationNet,
  p: number,
  batch: number,
  acts: Act[],
  imageHW?: [number, number],
): void {
  const rng = new Rng(11);
  const pop = maskedPopulation(net, p, rng);
  const x = Float32Array.from({ length: batch * net.inputSize }, () => rng.normal());
  const before = tf.memory().numTensors;
  const paramsT = tf.tensor2d(pop, [p, net.paramCount]);
  const xT = tf.tensor2d(x, [batch, net.inputSize]);
  const y = net.forward(paramsT, xT);
  expect(y.shape).toEqual([p, batch, net.outputSize]);
  const got = y.dataSync();
  tf.dispose([paramsT, xT, y]);
  expect(tf.memory().numTensors).toBe(before);
  let maxErr = 0;
  for (let m = 0; m < p; m++) {
    const ref = refForward(
      x,
      batch,
      pop.subarray(m * net.paramCount, (m + 1) * net.paramCount),
      net.layers,
      acts,
      imageHW,
    );
    for (let i = 0; i < ref.length; i++) maxErr = Math.max(maxErr, Math.abs(got[m * ref.length + i] - ref[i]));
  }
  expect(maxErr).toBeLessThan(1e-4);
}

const MLP_PLANS: MlpPlan[] = [
  { first: 'shared', hidden: 'perMember' },
  { first: 'perMember', hidden: 'perMember' },
  { first: 'batched', hidden: 'batched' },
  { first: 'shared', hidden: 'broadcast' },
  { first: 'auto', hidden: 'auto' },
];

describe('population MLP forward = per-member plain-JS reference (masked params)', () => {
  for (const plan of MLP_PLANS) {
    it(`1 hidden layer, relu, plan ${plan.first}/${plan.hidden}`, () => {
      const net = buildMlp({
        id: 'mlp',
        inputSize: 20,
        outputSize: 10,
        hiddenLayers: 1,
        width: 12,
        activation: 'relu',
        outputActivation: 'none',
        plan,
      });
      checkAgainstReference(net, 5, 7, ['relu', 'none']);
    });
    it(`3 hidden layers, tanh, tanh output, plan ${plan.first}/${plan.hidden}`, () => {
      const net = buildMlp({
        id: 'mlp',
        inputSize: 9,
        outputSize: 3,
        hiddenLayers: 3,
        width: 8,
        activation: 'tanh',
        outputActivation: 'tanh',
        plan,
      });
      checkAgainstReference(net, 4, 6, ['tanh', 'tanh', 'tanh', 'tanh']);
    });
  }
});

const CNN_PLANS: CnnPlan[] = [
  { conv1: 'conv', dense: 'perMember' },
  { conv1: 'im2col', dense: 'batched' },
  { conv1: 'conv', dense: 'auto' },
];

describe('population CNN forward = per-member plain-JS reference (masked params)', () => {
  for (const plan of CNN_PLANS) {
    it(`paper CNN on 14×14 inputs, plan ${plan.conv1}/${plan.dense}`, () => {
      const net = buildCnn({
        id: 'cnn',
        inputShape: [14, 14, 1],
        outputSize: 10,
        channels: [8, 16],
        kernelSize: 5,
        hiddenDense: 0,
        hiddenWidth: 0,
        plan,
      });
      checkAgainstReference(net, 3, 4, ['none'], [14, 14]);
    });
    it(`CNN with a hidden dense layer on 12×12, plan ${plan.conv1}/${plan.dense}`, () => {
      const net = buildCnn({
        id: 'cnn',
        inputShape: [12, 12, 1],
        outputSize: 10,
        channels: [8, 16],
        kernelSize: 5,
        hiddenDense: 1,
        hiddenWidth: 6,
        plan,
      });
      checkAgainstReference(net, 3, 2, ['relu', 'none'], [12, 12]);
    });
  }
  it('paper CNN on 28×28 (default plan)', () => {
    const net = buildCnn({
      id: 'cnn',
      inputShape: [28, 28, 1],
      outputSize: 10,
      channels: [8, 16],
      kernelSize: 5,
      hiddenDense: 0,
      hiddenWidth: 0,
    });
    checkAgainstReference(net, 2, 2, ['none'], [28, 28]);
  });
});

describe.runIf(tf.getBackend() === 'wasm')('wasm: per-member matMul = broadcast formulation, bit for bit', () => {
  // dense-ops.ts picks per-member products for few members on wasm because XNNPACK sums Σ_k h·w in k
  // order without fused multiply-adds, as tf.sum over the broadcast product does: the same bits.
  it.each([
    [1000, 32, 10],
    [777, 33, 7],
    [300, 784, 100],
    [5, 3, 2],
  ])('B = %i, in = %i, out = %i', (b, k, n) => {
    const [a, c] = tf.tidy(() => {
      const h = tf.randomNormal([b, k], 0, 1, 'float32', 3);
      const w = tf.randomNormal([k, n], 0, 1, 'float32', 4);
      const broadcast = tf.sum(tf.mul(tf.reshape(h, [1, b, k, 1]), tf.reshape(w, [1, 1, k, n])), 2);
      return [tf.matMul(h, w).dataSync(), broadcast.dataSync()];
    });
    expect(Array.from(a)).toEqual(Array.from(c));
  });
});
