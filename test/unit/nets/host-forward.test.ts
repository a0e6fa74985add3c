import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../../src/core/rng';
import { buildMlp } from '../../../src/core/nets/mlp';
import { pairRows } from '../../../src/core/nets/host-mlp';
import { compactInputs, activeInputs } from '../../../src/core/nets/compact';
import { withPopulationLayout, type PopulationLayout, type PopulationNet } from '../../../src/core/nets/types';
import { readFloat32 } from '../../../src/core/nets/tensor-util';
import { applyAct, pairActivations } from '../../../src/core/nets/host-loops';
import { refForward, type Act } from './reference';

type MlpShape = {
  inputSize: number;
  outputSize: number;
  hiddenLayers: number;
  width: number;
  activation: 'relu' | 'tanh';
  outputActivation: 'none' | 'tanh';
};
const mlp = (s: MlpShape): PopulationNet => buildMlp({ id: 'mlp', ...s });

/** A kernel mask with ~40 % of entries pruned (biases always active). */
function randomMask(net: PopulationNet, rng: Rng): Uint8Array {
  const m = new Uint8Array(net.paramCount).fill(1);
  for (const l of net.layers) for (let i = 0; i < l.kernelSize; i++) if (rng.uniform() < 0.4) m[l.kernelOffset + i] = 0;
  return m;
}

/**
 * An antithetic population the way the ES builds it (float32 m ± σ⊙z, docs/ALGORITHMS.md §1.2) in `layout`, with
 * exact zeros where `mask` is 0.
 */
function antitheticPopulation(
  net: PopulationNet,
  p: number,
  layout: 'interleaved' | 'blocked',
  mask: Uint8Array,
  rng: Rng,
): Float32Array {
  const d = net.paramCount,
    mean = net.init(rng.split('m')),
    pop = new Float32Array(p * d);
  for (let k = 0; k < p / 2; k++) {
    const [a, b] = layout === 'interleaved' ? [2 * k, 2 * k + 1] : [k, k + p / 2];
    for (let j = 0; j < d; j++) {
      if (!mask[j]) continue;
      const s = Math.fround(Math.fround(0.05 + 0.1 * rng.uniform()) * Math.fround(rng.normal()));
      pop[a * d + j] = Math.fround(mean[j] + s);
      pop[b * d + j] = Math.fround(mean[j] - s);
    }
  }
  return pop;
}

function tensorForward(net: PopulationNet, pop: Float32Array, p: number, x: Float32Array, batch: number): Float32Array {
  const out = tf.tidy(() => net.forward(tf.tensor2d(pop, [p, net.paramCount]), tf.tensor2d(x, [batch, net.inputSize])));
  const v = readFloat32(out);
  out.dispose();
  return v;
}

function maxRelErr(a: Float32Array, b: Float32Array): number {
  let scale = 0,
    err = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]));
    err = Math.max(err, Math.abs(a[i] - b[i]));
  }
  return err / Math.max(scale, 1e-30);
}

const SHAPES: [string, MlpShape, Act[]][] = [
  [
    '196-32-10 relu (mnist-quick)',
    { inputSize: 196, outputSize: 10, hiddenLayers: 1, width: 32, activation: 'relu', outputActivation: 'none' },
    ['relu', 'none'],
  ],
  [
    '9-8-8-8-3 tanh, tanh out',
    { inputSize: 9, outputSize: 3, hiddenLayers: 3, width: 8, activation: 'tanh', outputActivation: 'tanh' },
    ['tanh', 'tanh', 'tanh', 'tanh'],
  ],
  [
    '7-6-6-5 relu (width not a multiple of 4)',
    { inputSize: 7, outputSize: 5, hiddenLayers: 2, width: 6, activation: 'relu', outputActivation: 'none' },
    ['relu', 'relu', 'none'],
  ],
];

