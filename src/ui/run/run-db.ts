/**
 * The main thread's handle on the IndexedDB run store: runs list, reopen, delete, export /
 * import bundles, storage use. The worker writes rounds through its own handle; both see one database.
 * Reopening reads the rounds in the worker (the page only lists runs, which carry no arrays).
 * `useRunsList` keeps a list that refreshes when a round lands (throttled) or after a change here.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { RunStore, storageEstimate, type StoredRun } from '../../storage/run-store';
import { reachedPlannedRounds } from '../../storage/run-summary';
import { roundsReachedText, trainedNetworksText } from '../../state/stored-progress';
import { transfer } from 'comlink';
import { exportBundle, importBundle, type BundleImport } from '../../core/runs/bundle';
import { withBundleWorker } from './precomputed-client';
import type { ExperimentConfig } from '../../core/runs/config';
import { canonicalJson, runId } from '../../core/runs/hash';
import { parseConfig } from '../../core/runs/config';
import { PRESETS } from '../../core/runs/presets';
import { esConfigForGd } from '../../state/gd-runs';
import { useImpStore } from '../../state/imp-store';
import { isJobActive } from '../../state/job-status';
import { selectValidation, useExperimentStore } from '../../state/experiment-store';
import type { RoundRecord } from '../../core/experiments/events';
import { downloadText } from '../viz/export';
import { yieldToBrowser } from '../frames';
import { getEngine } from '../lab-client';
import { seedConfigs } from './seed-pool';

let storePromise: Promise<RunStore> | null = null;
let interrupted: Promise<string[]> | null = null;

/** The store, opened once; the first open marks runs a closed tab left 'running' as 'interrupted'. */
export function runStore(): Promise<RunStore> {
  storePromise ??= RunStore.open().then(async (s) => {
    interrupted = s.markInterrupted();
    await interrupted;
    return s;
  });
  return storePromise;
}

/** Ids of runs that were interrupted by a closed tab (resolved after the first open). */
export async function interruptedRunIds(): Promise<string[]> {
  await runStore();
  return interrupted ?? [];
}

const listeners = new Set<() => void>();
/** Tells every runs list to reload (after a delete, import, or a run's end). */
export function runsChanged(): void {
  for (const l of listeners) l();
}

/** Calls `listener` after every runsChanged(); returns the unsubscribe. */
export function onRunsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The Web Lock a tab holds (shared) on a stored run while it trains it. */
const runLock = (id: string) => `es-lottery-lab:run:${id}`;
const lockManager = (): LockManager | undefined => globalThis.navigator?.locks;

/**
 * Runs `body` holding a shared Web Lock on each stored run in `ids` (where the browser has Web Locks): a
 * cancel in another tab then sees these runs are being trained here and leaves their records alone
 * (dropRunsWithoutRounds). Two tabs may still train the same run; the lock only marks it as live.
 */
export async function holdingRuns<T>(ids: readonly string[], body: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  if (!locks || ids.length === 0) return body();
  const [first, ...rest] = ids;
  return locks.request(runLock(first), { mode: 'shared' }, () => holdingRuns(rest, body)) as Promise<T>;
}

/**
 * After a run was cancelled before any round finished (cancel-text.ts says "this run has nothing to
 * keep"): deletes each stored record in `ids` that holds no finished round (RunStore.deleteIfNoRounds,
 * atomic) and that no other tab is training (its Web Lock is free; without Web Locks nothing is deleted). A record with any finished round —
 * stored before, resumed, imported — stays. Returns the ids deleted.
 */
export async function dropRunsWithoutRounds(ids: readonly string[]): Promise<string[]> {
  const locks = lockManager();
  // Without Web Locks (a page served over plain http from another machine, an older Safari) another tab
  // training the same settings cannot be seen: deleting its record would make its later rounds fail to
  // save. An empty record in the Runs list is the lesser harm, so nothing is deleted then.
  if (!locks) return [];
  const store = await runStore();
  const dropped: string[] = [];
  for (const id of ids) {
    const drop = () => store.deleteIfNoRounds(id);
    const gone = await locks.request(runLock(id), { mode: 'exclusive', ifAvailable: true }, (lock) =>
      lock ? drop() : false,
    );
    if (gone) dropped.push(id);
  }
  if (dropped.length) runsChanged();
  return dropped;
}

