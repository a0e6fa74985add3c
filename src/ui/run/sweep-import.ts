/**
 * Import of a collected sweep into the Runs tab: the bundles `lab sweep collect --bundles` writes (one
 * per configuration, DIR/bundles/*.json.gz), chosen together. Every file is checked by the app's bundle
 * importer before anything is stored — one bad file and nothing changes. Then each configuration is
 * stored as a run (a run already stored is kept as it is) and the sweep's curves are overlaid
 * (core/sweep/overlay.ts, state/sweep-overlay-store.ts).
 */
import { importBundle, type RunBundle } from '../../core/runs/bundle';
import { sweepOverlay } from '../../core/sweep/overlay';
import { getTask } from '../../core/tasks/registry';
import { RunExistsError } from '../../storage/errors';
import { useSweepOverlayStore } from '../../state/sweep-overlay-store';
import { yieldToBrowser } from '../frames';
import { runsChanged, runStore } from './run-db';

export interface FileBytes {
  readonly name: string;
  bytes(): Promise<Uint8Array>;
}

/** Validates, stores and overlays the bundles of a sweep; returns a message for the user (never throws). */
export async function importSweepFiles(files: readonly FileBytes[]): Promise<{ ok: boolean; message: string }> {
  if (!files.length) return { ok: false, message: 'Choose the bundle files of a collected sweep.' };
  const bundles: RunBundle[] = [];
  for (const f of files) {
    const parsed = importBundle(await f.bytes());
    if (!parsed.ok)
      return { ok: false, message: `Nothing was imported: ${f.name} is not a run bundle (${parsed.message}).` };
    bundles.push(parsed.bundle);
    await yieldToBrowser(); // one file per task: decoding a large bundle should not freeze the page
  }
  const kinds = new Set(bundles.map((b) => getTask(b.config.task.id).kind));
  if (kinds.size > 1)
    return {
      ok: false,
      message: 'Nothing was imported: these files mix image tasks and control tasks, which cannot share one chart.',
    };
  let stored = 0;
  try {
    const store = await runStore();
    for (const b of bundles) {
      try {
        await store.importRun(b);
        stored++;
      } catch (e) {
        if (!(e instanceof RunExistsError)) throw e;
      }
    }
  } catch (e) {
    runsChanged();
    return { ok: false, message: `The sweep could not be stored: ${(e as Error).message}` };
  }
  runsChanged();
  // Files come in any order: configurations are listed by label ("σ=0.1" before "σ=0.2", 9 before 10).
  const inputs = bundles
    .map((b) => ({ label: b.label ?? b.runId, records: b.records }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  const overlay = sweepOverlay(inputs);
  useSweepOverlayStore.getState().show(
    overlay,
    kinds.has('vision'),
    files.map((f) => f.name),
  );
  const kept = bundles.length - stored;
  return {
    ok: true,
    message:
      `Imported ${overlay.name ? `sweep ${overlay.name}: ` : ''}${bundles.length} configuration${bundles.length > 1 ? 's' : ''}` +
      (kept ? ` (${kept} were already stored and kept as they were)` : '') +
      '.',
  };
}