describe('host MLP forward (wasm/cpu fitness path) = tensor forward = plain-JS reference', () => {
  for (const [name, shape, acts] of SHAPES) {
    for (const layout of ['none', 'interleaved', 'blocked'] as PopulationLayout[]) {
      it(`${name}, layout ${layout}`, () => {
        const net = mlp(shape),
          rng = new Rng(5),
          p = 8,
          batch = 13;
        const mask = randomMask(net, rng);
        const pop = antitheticPopulation(net, p, layout === 'blocked' ? 'blocked' : 'interleaved', mask, rng);
        const x = Float32Array.from({ length: batch * net.inputSize }, () => rng.normal());
        const before = tf.memory().numTensors;
        const host = Float32Array.from(net.forwardHost!(pop, p, x, batch, layout)); // the returned buffer is reused
        expect(tf.memory().numTensors).toBe(before);
        expect(maxRelErr(host, tensorForward(net, pop, p, x, batch))).toBeLessThan(1e-5);
        const d = net.paramCount,
          per = batch * net.outputSize;
        for (let m = 0; m < p; m++) {
          const ref = refForward(x, batch, pop.subarray(m * d, (m + 1) * d), net.layers, acts);
          expect(maxRelErr(host.subarray(m * per, (m + 1) * per), Float32Array.from(ref))).toBeLessThan(1e-5);
        }
        // Seeded determinism: the same inputs give bit-identical outputs.
        expect(net.forwardHost!(pop, p, x, batch, layout)).toEqual(host);
      });
    }
  }
});

describe('antithetic first-layer split (x·(c ± ε) = x·c ± x·ε)', () => {
  const net = mlp(SHAPES[0][1]);
  it('is taken for exact ES pairs in the declared layout, and refused otherwise', () => {
    const rng = new Rng(7),
      mask = new Uint8Array(net.paramCount).fill(1);
    const inter = antitheticPopulation(net, 6, 'interleaved', mask, rng);
    const blocked = antitheticPopulation(net, 6, 'blocked', mask, rng);
    expect(pairRows(inter, 6, net.paramCount, net.layers[0], 'interleaved')?.count).toBe(4 * 32);
    expect(pairRows(blocked, 6, net.paramCount, net.layers[0], 'blocked')?.count).toBe(4 * 32);
    // Wrong layout, independent rows, odd population: no split (the plain product is used).
    expect(pairRows(inter, 6, net.paramCount, net.layers[0], 'blocked')).toBeNull();
    const independent = Float32Array.from(inter, (v) => v + 1e-3 * rng.normal());
    expect(pairRows(independent, 6, net.paramCount, net.layers[0], 'interleaved')).toBeNull();
    expect(pairRows(inter.subarray(0, 5 * net.paramCount), 5, net.paramCount, net.layers[0], 'interleaved')).toBeNull();
  });

  it('a mislabelled population still gets exact outputs (falls back to the plain product)', () => {
    const rng = new Rng(8),
      p = 6,
      batch = 9;
    const pop = Float32Array.from({ length: p * net.paramCount }, () => 0.1 * rng.normal());
    const x = Float32Array.from({ length: batch * net.inputSize }, () => rng.uniform());
    expect(
      maxRelErr(net.forwardHost!(pop, p, x, batch, 'interleaved'), tensorForward(net, pop, p, x, batch)),
    ).toBeLessThan(1e-5);
  });

  it.each(['interleaved', 'blocked'] as const)(
    'a centre-only pair 0 (%s): the other members get the same bits, pair 0 zeros',
    (layout) => {
      const rng = new Rng(10),
        p = 8,
        batch = 7,
        mask = randomMask(net, rng);
      const pop = antitheticPopulation(net, p, layout, mask, rng);
      const x = Float32Array.from({ length: batch * net.inputSize }, () => rng.uniform());
      const full = Float32Array.from(net.forwardHost!(pop, p, x, batch, layout));
      const skipped = Float32Array.from(withPopulationLayout(net, layout, 1).forwardHost!(pop, p, x, batch));
      const per = batch * net.outputSize;
      const pair0 = layout === 'interleaved' ? [0, 1] : [0, p / 2];
      for (let m = 0; m < p; m++) {
        const got = skipped.subarray(m * per, (m + 1) * per);
        if (pair0.includes(m)) expect(got.every((v) => v === 0)).toBe(true);
        else expect(got).toEqual(full.subarray(m * per, (m + 1) * per));
      }
      expect(pairRows(pop, p, net.paramCount, net.layers[0], layout, undefined, 1)?.count).toBe((p / 2) * 32);
    },
  );

  it('withPopulationLayout makes the layout the default of forwardHost', () => {
    const rng = new Rng(9),
      p = 4,
      batch = 5,
      mask = new Uint8Array(net.paramCount).fill(1);
    const pop = antitheticPopulation(net, p, 'blocked', mask, rng);
    const x = Float32Array.from({ length: batch * net.inputSize }, () => rng.uniform());
    const bound = withPopulationLayout(net, 'blocked');
    expect(Float32Array.from(bound.forwardHost!(pop, p, x, batch))).toEqual(
      net.forwardHost!(pop, p, x, batch, 'blocked'),
    );
    expect(withPopulationLayout(net, 'none')).toBe(net);
  });
});