/**
 * A stored run's config and rounds, read and decoded in the worker (LabEngine.storedRun): a run's masks
 * and weights are megabytes of structured clone that would block the page for 100+ ms; transferred
 * back they cost nothing here.
 */
export function readStoredRun(id: string): Promise<{ config: ExperimentConfig; records: RoundRecord[] } | null> {
  return getEngine().storedRun(id);
}

/**
 * Loads a stored run's records into the result views and, unless the form shows it already, its config
 * into the form — one render per step (yieldToBrowser), not one long task.
 */
export async function openStoredRun(id: string): Promise<boolean> {
  const data = await readStoredRun(id);
  if (!data) return false;
  useImpStore.getState().showStored(id, data.config, data.records);
  const form = selectValidation(useExperimentStore.getState()).config;
  // A gradient-descent run shows as GD (its settings in the GD panel); the form gets the ES experiment it
  // is the baseline of, never the GD run's reduced method list with the trainer hidden.
  const esForm = data.config.trainer
    ? esConfigForGd(data.config, [...(form ? [form] : []), ...PRESETS.map((p) => parseConfig(p.config))])
    : data.config;
  if (!form || canonicalJson(form) !== canonicalJson(esForm)) {
    await yieldToBrowser();
    useExperimentStore.getState().loadConfig(esForm);
  }
  return true;
}

/** A sweep across workers stores one run per seed (seed-pool.ts): their rounds, reassembled for the multi-seed config. */
async function readSweepRecords(config: ExperimentConfig): Promise<RoundRecord[]> {
  if (config.seeds.length < 2) return [];
  const parts = await Promise.all(seedConfigs(config).map((c) => readStoredRun(runId(c)).catch(() => null)));
  return parts.flatMap((p) => p?.records ?? []);
}

/**
 * Shows the stored curves of `config` if that exact config was run before (opening a config that
 * was already run shows its results at once), in one worker or as a sweep of per-seed runs. `wanted`, asked
 * once the rounds are read: false when a later request has taken over (a slow read must not replace the run
 * a later one showed); nothing is shown then.
 */
export async function showStoredIfAny(config: ExperimentConfig, wanted: () => boolean = () => true): Promise<boolean> {
  const id = runId(config);
  const data = await readStoredRun(id);
  const records = data && data.records.length ? data.records : await readSweepRecords(config);
  if (!records.length || !wanted()) return false;
  useImpStore.getState().showStored(id, data?.config ?? config, records);
  return true;
}

/**
 * The finished stored run of `config` — the one run, or every seed's run of a sweep across workers — or
 * null. Start asks first: a run's id is its settings, so computing them again would write over the
 * finished rounds (the same numbers on the same backend, so there is nothing to gain). Finished means
 * every seed × method chain reached the planned rounds: an unfinished run (an import made mid-run, even
 * one an older version stored as 'done') may be computed.
 */
export async function finishedRunOf(config: ExperimentConfig): Promise<StoredRun | null> {
  const runs = await (await runStore()).listRuns();
  const done = (id: string) =>
    runs.find((r) => r.id === id && r.status === 'done' && reachedPlannedRounds(r.summary)) ?? null;
  const whole = done(runId(config));
  if (whole || config.seeds.length < 2) return whole;
  const parts = seedConfigs(config).map((c) => done(runId(c)));
  return parts.every((r) => r !== null) ? parts[0] : null;
}

/**
 * The finished stored run of `config` (finishedRunOf), asked again when the settings change, a run ends or
 * the stored runs change; null while unknown or while a run is in flight. The run card says before the
 * click that Start would open it (StartsWhat.tsx), not compute it again. Null too for the run this page has
 * just trained to the end: its results are on screen, and the longer "already ran" line would appear after
 * the view has scrolled to them, pushing them down (Start then says so if pressed, open-finished.ts).
 */
export function useFinishedRun(config: ExperimentConfig | null): StoredRun | null {
  const status = useImpStore((s) => s.status);
  const justTrained = useImpStore((s) => (s.source === 'live' && s.status === 'done' ? s.config : null));
  const isJustTrained = useMemo(
    () => config !== null && justTrained !== null && runId(justTrained) === runId(config),
    [config, justTrained],
  );
  const [found, setFound] = useState<{ config: ExperimentConfig; run: StoredRun | null } | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => onRunsChanged(() => setChanges((n) => n + 1)), []);
  const active = isJobActive(status);
  useEffect(() => {
    if (!config || active) return;
    let current = true;
    finishedRunOf(config).then(
      (run) => current && setFound({ config, run }),
      () => current && setFound({ config, run: null }),
    );
    return () => {
      current = false;
    };
  }, [config, active, status, changes]);
  return !active && !isJustTrained && found && found.config === config ? found.run : null;
}

