/**
 * Start opens the stored run instead of computing it only when that run is finished to the end
 * (ui/run/run-db.ts finishedRunOf, asked by open-finished.ts openIfFinished): a run imported mid-run, or one
 * an older version stored as 'done' though a chain stopped early, may be computed. The import message
 * counts rounds as the run panel does and says how to go on with an unfinished run.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { RunStore } from '../../../src/storage/run-store';
import { finishedRunOf, importedMessage, NO_RESUME_TEXT } from '../../../src/ui/run/run-db';
import { bundleOf, config } from './partial-bundle';

// finishedRunOf reads the app's own database (run-db.ts runStore): this handle writes into the same one.
let store: RunStore;
beforeEach(async () => {
  store ??= await RunStore.open();
  for (const r of await store.listRuns()) await store.deleteRun(r.id);
});
afterAll(() => store.close());

describe('the "already run to the end" guard', () => {
  it('fires for a run whose every chain reached the planned rounds', async () => {
    const run = await store.importRun(bundleOf(3, 3, true));
    expect((await finishedRunOf(config))?.id).toBe(run.id);
  });

  it('lets Start compute a run imported mid-run (the review: "already run to the end" after 1 of 6 rounds)', async () => {
    await store.importRun(bundleOf(1, 0, true));
    expect(await finishedRunOf(config)).toBeNull();
  });

  it("does not trust an older import's 'done' when a chain stopped early", async () => {
    const run = await store.importRun(bundleOf(3, 2, false));
    await store.setStatus(run.id, 'done'); // what importRun stored before
    expect(await finishedRunOf(config)).toBeNull();
  });
});

describe('the import message', () => {
  it('counts rounds, not records, and names the records trained networks', async () => {
    const run = await store.importRun(bundleOf(3, 3, true));
    expect(importedMessage('run.json.gz', run)).toBe(
      'Imported run.json.gz: all 3 rounds, 18 trained networks (one per round, pruning method and seed).',
    );
  });

  it('says how to go on with an unfinished run: Resume, or Start where the file has no states', async () => {
    const resumable = await store.importRun(bundleOf(1, 1, true));
    expect(importedMessage('a.json', resumable)).toBe(
      'Imported a.json: round 1 of 3, 6 trained networks (one per round, pruning method and seed). ' +
        'It did not finish: press Resume to continue it from its last finished round.',
    );
    await store.deleteRun(resumable.id);
    const bare = await store.importRun(bundleOf(3, 2, false));
    expect(importedMessage('b.json', bare)).toBe(
      'Imported b.json: rounds 1–2 of 3, 15 trained networks (one per round, pruning method and seed). ' +
        `It did not finish. ${NO_RESUME_TEXT}`,
    );
  });
});