describe('input compaction keeps the host path', () => {
  it('compacted forwardHost = full forwardHost on masked params', () => {
    const net = mlp(SHAPES[0][1]),
      rng = new Rng(10),
      p = 4,
      batch = 6;
    const mask = new Uint8Array(net.paramCount).fill(1);
    for (let i = 0; i < 150; i++) mask.fill(0, i * 32, i * 32 + 32); // 150 of 196 input rows pruned
    const small = compactInputs(net, mask, (k) => mlp({ ...SHAPES[0][1], inputSize: k }));
    expect(activeInputs(net, mask).length).toBe(46);
    const pop = antitheticPopulation(net, p, 'interleaved', mask, rng);
    const x = Float32Array.from({ length: batch * net.inputSize }, () => rng.uniform());
    expect(
      maxRelErr(
        Float32Array.from(small.forwardHost!(pop, p, x, batch, 'interleaved')),
        net.forwardHost!(pop, p, x, batch),
      ),
    ).toBeLessThan(1e-5);
  });
});

describe('first-layer ReLU of the host loops (branch-free form)', () => {
  const select = (v: number) => (v < 0 ? 0 : v); // the exact rule: keeps NaN, maps −∞ to 0
  const batch = 5,
    nOut = 3;
  // y: block 0 = centre rows, block 1 = one pair's half-differences; params: bias+ at 0, bias− at nOut.
  const rng = new Rng(11);
  const finiteY = Float32Array.from({ length: 2 * nOut * batch }, () => rng.normal());
  const params = Float32Array.from({ length: 2 * nOut }, () => 0.1 * rng.normal());

  function pair(y: Float32Array, p: Float32Array): [number[], number[]] {
    const hp = new Float64Array(nOut * batch),
      hm = new Float64Array(nOut * batch);
    pairActivations(y, 1, nOut, batch, p, 0, nOut, 'relu', hp, hm);
    return [Array.from(hp, (v) => v + 0), Array.from(hm, (v) => v + 0)]; // +0: −0 and 0 are the same value
  }
  function expected(y: Float32Array, p: Float32Array): [number[], number[]] {
    const hp: number[] = [],
      hm: number[] = [];
    for (let n = 0; n < nOut; n++)
      for (let b = 0; b < batch; b++) {
        const c = y[n * batch + b],
          e = y[(nOut + n) * batch + b];
        hp.push(select(c + e + p[n]) + 0);
        hm.push(select(c - e + p[nOut + n]) + 0);
      }
    return [hp, hm];
  }

  it('equals the exact select on finite values', () => {
    expect(pair(finiteY, params)).toEqual(expected(finiteY, params));
    const h = Float64Array.from(finiteY),
      ref = Array.from(h, (v) => select(v) + 0);
    applyAct(h, 0, h.length, 'relu');
    expect(Array.from(h, (v) => v + 0)).toEqual(ref);
  });

  it('keeps the select rule for −∞, +∞ and NaN (a diverged member: −∞ → 0, NaN stays NaN)', () => {
    for (const bad of [-Infinity, Infinity, NaN]) {
      const y = Float32Array.from(finiteY);
      y[2] = bad; // a centre value: both members of the pair see it
      expect(pair(y, params)).toEqual(expected(y, params));
      const p = Float32Array.from(params);
      p[nOut + 1] = bad; // the minus member's bias
      expect(pair(finiteY, p)).toEqual(expected(finiteY, p));
      const h = Float64Array.from(finiteY);
      h[3] = bad;
      const ref = Array.from(h, (v) => select(v) + 0);
      applyAct(h, 0, h.length, 'relu');
      expect(Array.from(h, (v) => v + 0)).toEqual(ref);
    }
  });
});
