// Multi-seed sweeps across workers: SeedPool (src/ui/run/seed-pool.ts) runs each seed of a
// config as its own single-seed run in its own engine — here LabEngines in Node, driven through the same
// methods the comlink workers expose. Per-seed results equal the sequential multi-seed run's on the same
// backend (bit-identical masks, means, σ; equal metrics); pause reaches every busy engine and resumes to
// the same numbers; cancel stops the running seeds and starts no queued one; pool sizing.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { LabEngine } from '../../../workers/lab-engine';
import type { ImpProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { runId } from '../../../src/core/runs/hash';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { totalGenerations } from '../../../workers/imp-job';
import { useImpStore } from '../../../src/state/imp-store';
import { sparsityCurves } from '../../../src/state/imp-selectors';
import type { SeedRunStatus } from '../../../src/state/seed-runs';
import { SeedPool, poolSize, seedConfigs, type PoolWorker } from '../../../src/ui/run/seed-pool';
import { tinyCartpoleConfig } from '../../helpers/tiny-cartpole';
import { key, rounds } from './imp-messages';

const config = tinyCartpoleConfig({ methods: ['magnitude', 'random_reinit'], seeds: [0, 1, 2] });

/** Everything a record's numbers are, arrays as plain lists (wallMs is a clock reading, not a result). */
const numbers = (r: RoundRecord) => ({
  ...r,
  wallMs: 0,
  evals: r.evals,
  mask: [...r.mask],
  mean: [...r.mean],
  std: [...r.std],
});

async function newWorker(engines: LabEngine[]): Promise<PoolWorker> {
  const engine = new LabEngine({ initBackend: (pref) => selectBackend(pref) });
  await engine.init('wasm');
  engines.push(engine);
  return { engine, dispose: () => undefined };
}

function poolRun(size: number, onMsg?: (pool: SeedPool, seed: number, msg: ImpProgress) => void) {
  const msgs: { seed: number; msg: ImpProgress }[] = [];
  const statuses: { seed: number; status: SeedRunStatus }[] = [];
  const engines: LabEngine[] = [];
  const pool: SeedPool = new SeedPool(config, size, {
    createWorker: () => newWorker(engines),
    onProgress: (seed, msg) => {
      msgs.push({ seed, msg });
      onMsg?.(pool, seed, msg);
    },
    onSeedStatus: (seed, status) => statuses.push({ seed, status }),
  });
  return { pool, msgs, statuses, engines };
}

let sequential: RoundRecord[] = [];

afterAll(async () => {
  await tf.setBackend('wasm');
});

describe('SeedPool', () => {
  it('sizes the pool to the machine: min(seeds, cores − 1, 4), at least 1', () => {
    expect(poolSize(3, 2)).toBe(1);
    expect(poolSize(3, 8)).toBe(3);
    expect(poolSize(10, 16)).toBe(4);
    expect(poolSize(10, 3)).toBe(2);
    expect(poolSize(1, 16)).toBe(1);
    expect(poolSize(5, undefined)).toBe(1);
    expect(seedConfigs(config).map((c) => c.seeds)).toEqual([[0], [1], [2]]);
    expect(new Set(seedConfigs(config).map(runId)).size).toBe(3);
  });

  it('per-seed results across 2 workers equal the sequential 3-seed run (same backend)', async () => {
    const ref = new LabEngine({ initBackend: (pref) => selectBackend(pref) });
    await ref.init('wasm');
    const seqMsgs: ImpProgress[] = [];
    expect(
      (
        await ref.runImp(config, (m) => {
          seqMsgs.push(m);
        })
      ).status,
    ).toBe('done');
    sequential = rounds(seqMsgs);
    expect(sequential).toHaveLength(3 * 2 * 3);

    const before = tf.memory().numTensors;
    const { pool, msgs, statuses, engines } = poolRun(2);
    expect(await pool.run()).toBe('done');
    expect(engines).toHaveLength(2); // two workers shared the three seeds
    const pooled = rounds(msgs.map((m) => m.msg));
    expect(pooled.map(key).sort()).toEqual(sequential.map(key).sort());
    for (const r of pooled) expect(numbers(r)).toEqual(numbers(sequential.find((s) => key(s) === key(r))!));
    // each message came from the seed's own run; every seed ended 'done'
    for (const { seed, msg } of msgs) if (msg.kind === 'round') expect(msg.record.seed).toBe(seed);
    expect(
      statuses
        .filter((s) => s.status === 'done')
        .map((s) => s.seed)
        .sort(),
    ).toEqual([0, 1, 2]);
    expect(tf.memory().numTensors).toBe(before);

    // The IMP store folds the interleaved per-seed streams into one run: all rounds, progress = sum over seeds.
    const st = useImpStore.getState();
    st.poolStarting(config, 0, 2);
    for (const { seed, status } of statuses) if (status !== 'done') st.seedStatus(seed, status);
    for (const { seed, msg } of msgs) useImpStore.getState().seedProgress(seed, msg);
    for (const { seed, status } of statuses) if (status === 'done') useImpStore.getState().seedStatus(seed, status);
    const end = useImpStore.getState();
    expect(end.runId).toBe(runId(config));
    expect(end.records).toHaveLength(18);
    expect(end.totalGens).toBe(totalGenerations(config));
    expect(end.finishedGens).toBe(end.totalGens);
    expect(Object.values(end.seedRuns).map((r) => [r.status, r.finishedGens === r.totalGens])).toEqual([
      ['done', true],
      ['done', true],
      ['done', true],
    ]);
    // … and the sparsity chart's mean ± band over seeds is the sequential run's.
    expect(sparsityCurves([...end.records].sort((a, b) => a.seed - b.seed)).rows).toEqual(
      sparsityCurves(sequential).rows,
    );
  });

  it('pause reaches every busy worker; resume finishes with the same numbers', async () => {
    let pausedPhases: string[] = [];
    let paused = false;
    const run = poolRun(2, (pool, _seed, msg) => {
      if (paused || msg.kind !== 'round') return;
      paused = true;
      void pool.pause().then(async () => {
        pausedPhases = run.engines.map((e) => e.status().phase);
        await pool.resume();
      });
    });
    expect(await run.pool.run()).toBe('done');
    expect(pausedPhases).toEqual(['paused', 'paused']);
    for (const r of rounds(run.msgs.map((m) => m.msg)))
      expect(numbers(r)).toEqual(numbers(sequential.find((s) => key(s) === key(r))!));
  });

  it('cancel stops the running seeds and starts no queued seed', async () => {
    const run = poolRun(2, (pool, _seed, msg) => {
      if (msg.kind === 'round') void pool.cancel();
    });
    expect(await run.pool.run()).toBe('cancelled');
    const final = new Map(run.statuses.map((s) => [s.seed, s.status]));
    expect(final.get(2)).toBe('cancelled'); // the queued seed never ran
    expect(run.statuses.some((s) => s.seed === 2 && s.status === 'running')).toBe(false);
    expect([...final.values()].every((s) => s === 'cancelled')).toBe(true);
    expect(run.engines.every((e) => e.status().running === null)).toBe(true);
  });
});
