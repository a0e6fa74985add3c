import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { activeIndices, pack, unpack, ScatterPlan } from '../../../src/core/experiments/masked-params';

describe('masked parameter packing (docs/ALGORITHMS.md §3.1: pack by mask index)', () => {
  const mask = Uint8Array.from([1, 0, 1, 1, 0, 1]);

  it('packs by mask index, keeping zero-valued active entries (no es-lottery packing pitfall)', () => {
    const full = Float32Array.from([0, 9, 2, 0, 9, 5]);
    const idx = activeIndices(mask);
    expect(Array.from(idx)).toEqual([0, 2, 3, 5]);
    expect(Array.from(pack(full, idx))).toEqual([0, 2, 0, 5]);
    expect(Array.from(unpack(pack(full, idx), idx, 6))).toEqual([0, 0, 2, 0, 0, 5]);
    expect(Array.from(unpack(Float32Array.from([1, 2, 3, 4]), idx, 6, 1e20))).toEqual([
      1,
      Math.fround(1e20),
      2,
      3,
      Math.fround(1e20),
      4,
    ]);
  });

  it('ScatterPlan scatters a population with exact zeros at pruned entries and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const plan = new ScatterPlan(mask);
    const x = tf.tensor2d([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    const full = plan.scatter(x);
    expect(full.shape).toEqual([2, 6]);
    expect(Array.from(full.dataSync())).toEqual([1, 0, 2, 3, 0, 4, 5, 0, 6, 7, 0, 8]);
    full.dispose();
    x.dispose();
    plan.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a dense plan is the identity', () => {
    const plan = new ScatterPlan(new Uint8Array(3).fill(1));
    const x = tf.tensor2d([[1, 2, 3]]);
    const y = plan.scatter(x);
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    tf.dispose([x, y]);
    plan.dispose();
  });
});

describe('host-side scatter and column gather (wasm/cpu fast paths)', () => {
  it('ScatterPlan gives the same rows on the host path as tf.gather on the backend', async () => {
    const { gatherColumns } = await import('../../../src/core/nets/tensor-util');
    const mask = Uint8Array.from([0, 1, 1, 0, 1, 0, 1]);
    const plan = new ScatterPlan(mask);
    const x = tf.tensor2d([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
    const viaPlan = plan.scatter(x);
    expect(Array.from(viaPlan.dataSync())).toEqual([0, 1, 2, 0, 3, 0, 4, 0, 5, 6, 0, 7, 0, 8, 0, 9, 10, 0, 11, 0, 12]);
    const cols = gatherColumns(viaPlan, Int32Array.from([6, 1, 4]));
    expect(cols.shape).toEqual([3, 3]);
    expect(Array.from(cols.dataSync())).toEqual([4, 1, 3, 8, 5, 7, 12, 9, 11]);
    tf.dispose([x, viaPlan, cols]);
    plan.dispose();
  });
});
