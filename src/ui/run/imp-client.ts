/**
 * The UI's bridge for IMP runs (live runs and resumed ones): starts the worker's `runImp`
 * with the validated config, feeds its streamed messages into the IMP store, and routes pause / resume /
 * cancel / backend benchmark. If the run fails (GPU device lost, worker died), the store keeps the
 * backend it failed on so the UI can offer to continue on the next backend from the last stored round.
 * A fresh multi-seed run on a machine with spare cores is a sweep: one worker per seed, sized to the
 * machine (seed-pool.ts), each seed its own stored run; pause / resume / cancel reach every worker.
 */
import { proxy } from 'comlink';
import type { ExperimentConfig } from '../../core/runs/config';
import { runId } from '../../core/runs/hash';
import {
  BACKEND_CHAIN,
  WORKER_BUSY_ERROR,
  type BackendName,
  type ImpJobResult,
  type RunOutcome,
} from '../../protocol/worker-protocol';
import { useExperimentStore, selectValidation } from '../../state/experiment-store';
import { useImpStore } from '../../state/imp-store';
import { useBackendStore } from '../../state/backend-store';
import { yieldToBrowser } from '../frames';
import {
  abandonWorker,
  ensureBackend,
  getEngine,
  initBackend,
  labWatchdog,
  onWorkerStopped,
  watchdogBaseMs,
} from '../lab-client';
import type { WorkerWatchdog } from '../../lib/worker-watchdog';
import { dropRunsWithoutRounds, holdingRuns, openStoredRun } from './run-db';
import { openIfFinished } from './open-finished';
import { SeedPool, seedConfigs } from './seed-pool';
import { planThreads } from '../../core/experiments/parallel/threads';
import { createPoolWorker } from './pool-worker';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The backend a failed start is blamed on, which makes the page offer "continue on the next backend"; none
 * when the worker was only busy with another job (e.g. the 2-D demo): another backend would not help.
 */
const failedBackendOf = (err: unknown): string | null =>
  err instanceof Error && err.name === WORKER_BUSY_ERROR ? null : (useBackendStore.getState().backend?.active ?? null);

/** Switches the worker to the config's backend preference when it names one other than the current. */
async function switchToConfigBackend(config: ExperimentConfig): Promise<void> {
  const pref = useBackendStore.getState().backendPref;
  if (config.backend !== pref) {
    useBackendStore.getState().setBackendPref(config.backend);
    await initBackend(config.backend);
  } else await ensureBackend();
}

let stopWatch: (() => void) | null = null;

/**
 * A run cancelled before any round finished keeps nothing (the Cancel dialog says so, cancel-text.ts): its
 * stored records go, unless they hold a round after all (stored before, or written by another tab) or
 * another tab is training them (run-db.ts dropRunsWithoutRounds). Never fails the cancel.
 */
async function forgetIfNoRounds(ids: readonly string[]): Promise<void> {
  await dropRunsWithoutRounds(ids).catch(() => []);
}
/** Heartbeat of the single-worker run in flight (src/lib/worker-watchdog.ts). */
let watchdog: WorkerWatchdog | null = null;
let pool: SeedPool | null = null;

/**
 * Runs `config`'s seeds across `workers` dedicated workers, each splitting its populations over
 * `workersPerRun` CPU workers; every outcome lands in the IMP store.
 */
async function startSweep(config: ExperimentConfig, workers: number, workersPerRun: number): Promise<void> {
  const store = () => useImpStore.getState();
  store().poolStarting(config, performance.now(), workers);
  let created = 0;
  const thisPool = new SeedPool(
    config,
    workers,
    {
      createWorker: () => createPoolWorker(config.backend, created++),
      onProgress: (seed, msg) => store().seedProgress(seed, msg),
      onSeedStatus: (seed, status, error) => store().seedStatus(seed, status, error),
    },
    workersPerRun,
  );
  pool = thisPool;
  const ids = seedConfigs(config).map(runId);
  try {
    const status = await holdingRuns(ids, () => thisPool.run());
    if (status === 'cancelled') await forgetIfNoRounds(ids);
    store().finished(status);
  } catch (err) {
    store().failed(errorText(err), null);
  } finally {
    if (pool === thisPool) pool = null;
  }
}

/**
 * Starts (or, with `resume`, continues from IndexedDB) an IMP run of `config` (default: the form's
 * validated config) on the config's backend preference (`keepBackend`: on the one active now). Resolves
 * when the run ends; every outcome lands in the IMP store.
 * Settings whose run is finished and stored open that run instead (open-finished.ts), unless `again`: the
 * tour's "Run it live", which a student presses to watch the run stream (the same numbers are written).
 */
