import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunStore, storageEstimate } from '../../../src/storage/run-store';
import { StorageFullError, RunExistsError, RunNotFoundError, isQuotaError } from '../../../src/storage/errors';
import { runId } from '../../../src/core/runs/hash';
import { exportBundle, importBundle } from '../../../src/core/runs/bundle';
import { parseConfig } from '../../../src/core/runs/config';
import { fakeRecord, fakeRun, quickConfig, sameBytes } from '../runs/fixtures';

let store: RunStore;
let dbCounter = 0;
let clock = 1_000;
const id = runId(quickConfig);

beforeEach(async () => {
  store = await RunStore.open({ name: `test-${dbCounter++}`, now: () => clock++ });
});
afterEach(() => {
  vi.restoreAllMocks();
  store.close();
});

describe('RunStore (IndexedDB via idb, fake-indexeddb in Node)', () => {
  it('saveRun keys the run by the hash of its canonical config and fills defaults', async () => {
    const run = await store.saveRun({
      config: { ...quickConfig, es: { ...quickConfig.es, zScore: undefined } },
      label: 'quick',
    });
    expect(run.id).toBe(id);
    expect(run.status).toBe('running');
    expect(run.summary).toMatchObject({
      methods: ['magnitude', 'snr', 'random_reinit'],
      seeds: [0],
      roundsPlanned: 12,
      recordCount: 0,
      roundsDone: 0,
    });
    const again = await store.saveRun({ config: quickConfig, status: 'paused' });
    expect(again).toMatchObject({ id, createdAt: run.createdAt, label: 'quick', status: 'paused' });
    expect(await store.listRuns()).toHaveLength(1);
  });

  it('stores rounds with their chain state and returns them bit-identical, in run order', async () => {
    await store.saveRun({ config: quickConfig });
    const { records, chains } = fakeRun(quickConfig, 2);
    // Save in a scrambled order: getRun sorts by seed, method (config order), round.
    for (const r of [...records].reverse())
      await store.saveRound(
        id,
        r,
        chains.find((c) => c.method === r.method),
      );
    const data = (await store.getRun(id))!;
    expect(data.config).toEqual(quickConfig);
    expect(data.records.map((r) => `${r.method}/${r.roundNum}`)).toEqual([
      'magnitude/1',
      'magnitude/2',
      'snr/1',
      'snr/2',
      'random_reinit/1',
      'random_reinit/2',
    ]);
    for (const r of data.records) {
      const o = records.find((x) => x.method === r.method && x.roundNum === r.roundNum)!;
      expect(sameBytes(r.mask, o.mask) && sameBytes(r.mean, o.mean) && sameBytes(r.std, o.std)).toBe(true);
      expect('runId' in r).toBe(false);
      expect(r.sigmaStats).toEqual(o.sigmaStats);
    }
    expect(data.chains).toHaveLength(3);
    const summary = (await store.listRuns())[0].summary;
    expect(summary.recordCount).toBe(6);
    expect(summary.roundsDone).toBe(2);
    expect(summary.chains.find((c) => c.method === 'snr')).toMatchObject({
      roundsDone: 2,
      lastPerf: 0.802,
      lastSparsityFrac: 1 - 0.8,
    });
  });

  it('keeps only the latest chain state per (seed, method) and hands it back for resume', async () => {
    await store.saveRun({ config: quickConfig });
    for (const k of [1, 2, 3]) {
      const r = fakeRecord(quickConfig, 0, 'magnitude', k);
      await store.saveRound(id, r, { method: 'magnitude', nextRoundNum: k + 1, mask: r.mask, init: r.mean });
    }
    const resume = await store.resumeState(id, 0);
    expect(resume).toHaveLength(1);
    expect(resume[0].nextRoundNum).toBe(4);
    expect(sameBytes(resume[0].mask, fakeRecord(quickConfig, 0, 'magnitude', 3).mask)).toBe(true);
    expect(resume[0]).not.toHaveProperty('seed');
    // Re-saving a round (e.g. after a resume repeats it) overwrites instead of counting twice.
    await store.saveRound(id, fakeRecord(quickConfig, 0, 'magnitude', 3));
    expect((await store.listRuns())[0].summary.recordCount).toBe(3);
  });

  it('marks runs left running as interrupted, lists newest first, deletes everything of a run', async () => {
    const other = parseConfig({ ...quickConfig, seeds: [1] });
    await store.saveRun({ config: quickConfig });
    // (paused, not done: a run with no rounds reads as unfinished whatever its status, import-status.ts asRead)
    await store.saveRun({ config: other, status: 'paused' });
    await store.saveRound(id, fakeRecord(quickConfig, 0, 'snr', 1), {
      method: 'snr',
      nextRoundNum: 2,
      mask: new Uint8Array(6634),
      init: new Float32Array(6634),
    });
    expect(await store.markInterrupted()).toEqual([id]);
    const list = await store.listRuns();
    expect(list.map((r) => [r.id, r.status])).toEqual([
      [id, 'interrupted'],
      [runId(other), 'paused'],
    ]);
    await store.deleteRun(id);
    expect(await store.getRun(id)).toBeUndefined();
    expect((await store.listRuns()).map((r) => r.id)).toEqual([runId(other)]);
    await expect(store.resumeState(id, 0)).rejects.toBeInstanceOf(RunNotFoundError);
    await expect(store.saveRound(id, fakeRecord(quickConfig, 0, 'snr', 1))).rejects.toBeInstanceOf(RunNotFoundError);
  });

  it('maps QuotaExceededError to StorageFullError and leaves stored runs untouched', async () => {
    await store.saveRun({ config: quickConfig });
    const r1 = fakeRecord(quickConfig, 0, 'magnitude', 1);
    await store.saveRound(id, r1, { method: 'magnitude', nextRoundNum: 2, mask: r1.mask, init: r1.mean });
    const before = (await store.listRuns())[0];
    // The round's put succeeds, the chain-state put hits the quota: the whole transaction must roll back.
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'chains') throw new DOMException('quota', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const r2 = fakeRecord(quickConfig, 0, 'magnitude', 2);
    const err = await store
      .saveRound(id, r2, { method: 'magnitude', nextRoundNum: 3, mask: r2.mask, init: r2.mean })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toMatch(/storage is full.*runs already stored are unchanged/);
    vi.restoreAllMocks();
    const data = (await store.getRun(id))!;
    expect(data.records.map((r) => r.roundNum)).toEqual([1]);
    expect(data.chains[0].nextRoundNum).toBe(2);
    expect((await store.listRuns())[0]).toEqual(before);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
  });

  it('imports a validated bundle once (overwrite on request) and exports it back losslessly', async () => {
    const { records, chains } = fakeRun(quickConfig, 2);
    const text = exportBundle({
      config: quickConfig,
      createdAt: '2024-05-01T12:00:00.000Z',
      records,
      chains,
      precomputed: true,
      command: 'lab imp',
    });
    const imported = importBundle(text);
    if (!imported.ok) throw new Error(imported.message);
    const run = await store.importRun(imported.bundle);
    expect(run).toMatchObject({
      id,
      status: 'interrupted', // 2 of the config's 12 rounds, with their states: import-status.test.ts
      precomputed: true,
      command: 'lab imp',
      createdAt: Date.parse('2024-05-01T12:00:00.000Z'),
    });
    expect(run.summary.roundsDone).toBe(2);
    await expect(store.importRun(imported.bundle)).rejects.toBeInstanceOf(RunExistsError);
    // the message names only what the Runs list offers (open, delete), not the programmatic overwrite
    await expect(store.importRun(imported.bundle)).rejects.toThrow(
      /Open it from the list of stored runs, or delete it/,
    );
    await store.importRun(imported.bundle, { overwrite: true });
    const back = importBundle(exportBundle(await store.toBundle(id)));
    if (!back.ok) throw new Error(back.message);
    expect(back.bundle.records).toHaveLength(6);
    expect(
      back.bundle.records.every((r) =>
        sameBytes(r.mean, records.find((x) => x.method === r.method && x.roundNum === r.roundNum)!.mean),
      ),
    ).toBe(true);
    expect(back.bundle.precomputed).toBe(true);
  });

  it('refuses a curves-only bundle: a stored run must reopen with its masks and weights', async () => {
    const { records } = fakeRun(quickConfig, 2);
    const imported = importBundle(
      exportBundle({ config: quickConfig, createdAt: '2024-05-01T12:00:00.000Z', records, curvesOnly: true }),
    );
    if (!imported.ok) throw new Error(imported.message);
    await expect(store.importRun(imported.bundle)).rejects.toThrow(/only the curves of a run/);
    expect(await store.listRuns()).toEqual([]);
  });

  it('storageEstimate reads navigator.storage.estimate when present', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1234, quota: 10_000 }) } });
    expect(await storageEstimate()).toEqual({ usageBytes: 1234, quotaBytes: 10_000 });
    vi.stubGlobal('navigator', {});
    expect(await storageEstimate()).toBeNull();
    vi.unstubAllGlobals();
  });
});
