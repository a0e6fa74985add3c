/**
 * An imported bundle is stored as finished only when every seed × method chain reached the planned rounds
 * (storage/import-status.ts). A file exported mid-run comes back interrupted, with the training states
 * Resume continues from; one without those states (a CLI or precomputed bundle) is not finished either,
 * but is marked so that the Runs tab offers no Resume that would train its rounds again.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunStore } from '../../../src/storage/run-store';
import { reachedPlannedRounds } from '../../../src/storage/run-summary';
import { bundleOf, config } from './partial-bundle';

let store: RunStore;
let n = 0;
beforeEach(async () => {
  store = await RunStore.open({ name: `import-status-${n++}` });
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
