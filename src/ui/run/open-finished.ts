/**
 * Start on settings whose run already went to the end opens that stored run instead of computing it
 * again: a run's id is its settings, so computing would write over the finished rounds (the same numbers on
 * the same backend, nothing to gain). The click is answered at once ("Opening …"); the rounds are read in
 * the lab worker (run-db.ts showStoredIfAny), and a read that fails or takes unusually long is said in the
 * run panel's notice instead of leaving the page silent. Nothing here ever starts computing.
 */
import type { ExperimentConfig } from '../../core/runs/config';
import { runId } from '../../core/runs/hash';
import type { StoredRun } from '../../storage/run-store';
import { useImpStore } from '../../state/imp-store';
import { finishedRunOf, showStoredIfAny } from './run-db';

/**
 * How long the read may take before the notice says it is slow. One run's rounds are a few MB read from the
 * browser's storage in the worker: well under a second normally, a few seconds on a loaded machine.
 */
export const OPEN_SLOW_MS = 15_000;

const saved = (run: StoredRun) => new Date(run.updatedAt).toLocaleString();

/** Said the moment the button is pressed. */
export const openingText = (run: StoredRun): string =>
  `Opening the finished run of these settings (saved ${saved(run)})…`;

/** Said once the stored run is on screen. */
export const openedText = (run: StoredRun): string =>
  `These settings were already run to the end (saved ${saved(run)}), so the lab shows that stored run instead of ` +
  'computing the same numbers again. To run it anew, delete it under Runs first.';

/** Said when the read has taken longer than OPEN_SLOW_MS (it goes on; its result replaces this line). */
export const OPEN_SLOW_TEXT =
  `Opening the stored run is taking longer than usual (over ${OPEN_SLOW_MS / 1000} s): the compute worker may ` +
  'still be starting, or busy with another job. Nothing is computed over the finished run; its results appear ' +
  'below as soon as they are read. If nothing changes, reload the page.';

/** Said when the stored run could not be read (`why`, in a student's words). */
export const unreadableText = (why: string): string =>
  `The stored run of these settings could not be opened: ${why}. Nothing was computed over it. Press the ` +
  'button again or reload the page; to run these settings anew, delete the run under Runs first.';

const say = (text: string) => useImpStore.getState().setNotice(text);

/** The open in flight: a second press waits on it instead of queueing another read behind a slow one. */
let opening: { readonly id: string; readonly done: Promise<void> } | null = null;
/** Counts the opens: only the latest one may show its run and speak (a slow read of other settings is dropped). */
let latest = 0;

/**
 * Shows `run`, the finished stored run of `config` (run-db.ts finishedRunOf), in the result views, and says
 * what happens at every step. Never throws and never computes.
 */
export function openFinishedRun(config: ExperimentConfig, run: StoredRun): Promise<void> {
  const id = runId(config);
  if (opening?.id === id) return opening.done;
  const mine = ++latest;
  const wanted = () => mine === latest;
  const sayIfWanted = (text: string): void => {
    if (wanted()) say(text);
  };
  say(openingText(run));
  const slow = setTimeout(() => sayIfWanted(OPEN_SLOW_TEXT), OPEN_SLOW_MS);
  const done = showStoredIfAny(config, wanted)
    .then(
      (shown) =>
        sayIfWanted(shown ? openedText(run) : unreadableText('its rounds were not found in the browser’s storage')),
      (err: unknown) => sayIfWanted(unreadableText(err instanceof Error ? err.message : String(err))),
    )
    .finally(() => {
      clearTimeout(slow);
      if (opening?.done === done) opening = null;
    });
  opening = { id, done };
  return done;
}

/**
 * Start's guard (imp-client.ts startImp): when `config`'s run is finished and stored, opens it
 * (openFinishedRun) and answers true — the caller then computes nothing, even when the read fails.
 */
export async function openIfFinished(config: ExperimentConfig): Promise<boolean> {
  const run = await finishedRunOf(config).catch(() => null);
  if (!run) return false;
  await openFinishedRun(config, run);
  return true;
}