export async function deleteStoredRun(id: string): Promise<void> {
  await (await runStore()).deleteRun(id);
  runsChanged();
}

/** Downloads a run as a JSON bundle (config, rounds, masks, resume states). */
export async function exportStoredRun(id: string): Promise<void> {
  const bundle = await (await runStore()).toBundle(id);
  downloadText(`es-lottery-run-${id}.json`, exportBundle(bundle), 'application/json');
}

/** Validates and stores a bundle file; returns a message for the user (never throws). */
export async function importRunFile(file: File): Promise<{ ok: boolean; message: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Decoded in a worker (a big or hostile file must not freeze the page); on the page only without workers.
  let parsed: BundleImport;
  try {
    parsed =
      typeof Worker === 'function'
        ? await withBundleWorker<BundleImport>(
            (api) => api.importFile(transfer(bytes, [bytes.buffer])) as Promise<BundleImport>,
          )
        : importBundle(bytes);
  } catch (e) {
    return { ok: false, message: `${file.name} was not imported: ${(e as Error).message}` };
  }
  if (!parsed.ok) return { ok: false, message: `${file.name} was not imported: ${parsed.message}` };
  let stored: StoredRun;
  try {
    stored = await (await runStore()).importRun(parsed.bundle);
  } catch (e) {
    return { ok: false, message: `${file.name} was not imported: ${(e as Error).message}` };
  }
  runsChanged();
  return { ok: true, message: importedMessage(file.name, stored) };
}

/** What an import stored, in rounds as the run panel counts them, and how to go on with an unfinished run. */
export function importedMessage(name: string, run: StoredRun): string {
  const s = run.summary;
  const what = `Imported ${name}: ${roundsReachedText({ roundsDone: s.roundsDone, planned: s.roundsPlanned })}, ${trainedNetworksText(s.recordCount)}.`;
  if (reachedPlannedRounds(s)) return what;
  return run.resumable === false
    ? `${what} It did not finish. ${NO_RESUME_TEXT}`
    : `${what} It did not finish: press Resume to continue it from its last finished round.`;
}

/** Why an unfinished import has no Resume, and how to finish it (import message and Runs list). */
export const NO_RESUME_TEXT =
  'The file does not hold the training state needed to continue it, so it has no Resume: to finish it, ' +
  'press Start with its settings (Open loads them), which trains it again from round 1.';

/** What Open says of a stored run with no finished round (it has no curves to show), in the Runs list. */
export function nothingToShowText(canResume: boolean): string {
  const next = canResume ? ' Resume trains it from the first round; Delete removes it.' : '';
  return `Nothing to show yet: no round of this run has finished.${next}`;
}

export interface RunsListState {
  /** null until the first read answers (the view then says it is loading, not that there are none). */
  readonly runs: readonly StoredRun[] | null;
  readonly usage: { usageBytes: number; quotaBytes: number } | null;
  readonly error: string | null;
  reload(): void;
}

/** The stored runs (newest first) and storage use; reloads on runsChanged() and when rounds land (≤ 1/s). */
export function useRunsList(): RunsListState {
  const [runs, setRuns] = useState<readonly StoredRun[] | null>(null);
  const [usage, setUsage] = useState<RunsListState['usage']>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    runStore()
      .then((s) => s.listRuns())
      .then(
        (r) => {
          setRuns(r);
          setError(null);
        },
        (e: unknown) => setError(`Stored runs are unavailable: ${(e as Error).message}`),
      );
    storageEstimate().then(setUsage, () => setUsage(null));
  }, []);
  const roundCount = useImpStore((s) => s.records.length);
  const status = useImpStore((s) => s.status);
  useEffect(reload, [reload]); // at once when the list is first shown
  // …and a second after a round lands or the run's status changes: the worker's write may still be queued.
  useEffect(() => {
    const t = setTimeout(reload, 1000);
    return () => clearTimeout(t);
  }, [reload, roundCount, status]);
  useEffect(() => onRunsChanged(reload), [reload]);
  return { runs, usage, error, reload };
}
