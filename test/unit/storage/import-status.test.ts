/**
 * An imported bundle is stored as finished only when every seed × method chain reached the planned rounds
 * (storage/import-status.ts). A file exported mid-run comes back interrupted, with the training states
 * Resume continues from; one without those states (a CLI or precomputed bundle) is not finished either,
 * but is marked so that the Runs tab offers no Resume that would train its rounds again. A run an older
 * version stored 'done' though a chain stopped early is listed and opened by what it holds, its stored
 * record left as it was.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunStore } from '../../../src/storage/run-store';
import { openLabDb } from '../../../src/storage/lab-db';
import { reachedPlannedRounds } from '../../../src/storage/run-summary';
import { savedRoundsText } from '../../../src/state/stored-progress';
import { bundleOf, config } from './partial-bundle';

let store: RunStore;
let n = 0;
let dbName = '';
beforeEach(async () => {
  dbName = `import-status-${n++}`;
  store = await RunStore.open({ name: dbName });
});
afterEach(() => store.close());

describe('importing a bundle', () => {
  it('a bundle whose every chain reached the planned rounds is stored finished', async () => {
    const run = await store.importRun(bundleOf(3, 3, true));
    expect(run.status).toBe('done');
    expect(run.resumable).toBeUndefined();
    expect(reachedPlannedRounds(run.summary)).toBe(true);
  });

  it('a bundle exported mid-run is stored interrupted, with the states Resume continues from', async () => {
    const bundle = bundleOf(1, 0, true); // cancelled during seed 0's round 2
    const run = await store.importRun(bundle);
    expect(run.status).toBe('interrupted');
    expect(run.resumable).toBeUndefined();
    expect(reachedPlannedRounds(run.summary)).toBe(false);
    const states = await store.resumeState(run.id, 0);
    expect(states.map((c) => [c.method, c.nextRoundNum])).toEqual(config.prune.methods.map((m) => [m, 2]));
  });

  it('one seed stopping early is enough to leave the run unfinished', async () => {
    const run = await store.importRun(bundleOf(3, 2, true));
    expect(run.status).toBe('interrupted');
    expect(run.summary.roundsDone).toBe(2);
  });

  it('an unfinished bundle without the training states is interrupted but not resumable', async () => {
    const run = await store.importRun(bundleOf(3, 2, false));
    expect(run).toMatchObject({ status: 'interrupted', resumable: false });
    // a finished one needs no states to be finished
    await store.deleteRun(run.id);
    expect(await store.importRun(bundleOf(3, 3, false))).toMatchObject({ status: 'done' });
  });

  it('training the run again here drops the mark: its rounds then save their states', async () => {
    const run = await store.importRun(bundleOf(2, 0, false));
    expect(run.resumable).toBe(false);
    const restarted = await store.saveRun({ config, status: 'running' });
    expect(restarted.resumable).toBeUndefined();
    expect(restarted.summary.recordCount).toBe(run.summary.recordCount); // the imported rounds stay
  });
});

describe("a run an older version imported as 'done' though a chain stopped early", () => {
  /** The record as it sits in IndexedDB, not as the store reads it. */
  const rawStatus = async (id: string) => {
    const db = await openLabDb(dbName);
    try {
      return (await db.get('runs', id))?.status;
    } finally {
      db.close();
    }
  };
  /** Imports the bundle, then writes 'done' over its status, as importRun did before. */
  const legacyImport = async (upTo0: number, upTo1: number, withChains: boolean) => {
    const run = await store.importRun(bundleOf(upTo0, upTo1, withChains));
    await store.setStatus(run.id, 'done');
    return run.id;
  };

  it('is listed and opened interrupted, with its saved rounds, and its stored record is left as it was', async () => {
    const id = await legacyImport(3, 2, true);
    const [listed] = await store.listRuns();
    expect(listed).toMatchObject({ id, status: 'interrupted' });
    expect(listed.resumable).toBeUndefined(); // the file carried the states: Resume continues it
    const { roundsDone, roundsPlanned } = listed.summary;
    expect(savedRoundsText({ roundsDone, planned: roundsPlanned })).toBe('rounds 1–2 of 3 saved');
    expect((await store.getRun(id))?.run).toMatchObject({ status: 'interrupted' });
    expect(await rawStatus(id)).toBe('done');
  });

  it('without the training states it is interrupted and offers no Resume', async () => {
    const id = await legacyImport(3, 2, false);
    expect((await store.listRuns())[0]).toMatchObject({ id, status: 'interrupted', resumable: false });
    expect((await store.getRun(id))?.run).toMatchObject({ status: 'interrupted', resumable: false });
  });

  it('a run that reached every planned round stays finished', async () => {
    const id = await legacyImport(3, 3, false);
    expect((await store.listRuns())[0]).toMatchObject({ id, status: 'done' });
    expect((await store.listRuns())[0].resumable).toBeUndefined();
  });
});
