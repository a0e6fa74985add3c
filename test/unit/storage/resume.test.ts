/**
 * Closing the tab mid-run and reopening offers to resume from the last finished round, and the
 * resumed run gives the same results as an uninterrupted one: the IMP loop's chain states go through
 * IndexedDB (structured clone) and a reopened store, then runImp continues from them.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { runImp } from '../../../src/core/experiments/imp';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { getNetwork } from '../../../src/core/nets/registry';
import { RunStore } from '../../../src/storage/run-store';
import { syntheticTask } from '../../helpers/synthetic-task';
import { sameBytes } from '../runs/fixtures';

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
  prune: { methods: ['magnitude', 'snr'], rounds: 3, pruneFrac: 0.5 },
  budget: { generationsPerRound: 20, evalEvery: 10 },
  seeds: [0],
});
afterAll(() => task.dispose());

describe('resume through the run store', () => {
  it('a run interrupted after round 2 and resumed from IndexedDB equals the uninterrupted run', async () => {
    const id = runId(config);
    const name = 'resume-test';
    const full = await runImp({ config, seed: 0, net, task });

    // "Tab 1": runs 2 rounds, storing every round and the chain states after it, then the tab closes.
    let store = await RunStore.open({ name });
    await store.saveRun({ config });
    const partial = await runImp({ config: { ...config, prune: { ...config.prune, rounds: 2 } }, seed: 0, net, task });
    for (const r of partial.records) {
      const chain = r.roundNum === 2 ? partial.chains.find((c) => c.method === r.method) : undefined;
      await store.saveRound(id, r, chain);
    }
    store.close();

    // "Tab 2": reopens, finds the run interrupted, resumes from the stored chain states.
    store = await RunStore.open({ name });
    expect(await store.markInterrupted()).toEqual([id]);
    const stored = (await store.getRun(id))!;
    expect(stored.run.summary.roundsDone).toBe(2);
    const resume = await store.resumeState(id, 0);
    expect(resume.map((c) => [c.method, c.nextRoundNum])).toEqual([
      ['magnitude', 3],
      ['snr', 3],
    ]);
    const resumed = await runImp({ config, seed: 0, net, task, resume });
    for (const r of resumed.records)
      await store.saveRound(
        id,
        r,
        resumed.chains.find((c) => c.method === r.method),
      );
    await store.setStatus(id, 'done');

    const all = (await store.getRun(id))!;
    expect(all.run.status).toBe('done');
    expect(all.records.map((r) => `${r.method}/${r.roundNum}`)).toEqual([
      'magnitude/1',
      'magnitude/2',
      'magnitude/3',
      'snr/1',
      'snr/2',
      'snr/3',
    ]);
    for (const r of all.records) {
      const ref = full.records.find((x) => x.method === r.method && x.roundNum === r.roundNum)!;
      expect(r.finalPerf).toBe(ref.finalPerf);
      expect(sameBytes(r.mask, ref.mask) && sameBytes(r.mean, ref.mean) && sameBytes(r.std, ref.std)).toBe(true);
    }
    store.close();
  });
});
