// LabEngine.runGdImp in Node through the methods the comlink worker exposes (GD-IMP in the lab;
// workers/gd-imp-job.ts), on the real KMNIST files (its partial 6 284-image training split keeps an epoch
// at a dozen Adam steps) and the IndexedDB run store on fake-indexeddb: the job streams the ES job's
// messages with gd_* chains, pruned weights are exactly 0, every round is stored with its resume state,
// cancel leaves a resumable run that continues to the uninterrupted result bit for bit, runImp routes a GD
// config to it, and no tensors leak. A CNN on wasm (no Conv2DBackpropFilter) is refused with the reason.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { LabEngine } from '../../../workers/lab-engine';
import type { ImpProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { gdConfigBackendProblem, gdStepsPerRound, gdTotalSteps } from '../../../workers/gd-imp-job';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { RunStore } from '../../../src/storage/run-store';
import { dataReader } from '../../../src/cli/node-io';
import { exportBundle, importBundle } from '../../../src/core/runs/bundle';
import { key, resumeRun, rounds } from './imp-messages';

const base = {
  task: { id: 'kmnist', params: { pool: '14x14', testSubset: 300 } },
  network: { id: 'mlp', params: { hiddenLayers: 1, width: 8 } },
  es: { id: 'pgpe', popSize: 8 },
  prune: { methods: ['magnitude', 'random_reinit'], rounds: 3, pruneFrac: 0.5 },
  budget: { generationsPerRound: 2 },
  seeds: [0],
};
const config = parseConfig({ ...base, trainer: { id: 'gd', params: { batchSize: 512, lr: 1e-2 } } });
const KMNIST_TRAIN = 6284;

let dbCount = 0;
function newEngine() {
  const opened = RunStore.open({ name: `gd-job-${dbCount++}` });
  const eng = new LabEngine({
    initBackend: (pref) => selectBackend(pref),
    openStore: () => opened,
    readBytes: (p) => dataReader.readBytes(p),
  });
  return { eng, opened };
}

afterAll(async () => {
  await tf.setBackend('wasm');
});

describe('LabEngine.runGdImp', () => {
  const full: ImpProgress[] = [];

  it('streams start, per-epoch progress and gd_* rounds; masked weights exactly 0; stored; tensors flat', async () => {
    const { eng, opened } = newEngine();
    await eng.init('wasm');
    const before = tf.memory().numTensors;
    const out = await eng.runGdImp(config, (m) => {
      full.push(m);
    });
    expect(out.status).toBe('done');
    expect(tf.memory().numTensors).toBe(before);
    expect(eng.status().running).toBeNull();
    const start = full[0];
    expect(start.kind).toBe('start');
    if (start.kind === 'start') {
      expect(start.runId).toBe(runId(config));
      expect(gdStepsPerRound(KMNIST_TRAIN, 512, 1)).toBe(12);
      expect(start.totalGens).toBe(gdTotalSteps(config, KMNIST_TRAIN));
      expect(start.totalGens).toBe((1 + 2 * 2) * 12);
      expect(start.notes.some((n) => /Gradient descent \(Adam/.test(n))).toBe(true);
    }
    const recs = rounds(full);
    expect(recs.map(key)).toEqual([
      '0/gd_magnitude/1',
      '0/gd_random_reinit/1',
      '0/gd_magnitude/2',
      '0/gd_random_reinit/2',
      '0/gd_magnitude/3',
      '0/gd_random_reinit/3',
    ]);
    const gens = full.flatMap((m) => (m.kind === 'gens' ? m.metrics : []));
    expect(gens.length).toBe(5); // one per epoch; the dense round 1 is trained once for both chains
    expect(gens.every((g) => g.generations === 12 && g.gen === 12)).toBe(true);
    for (const r of recs) {
      expect(r.generations).toBe(12);
      expect(r.sparsityFrac).toBeCloseTo(1 - 0.5 ** (r.roundNum - 1), 2);
      let zeros = 0;
      for (let i = 0; i < r.mask.length; i++)
        if (!r.mask[i]) {
          expect(r.mean[i]).toBe(0);
          zeros++;
        }
      if (r.roundNum > 1) expect(zeros).toBeGreaterThan(0);
      expect(r.finalPerf).toBeGreaterThan(r.roundNum === 1 ? 0.25 : 0.1); // above chance (0.1) after one epoch of Adam
    }
    const stored = await (await opened).getRun(runId(config));
    expect(stored?.run.status).toBe('done');
    expect(stored?.config.trainer?.id).toBe('gd');
    expect(stored?.records.length).toBe(6);
    expect(stored?.chains.map((c) => `${c.method}:${c.nextRoundNum}`).sort()).toEqual([
      'magnitude:4',
      'random_reinit:4',
    ]);
    expect(stored?.run.summary.roundsDone).toBe(3); // the summary tracks the gd_* chains
    // a stored GD run exports and imports as a bundle (records carry 'gd_<method>' ids)
    const back = importBundle(exportBundle(await (await opened).toBundle(runId(config))));
    expect(back.ok && back.bundle.records.map((r) => r.method).sort()).toEqual(recs.map((r) => r.method).sort());
  }, 120_000);

  it('cancel stops the job (interrupted, tensors freed); resume continues to the same records bit for bit', async () => {
    const { eng, opened } = newEngine();
    await eng.init('wasm');
    const before = tf.memory().numTensors;
    const first: ImpProgress[] = [];
    const run = eng.runGdImp(config, (m) => {
      first.push(m);
      if (m.kind === 'round' && m.record.roundNum === 2) eng.cancel();
    });
    await expect(eng.runGdImp(config, () => undefined)).rejects.toThrow(/already in progress/);
    expect((await run).status).toBe('cancelled');
    expect(tf.memory().numTensors).toBe(before);
    const store = await opened;
    expect((await store.getRun(runId(config)))?.run.status).toBe('interrupted');
    expect(rounds(first).length).toBeLessThan(6);

    const { out, messages: second } = await resumeRun(eng, config); // runImp routes a GD config here
    expect(out.status).toBe('done');
    if (out.status === 'done') expect(out.result.resumed).toBe(true);
    const firstKeys = new Set(rounds(first).map(key));
    expect(rounds(second).some((r) => firstKeys.has(key(r)))).toBe(false);
    const stored = (await store.getRun(runId(config)))!.records;
    const ref = rounds(full);
    expect(stored.length).toBe(ref.length);
    for (const r of ref) {
      const s = stored.find((x) => key(x) === key(r))!;
      expect(s.finalPerf).toBe(r.finalPerf);
      expect(Array.from(s.mask)).toEqual(Array.from(r.mask));
      expect(Array.from(s.mean)).toEqual(Array.from(r.mean));
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('refuses an ES config with a clear message', async () => {
    const { eng } = newEngine();
    await eng.init('wasm');
    await expect(eng.runGdImp(parseConfig(base), () => undefined)).rejects.toThrow(/trainer: \{ id: "gd" \}/);
  });

  it('a CNN on wasm is refused up front (no Conv2DBackpropFilter there); MLPs and the cpu backend are fine', async () => {
    const cnn = parseConfig({ ...base, network: { id: 'cnn', params: {} }, trainer: { id: 'gd' } });
    expect(gdConfigBackendProblem(cnn, 'wasm')).toMatch(/Conv2DBackpropFilter.*wasm.*WebGL or WebGPU/);
    expect(gdConfigBackendProblem(cnn, 'cpu')).toBeNull();
    expect(gdConfigBackendProblem(config, 'wasm')).toBeNull();
    const { eng } = newEngine();
    await eng.init('wasm');
    await expect(eng.runGdImp(cnn, () => undefined)).rejects.toThrow(/Conv2DBackpropFilter/);
    expect(eng.status().running).toBeNull();
  });
});
