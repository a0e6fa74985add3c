// LabEngine.runImp / benchmarkBackends in Node through the methods the comlink worker exposes,
// with the IndexedDB run store on fake-indexeddb: every round streams once with its own
// (transferable) arrays, every round is stored with its resume state, a cancelled run resumes to the
// same records as an uninterrupted one, one job at a time, and no tensors leak.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { LabEngine } from '../../../workers/lab-engine';
import type { ImpProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { totalGenerations, transferableRecord } from '../../../workers/imp-job';
import { runId } from '../../../src/core/runs/hash';
import { RunStore } from '../../../src/storage/run-store';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { tinyCartpoleConfig } from '../../helpers/tiny-cartpole';
import { key, resumeRun, rounds } from './imp-messages';

const config = tinyCartpoleConfig({ methods: ['magnitude', 'random_reinit'], seeds: [0, 1] });

let dbCount = 0;
function newEngine(store?: Promise<RunStore>) {
  const name = `imp-job-${dbCount++}`;
  const opened = store ?? RunStore.open({ name });
  return { eng: new LabEngine({ initBackend: (pref) => selectBackend(pref), openStore: () => opened }), opened };
}

afterAll(async () => {
  await tf.setBackend('wasm');
});

describe('LabEngine.runImp', () => {
  it('streams start, batched generations and every round; stores rounds + resume states; frees tensors', async () => {
    const { eng, opened } = newEngine();
    await eng.init('wasm');
    const before = tf.memory().numTensors;
    const msgs: ImpProgress[] = [];
    const out = await eng.runImp(config, (m) => {
      msgs.push(m);
    });
    expect(out.status).toBe('done');
    expect(tf.memory().numTensors).toBe(before);
    const start = msgs[0];
    expect(start.kind).toBe('start');
    if (start.kind === 'start') {
      expect(start.runId).toBe(runId(config));
      expect(start.totalGens).toBe(totalGenerations(config));
      expect(start.totalGens).toBe(2 * (1 + 2 * 2) * 4);
    }
    const recs = rounds(msgs);
    expect(recs.map(key).sort()).toEqual(
      config.seeds.flatMap((s) => config.prune.methods.flatMap((m) => [1, 2, 3].map((k) => `${s}/${m}/${k}`))).sort(),
    );
    expect(msgs.filter((m) => m.kind === 'gens').length).toBeGreaterThan(0);
    // streamed arrays are copies: the two round-1 records no longer share buffers
    const r1 = recs.filter((r) => r.seed === 0 && r.roundNum === 1);
    expect(r1[0].mean.buffer).not.toBe(r1[1].mean.buffer);
    const store = await opened;
    const stored = await store.getRun(runId(config));
    expect(stored?.run.status).toBe('done');
    expect(stored?.records.length).toBe(recs.length);
    expect(stored?.chains.every((c) => c.nextRoundNum === 4)).toBe(true);
  });

  it('one job at a time; a cancelled run resumes from stored rounds to the uninterrupted result', async () => {
    const ref = newEngine();
    await ref.eng.init('wasm');
    const full: ImpProgress[] = [];
    await ref.eng.runImp(config, (m) => {
      full.push(m);
    });

    const { eng, opened } = newEngine();
    await eng.init('wasm');
    const first: ImpProgress[] = [];
    const run = eng.runImp(config, (m) => {
      first.push(m);
      if (m.kind === 'round' && m.record.seed === 0 && m.record.roundNum === 2) eng.cancel();
    });
    await expect(eng.runImp(config, () => undefined)).rejects.toThrow(/already in progress/);
    expect((await run).status).toBe('cancelled');
    const store = await opened;
    expect((await store.getRun(runId(config)))?.run.status).toBe('interrupted');

    const { out, messages: second } = await resumeRun(eng, config);
    expect(out.status).toBe('done');
    if (out.status === 'done') expect(out.result.resumed).toBe(true);
    const start = second[0];
    if (start.kind === 'start') expect(start.doneGens).toBeGreaterThan(0);
    // no stored round is recomputed; the union equals the uninterrupted run, bit for bit
    const firstKeys = new Set(rounds(first).map(key));
    expect(rounds(second).some((r) => firstKeys.has(key(r)))).toBe(false);
    const stored = (await store.getRun(runId(config)))!.records;
    const fullRecs = rounds(full);
    expect(stored.length).toBe(fullRecs.length);
    for (const r of fullRecs) {
      const s = stored.find((x) => key(x) === key(r))!;
      expect(s.finalPerf).toBe(r.finalPerf);
      expect(Array.from(s.mask)).toEqual(Array.from(r.mask));
    }
  });

  it('transferableRecord copies every typed array', () => {
    const r = {
      mask: new Uint8Array([1, 0]),
      mean: new Float32Array([1, 2]),
      std: new Float32Array([3, 4]),
    } as unknown as RoundRecord;
    const t = transferableRecord(r);
    expect(t.buffers).toHaveLength(3);
    expect(t.record.mask).not.toBe(r.mask);
    expect(Array.from(t.record.std)).toEqual([3, 4]);
  });

  it('benchmarkBackends: one row per chain backend, wasm and cpu measured, backend restored', async () => {
    const { eng } = newEngine();
    await eng.init('wasm');
    const out = await eng.benchmarkBackends(config);
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    expect(out.result.map((r) => r.backend)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    for (const r of out.result.filter((x) => x.backend === 'wasm' || x.backend === 'cpu'))
      expect(r.evalsPerSec).toBeGreaterThan(0);
    expect(out.result.find((r) => r.backend === 'webgpu')?.ok).toBe(false);
    expect(eng.status().backend).toBe('wasm');
  }, 60_000);
});