export async function startImp(
  options: { resume?: boolean; config?: ExperimentConfig; keepBackend?: boolean; again?: boolean } = {},
): Promise<void> {
  const config = options.config ?? selectValidation(useExperimentStore.getState()).config;
  if (!config) return;
  if (!options.resume && !options.again && (await openIfFinished(config))) return;
  // Resuming continues the stored multi-seed run in the one lab worker; a fresh start may fan out. One
  // scheduler shares the CPU workers between seeds and each seed's population (threads.ts).
  const chosen = useBackendStore.getState().workers;
  const plan = planThreads({
    seeds: options.resume ? 1 : config.seeds.length,
    cores: globalThis.navigator?.hardwareConcurrency,
    workers: chosen === 'auto' ? undefined : chosen,
  });
  if (plan.lanes > 1) return startSweep(config, plan.lanes, plan.workersPerRun);
  const shown = useImpStore.getState();
  // Resuming: the rounds already stored (and shown) stay; the worker streams only the missing ones.
  const keep = options.resume && shown.runId === runId(config) ? shown.records : [];
  shown.starting(config, performance.now(), keep);
  stopWatch?.();
  watchdog?.stop();
  stopWatch = onWorkerStopped((msg) => {
    // A dead worker's runImp call never settles, so this listener (not the finally below) ends the watch.
    watchdog?.stop();
    useImpStore.getState().failed(msg, useBackendStore.getState().backend?.active ?? null);
  });
  let dog: WorkerWatchdog | null = null;
  try {
    if (options.keepBackend) await ensureBackend();
    else await switchToConfigBackend(config);
    const engine = getEngine();
    const thisDog = labWatchdog({
      onSilent: (forMs, longestGapMs) => useImpStore.getState().setSilence({ forMs, longestGapMs }),
      onAlive: () => useImpStore.getState().setSilence(null),
      baseMs: watchdogBaseMs(),
    });
    dog = watchdog = thisDog;
    thisDog.start();
    const id = runId(config);
    const outcome = await holdingRuns<RunOutcome<ImpJobResult>>([id], () =>
      engine.runImp(
        config,
        proxy((msg) => {
          thisDog.alive();
          useImpStore.getState().progress(msg, performance.now());
        }),
        { resume: options.resume ?? false, workers: plan.workersPerRun },
      ),
    );
    if (outcome.status === 'cancelled') await forgetIfNoRounds([id]);
    useImpStore.getState().finished(outcome.status);
  } catch (err) {
    useImpStore.getState().failed(errorText(err), failedBackendOf(err));
  } finally {
    dog?.stop();
    if (watchdog === dog) watchdog = null;
    stopWatch?.();
    stopWatch = null;
  }
}

/** "Keep waiting" on the silent-worker warning: hides it for one more silence limit. */
export function keepWaiting(): void {
  watchdog?.snooze();
  useImpStore.getState().setSilence(null);
}

/**
 * The user gives up on a worker that stopped answering (src/lib/worker-watchdog.ts): it is terminated, the run is
 * marked failed on its backend, and the same run continues on the next backend from its last stored round.
 */
export async function abandonSilentWorker(): Promise<void> {
  const { silence } = useImpStore.getState();
  const secs = silence ? Math.round(silence.forMs / 1000) : 0;
  abandonWorker(`the compute worker stopped answering (no reply for ${secs} s) and was stopped`);
  await continueOnNextBackend();
}

export async function pauseImp(): Promise<void> {
  if (pool) {
    // Shown at once: the replies of several busy workers can queue behind their progress messages on a
    // loaded machine; each worker stops at its next generation boundary either way (seed-pool.test.ts).
    useImpStore.getState().setStatus('paused', performance.now());
    await pool.pause();
    return;
  }
  await getEngine().pause();
  useImpStore.getState().setStatus('paused', performance.now());
}

export async function resumeImp(): Promise<void> {
  if (pool) await pool.resume();
  else await getEngine().resume();
  useImpStore.getState().setStatus('running', performance.now());
}

export async function cancelImp(): Promise<void> {
  if (pool) await pool.cancel();
  else await getEngine().cancel();
}

/** The backend after `failed` in the chain (wasm → cpu); null at the end of the chain. */
export function nextBackend(failed: string | null): BackendName | null {
  const i = BACKEND_CHAIN.indexOf(failed as BackendName);
  return i >= 0 && i + 1 < BACKEND_CHAIN.length ? BACKEND_CHAIN[i + 1] : null;
}

/**
 * After a failure: force the next backend and continue the same run from its last stored round. The
 * charts are reset to the stored rounds first: a worker that died may have streamed a round it never
 * stored, which the resumed run trains again.
 */
export async function continueOnNextBackend(): Promise<void> {
  const { failedBackend, config } = useImpStore.getState();
  const next = nextBackend(failedBackend);
  if (!next || !config) return;
  useBackendStore.getState().setBackendPref(next);
  await initBackend(next);
  // Same config (its backend preference is part of the run id), so the stored rounds are found.
  const stored = await getEngine().storedRun(runId(config));
  useImpStore.getState().showStored(runId(config), config, stored?.records ?? []);
  await yieldToBrowser();
  await startImp({ resume: true, config, keepBackend: true });
}

/** Reopens a stored run (rounds read in the worker) and continues it from its last finished round. */
export async function resumeStoredRun(id: string): Promise<void> {
  if (!(await openStoredRun(id))) return;
  const config = useImpStore.getState().config;
  if (!config) return;
  await yieldToBrowser();
  await startImp({ resume: true, config });
}

/** Measures evaluations/s of the form's network and task on every available backend. */
export async function benchmarkBackends(): Promise<void> {
  const config = selectValidation(useExperimentStore.getState()).config;
  if (!config) return;
  const st = useImpStore.getState();
  st.benchStarted();
  try {
    await ensureBackend();
    const out = await getEngine().benchmarkBackends(config);
    useImpStore.getState().benchDone(out.status === 'done' ? out.result : null, 'cancelled');
  } catch (err) {
    useImpStore.getState().benchDone(null, errorText(err));
  }
}
