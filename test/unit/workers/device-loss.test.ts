// If the worker dies or the GPU device is lost, the UI says so and offers to continue on the
// next backend from the last finished round — the engine side, in Node through the methods the comlink
// worker exposes: a lost device (the debug hook's simulation) stops the running IMP job with the reason,
// keeps every finished round stored, forgets the backend; the stored run is read back in the worker
// (storedRun: config + rounds, arrays transferable); resuming on the next backend of the chain
// trains only the missing rounds, each (seed, method, round) once. Also the UI's choice of the next backend.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { LabEngine } from '../../../workers/lab-engine';
import type { ImpProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { runId } from '../../../src/core/runs/hash';
import { RunStore } from '../../../src/storage/run-store';
import { nextBackend } from '../../../src/ui/run/imp-client';
import { tinyCartpoleConfig } from '../../helpers/tiny-cartpole';
import { key, resumeRun, rounds } from './imp-messages';

const config = tinyCartpoleConfig({ methods: ['magnitude', 'random_reinit'], seeds: [0], backend: 'wasm' });
const ALL_KEYS = config.prune.methods.flatMap((m) => [1, 2, 3].map((k) => `0/${m}/${k}`)).sort();

afterAll(async () => {
  await tf.setBackend('wasm');
});

describe('device loss mid-run → continue on the next backend', () => {
  it('the job rejects with the reason, the finished rounds stay stored, and a resume on cpu trains only the missing ones', async () => {
    const store = RunStore.open({ name: 'device-loss-1' });
    const eng = new LabEngine({ initBackend: (pref) => selectBackend(pref), openStore: () => store });
    await eng.init('wasm');
    const before = tf.memory().numTensors;
    const first: ImpProgress[] = [];
    const run = eng.runImp(config, (m) => {
      first.push(m);
      if (m.kind === 'round' && m.record.roundNum === 2) eng.debugFail('device-lost');
    });
    await expect(run).rejects.toThrow(/GPU device was lost: simulated/);
    expect(tf.memory().numTensors).toBe(before);
    // the backend must be chosen again: a new job before init() is refused
    expect(eng.status()).toMatchObject({ running: null, phase: 'idle', backend: null });
    await expect(eng.runImp(config, () => undefined)).rejects.toThrow(/call init\(\)/);

    const streamed = rounds(first);
    expect(streamed.some((r) => r.roundNum === 2)).toBe(true);
    expect(streamed.length).toBeLessThan(ALL_KEYS.length);
    const stored = await eng.storedRun(runId(config));
    expect(stored?.config).toEqual(config);
    expect(stored!.records.map(key).sort()).toEqual(streamed.map(key).sort());
    expect((await (await store).getRun(runId(config)))?.run.status).toBe('interrupted');

    const next = nextBackend('wasm');
    expect(next).toBe('cpu');
    expect((await eng.init(next!)).active).toBe('cpu');
    const { out, messages: second } = await resumeRun(eng, config);
    expect(out.status).toBe('done');
    const start = second.find((m) => m.kind === 'start');
    expect(start?.kind === 'start' && start.doneGens).toBe(
      streamed.filter((r) => !r.sharedWith || r.sharedWith[0] === r.method).length * 4,
    );
    const resumed = rounds(second);
    // nothing stored is trained again; together they are every (seed, method, round) exactly once
    expect(resumed.map(key).filter((k) => streamed.map(key).includes(k))).toEqual([]);
    expect([...streamed, ...resumed].map(key).sort()).toEqual(ALL_KEYS);
    expect((await eng.storedRun(runId(config)))!.records.map(key).sort()).toEqual(ALL_KEYS);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a lost device while idle only forgets the backend; storedRun of an unknown id is null', async () => {
    const eng = new LabEngine({
      initBackend: (pref) => selectBackend(pref),
      openStore: () => RunStore.open({ name: 'device-loss-2' }),
    });
    await eng.init('wasm');
    eng.deviceLost('test');
    expect(eng.status().backend).toBeNull();
    expect(await eng.storedRun('nope')).toBeNull();
    expect(await new LabEngine({ initBackend: (pref) => selectBackend(pref) }).storedRun('nope')).toBeNull();
  });
});

describe('nextBackend (the button "continue on the next backend")', () => {
  it('walks the chain WebGPU → WebGL → WASM → CPU and ends there', () => {
    expect(nextBackend('webgpu')).toBe('webgl');
    expect(nextBackend('webgl')).toBe('wasm');
    expect(nextBackend('wasm')).toBe('cpu');
    expect(nextBackend('cpu')).toBeNull();
    expect(nextBackend(null)).toBeNull();
    expect(nextBackend('something')).toBeNull();
  });
});
