/**
 * A run cancelled before any round finished keeps nothing, as the Cancel dialog says (cancel-text.ts): its
 * stored record goes (RunStore.deleteIfNoRounds, through run-db.ts dropRunsWithoutRounds, which
 * imp-client.ts calls after a cancel). Never a record with a finished round (a resumed run, an import),
 * never one another tab is training (its Web Lock is held), never another run's.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunStore } from '../../../src/storage/run-store';
import { runId } from '../../../src/core/runs/hash';
import { parseConfig } from '../../../src/core/runs/config';
import { dropRunsWithoutRounds, holdingRuns } from '../../../src/ui/run/run-db';
import { fakeRun, quickConfig } from '../runs/fixtures';
import { bundleOf } from './partial-bundle';

// dropRunsWithoutRounds works on the app's own database (run-db.ts runStore): this handle writes into it.
let store: RunStore;
beforeEach(async () => {
  store ??= await RunStore.open();
  for (const r of await store.listRuns()) await store.deleteRun(r.id);
});
afterEach(() => vi.unstubAllGlobals());
afterAll(() => store.close());

const id = runId(quickConfig);
const other = parseConfig({ ...quickConfig, seeds: [7] });

/** What the worker stores when a run starts (workers/imp-job.ts) and when it is cancelled. */
async function startedAndCancelled(config = quickConfig): Promise<void> {
  await store.saveRun({ config, status: 'running' });
  await store.setStatus(runId(config), 'interrupted');
}

/** Web Locks shared by "tabs" (this process): held names, and `ifAvailable` answered with null while held. */
function fakeLocks() {
  const held = new Map<string, number>();
  const request = async (
    name: string,
    opts: { mode?: string; ifAvailable?: boolean },
    cb: (l: object | null) => unknown,
  ) => {
    if (opts.ifAvailable && (held.get(name) ?? 0) > 0) return cb(null);
    held.set(name, (held.get(name) ?? 0) + 1);
    try {
      return await cb({ name, mode: opts.mode ?? 'exclusive' });
    } finally {
      held.set(name, (held.get(name) ?? 1) - 1);
    }
  };
  vi.stubGlobal('navigator', { locks: { request } });
}

describe('cancelling before the first round', () => {
  beforeEach(() => fakeLocks());

  it('removes the run it stored, and only that run', async () => {
    await startedAndCancelled();
    await startedAndCancelled(other);
    await store.saveRound(runId(other), fakeRun(other, 1).records[0]);
    expect(await dropRunsWithoutRounds([id])).toEqual([id]);
    expect((await store.listRuns()).map((r) => r.id)).toEqual([runId(other)]);
  });

  it('keeps a run with a finished round: resumed from rounds stored before, or imported mid-run', async () => {
    await startedAndCancelled();
    const { records, chains } = fakeRun(quickConfig, 1);
    await store.saveRound(id, records[0], chains[0]);
    const imported = await store.importRun(bundleOf(1, 0, true));
    expect(await dropRunsWithoutRounds([id, imported.id])).toEqual([]);
    expect((await store.listRuns()).map((r) => r.id).sort()).toEqual([id, imported.id].sort());
  });

  it('removes each empty seed run of a sweep, keeping the seeds that finished a round', async () => {
    const seed0 = parseConfig({ ...quickConfig, seeds: [0] });
    await startedAndCancelled(seed0);
    await startedAndCancelled(other);
    await store.saveRound(runId(other), fakeRun(other, 1).records[0]);
    expect(await dropRunsWithoutRounds([runId(seed0), runId(other)])).toEqual([runId(seed0)]);
  });

  it('keeps the record while another tab trains the same settings (its lock is held)', async () => {
    await startedAndCancelled();
    let release!: () => void;
    const otherTab = holdingRuns([id], () => new Promise<void>((r) => (release = r)));
    await Promise.resolve();
    expect(await dropRunsWithoutRounds([id])).toEqual([]);
    expect(await store.getRun(id)).toBeDefined();
    release();
    await otherTab;
    expect(await dropRunsWithoutRounds([id])).toEqual([id]);
    expect(await store.getRun(id)).toBeUndefined();
  });

  it('without Web Locks deletes nothing: another tab training the same settings could not be seen', async () => {
    vi.stubGlobal('navigator', {});
    await startedAndCancelled();
    expect(await dropRunsWithoutRounds([id])).toEqual([]);
    expect(await store.getRun(id)).toBeDefined();
  });

  it('deleteIfNoRounds answers false for a run that is not stored', async () => {
    expect(await store.deleteIfNoRounds('nope')).toBe(false);
  });
});
