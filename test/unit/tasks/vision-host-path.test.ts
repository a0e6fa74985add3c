import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../../src/core/rng';
import { buildMlp } from '../../../src/core/nets/mlp';
import { defaultsOf } from '../../../src/core/params';
import { withPopulationLayout } from '../../../src/core/nets/types';
import { createVisionInstance, visionParamSpecs } from '../../../src/core/tasks/vision/vision-task';
import { meanLogLikelihoodHost } from '../../../src/core/tasks/vision/host-fitness';
import { expHost } from '../../../src/core/nets/host-exp';
import type { VisionData } from '../../../src/core/tasks/vision/datasets';
import { antitheticRows } from '../../helpers/antithetic';

/** n random 4×4 "images" with labels 0…9 cycling. */
function toyData(n: number, rng: Rng): VisionData {
  const split = () => ({
    count: n,
    side: 4,
    x: Float32Array.from({ length: 16 * n }, () => rng.uniform()),
    labels: Uint8Array.from({ length: n }, (_, i) => (i * 7) % 10),
  });
  return { train: split(), test: split() };
}

describe('vision fitness: host path (wasm/cpu) = tensor path', () => {
  const rng = new Rng(21);
  const data = toyData(300, rng);
  const net = buildMlp({
    id: 'mlp',
    inputSize: 16,
    outputSize: 10,
    hiddenLayers: 1,
    width: 12,
    activation: 'relu',
    outputActivation: 'none',
  });
  const tensorNet = { ...net, forwardHost: undefined };
  const p = 10,
    d = net.paramCount,
    mean = net.init(rng);
  // PGPE-style interleaved pairs m ± σz in float32 (docs/ALGORITHMS.md §1.2).
  const pop = antitheticRows(mean, p / 2, () => 0.2 * rng.normal());

  // 'independent' sampling: the same rng gives the same minibatch on every call ('epoch' walks on).
  it('same minibatch and scores within 1e-4 relative (plain and antithetic split), deterministic, tensors flat', () => {
    const task = createVisionInstance(
      'toy',
      data,
      { ...defaultsOf(visionParamSpecs), batchSize: 64, batchSampling: 'independent' },
      [],
    );
    const popT = tf.tensor2d(pop, [p, d]);
    const score = (n: typeof net, seed: number) => {
      const s = task.evaluatePopulation(n, popT, new Rng(seed)).scores;
      const v = Array.from(s.dataSync());
      s.dispose();
      return v;
    };
    const before = tf.memory().numTensors;
    const host = score(net, 3),
      split = score(withPopulationLayout(net, 'interleaved'), 3);
    expect(tf.memory().numTensors).toBe(before);
    const ref = score(tensorNet, 3);
    for (let m = 0; m < p; m++) {
      expect(Math.abs(host[m] - ref[m])).toBeLessThan(1e-4 * Math.abs(ref[m]));
      expect(Math.abs(split[m] - ref[m])).toBeLessThan(1e-4 * Math.abs(ref[m]));
    }
    // Same seed ⇒ identical scores; a different minibatch ⇒ different scores.
    expect(score(withPopulationLayout(net, 'interleaved'), 3)).toEqual(split);
    expect(score(net, 4)).not.toEqual(host);
    popT.dispose();
    const afterTensorPath = tf.memory().numTensors;
    task.dispose();
    expect(tf.memory().numTensors).toBe(afterTensorPath - 2); // the lazily uploaded train x/y (test data stays on the host)
  });

  it('meanLogLikelihoodHost: uniform logits give −ln C; NaN logits give NaN', () => {
    expect(meanLogLikelihoodHost(new Float32Array(2 * 3 * 10), 2, 3, 10, [1, 5, 9])[0]).toBeCloseTo(-Math.log(10), 6);
    const logits = new Float32Array(20).fill(1);
    logits[3] = NaN;
    expect(Number.isNaN(meanLogLikelihoodHost(logits, 1, 2, 10, [0, 0])[0])).toBe(true);
  });

  it('meanLogLikelihoodHost = the max-shifted log-softmax (float64 reference), also for huge and non-finite logits', () => {
    const ref = (l: number[], label: number) => {
      const max = Math.max(...l);
      return l[label] - max - Math.log(l.reduce((z, v) => z + Math.exp(v - max), 0));
    };
    const rows: number[][] = [
      Array.from({ length: 10 }, () => 8 * rng.normal()), // ordinary logits
      Array.from({ length: 10 }, (_, c) => 1000 + c), // e^1000 overflows unshifted
      Array.from({ length: 10 }, (_, c) => -1000 - c), // and e^−1000 underflows
      [-Infinity, ...Array.from({ length: 9 }, () => rng.normal())],
      [800, -800, 0, 1, 2, 3, 4, 5, 6, 7],
    ];
    for (const l of rows)
      for (const label of [0, 3, 9]) {
        const got = meanLogLikelihoodHost(Float32Array.from(l), 1, 1, 10, [label])[0];
        const want = Math.fround(ref(Array.from(Float32Array.from(l)), label));
        if (Number.isFinite(want)) expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
        else expect(got).toBe(want); // the label's logit is −∞
      }
    expect(
      Number.isNaN(meanLogLikelihoodHost(Float32Array.from([Infinity, ...new Array(9).fill(0)]), 1, 1, 10, [0])[0]),
    ).toBe(true);
  });

  it('expHost = Math.exp within 1e-13 relative, and Math.exp itself outside (−700, 700)', () => {
    let worst = 0;
    for (let i = 0; i < 20000; i++) {
      const x = (rng.uniform() - 0.5) * 1398;
      worst = Math.max(worst, Math.abs(expHost(x) - Math.exp(x)) / Math.exp(x));
    }
    for (const x of [0, -0, 1e-300, -1e-12, 1, -1, Math.LN2 / 128, 699.99, -699.99])
      worst = Math.max(worst, Math.abs(expHost(x) - Math.exp(x)) / Math.exp(x));
    expect(worst).toBeLessThan(1e-13);
    for (const x of [-Infinity, -745.2, -700, 700, 709.7, 710, Infinity]) expect(expHost(x)).toBe(Math.exp(x));
    expect(expHost(NaN)).toBeNaN();
  });
});
