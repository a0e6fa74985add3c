// GD-IMP (docs/ALGORITHMS.md §4.1): the ES-IMP protocol with GD as the inner trainer, same RoundRecords.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { gdMethodId, runGdImp, type GdImpResult } from '../../../src/core/experiments/gd/gd-imp';
import { parseGdOptions } from '../../../src/core/experiments/gd/gd-options';
import { theta0For } from '../../../src/core/experiments/imp';
import { sparsityOfRound } from '../../../src/core/prune/schedule';
import type { ImpEvent } from '../../../src/core/experiments/events';
import { gdFixture } from './fixtures';

const { task, train, net } = gdFixture();
const prune = {
  methods: ['magnitude', 'random_reinit'],
  rounds: 3,
  pruneFrac: 0.5,
  scope: 'global' as const,
  params: {},
};
const options = parseGdOptions({ lr: 1e-2, batchSize: 25, epochs: 2 });

describe('runGdImp', () => {
  let result: GdImpResult;
  const events: ImpEvent[] = [];

  it('emits one ES-shaped record per chain and round, sharing the dense round 1', async () => {
    const before = tf.memory().numTensors;
    result = await runGdImp({ net, task, train, options, prune, seed: 0, onEvent: (e) => events.push(e) });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.records.map((r) => `${r.method}@${r.roundNum}`)).toEqual([
      'gd_magnitude@1',
      'gd_random_reinit@1',
      'gd_magnitude@2',
      'gd_random_reinit@2',
      'gd_magnitude@3',
      'gd_random_reinit@3',
    ]);
    const [a, b] = result.records;
    expect(b.mean).toEqual(a.mean);
    expect(a.sharedWith).toEqual(['gd_magnitude', 'gd_random_reinit']);
    expect(events.filter((e) => e.type === 'round')).toHaveLength(6);
    expect(events.filter((e) => e.type === 'generation')).toHaveLength(6 * 2 - 2); // one per epoch; round 1 trained once
    expect(result.theta0).toEqual(theta0For(net, 0)); // the same θ0 as the ES chains of this seed
  });

  it('follows the sparsity schedule, nests magnitude masks and keeps pruned weights 0', () => {
    const prunable = net.prunableCount;
    for (const r of result.records) {
      expect(r.sparsityFrac).toBeCloseTo(sparsityOfRound(r.roundNum, 0.5), 12);
      expect(r.prunableActive).toBe(prunable - Math.round(r.sparsityFrac * prunable));
      for (let i = 0; i < r.mask.length; i++) if (!r.mask[i]) expect(r.mean[i]).toBe(0);
      expect(Number.isNaN(r.sigmaStats.mean)).toBe(true); // GD has no σ
      expect(r.generations).toBe(2 * 20);
    }
    const mag = result.records.filter((r) => r.method === gdMethodId('magnitude'));
    for (let k = 1; k < mag.length; k++)
      for (let i = 0; i < net.paramCount; i++) expect(mag[k].mask[i] <= mag[k - 1].mask[i]).toBe(true);
    expect(mag[2].finalPerf).toBeGreaterThan(0.5); // 75 % sparse GD ticket still learns the toy task
  });

  it('refuses SNR pruning: GD has no σ', async () => {
    await expect(
      runGdImp({ net, task, train, options, prune: { ...prune, methods: ['snr'] }, seed: 0 }),
    ).rejects.toThrow(/per-parameter σ/);
  });
});
