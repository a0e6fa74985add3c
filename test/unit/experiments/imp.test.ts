import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { runImp, type ImpResult } from '../../../src/core/experiments/imp';
import { parseConfig } from '../../../src/core/runs/config';
import { getNetwork } from '../../../src/core/nets/registry';
import type { ImpEvent } from '../../../src/core/experiments/events';
import { syntheticTask } from '../../helpers/synthetic-task';

const task = syntheticTask();
const net = getNetwork('mlp').build({ hiddenLayers: 1, width: 8 }, task.io);
const config = parseConfig({
  task: { id: 'mnist', params: {} },
  network: { id: 'mlp', params: { width: 8 } },
  es: {
    id: 'pgpe',
    popSize: 16,
    centeredRank: true,
    params: { lrate_init: 0.05, sigma_init: 0.1, sigmaSign: 'corrected' },
  },
  prune: { methods: ['magnitude', 'snr', 'random_reinit'], rounds: 3, pruneFrac: 0.5 },
  budget: { generationsPerRound: 40, evalEvery: 20 },
  seeds: [0],
});
afterAll(() => task.dispose());

function prunableCount(mask: Uint8Array): number {
  let n = 0;
  for (const l of net.layers) for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) n += mask[i];
  return n;
}

describe('ES-IMP end to end on a tiny synthetic task', () => {
  let result: ImpResult;
  const events: ImpEvent[] = [];

  it('runs every chain for every round, sharing the identical dense round 1', async () => {
    const before = tf.memory().numTensors;
    result = await runImp({ config, seed: 0, net, task, onEvent: (e) => events.push(e), reportEvery: 10 });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.records).toHaveLength(9);
    const r1 = result.records.filter((r) => r.roundNum === 1);
    expect(r1.map((r) => r.finalPerf)).toEqual([r1[0].finalPerf, r1[0].finalPerf, r1[0].finalPerf]);
    expect(r1[0].sharedWith).toEqual(['magnitude', 'snr', 'random_reinit']);
    expect(events.filter((e) => e.type === 'round')).toHaveLength(9);
    expect(events.some((e) => e.type === 'generation')).toBe(true);
  });

  it('learns: the dense round is far above chance (10 %)', () => {
    expect(result.records[0].finalPerf).toBeGreaterThan(0.5);
    expect(result.records[0].evals[0].gen).toBe(1);
    expect(result.records[0].evals.at(-1)!.gen).toBe(40);
  });

  it('trains each round at the exact scheduled sparsity with the ES dimension shrinking', () => {
    for (const r of result.records) {
      const expected = Math.round(net.prunableCount * (1 - 0.5 ** (r.roundNum - 1)));
      expect(net.prunableCount - prunableCount(r.mask)).toBe(expected);
      expect(r.esDim).toBe(prunableCount(r.mask) + (net.paramCount - net.prunableCount));
      // Pruned weights are exactly zero in the trained mean.
      for (let i = 0; i < r.mask.length; i++) if (!r.mask[i]) expect(r.mean[i]).toBe(0);
    }
  });

  it('magnitude masks are nested across rounds; random_reinit masks are not required to be', () => {
    const mag = result.records.filter((r) => r.method === 'magnitude');
    for (let k = 1; k < mag.length; k++) {
      for (let i = 0; i < mag[k].mask.length; i++) if (mag[k].mask[i]) expect(mag[k - 1].mask[i]).toBe(1);
    }
  });

  it('is deterministic and resumes from saved chain states to identical results', async () => {
    const twoRounds = { ...config, prune: { ...config.prune, rounds: 2 } };
    const partial = await runImp({ config: twoRounds, seed: 0, net, task });
    const resumed = await runImp({ config, seed: 0, net, task, resume: partial.chains });
    const round3 = result.records.filter((r) => r.roundNum === 3);
    expect(resumed.records.map((r) => r.roundNum)).toEqual([3, 3, 3]);
    expect(resumed.records.map((r) => r.finalPerf)).toEqual(round3.map((r) => r.finalPerf));
    expect(Array.from(resumed.records[0].mean)).toEqual(Array.from(round3[0].mean));
  });
});
