/**
 * The UI's bridge to the lab worker: the one lab worker (its lifecycle is src/lib/worker-lifecycle.ts),
 * and engine calls turned into store updates. Components call these actions; they never talk to the
 * worker. If the worker dies, the run is marked failed with the reason and the next call starts a fresh
 * worker.
 */
import { proxy, type Remote } from 'comlink';
import type { BackendPref, LabEngine, ToyGrid } from '../protocol/worker-protocol';
import { useDemoConfigStore, selectParams } from '../state/demo-config-store';
import { selectDemoActive, useDemoProgressStore } from '../state/demo-progress-store';
import { useBackendStore } from '../state/backend-store';
import { ManagedWorker, webWorkerHandle } from '../lib/worker-lifecycle';

const lab = new ManagedWorker<LabEngine>({
  name: 'the compute worker',
  create: () =>
    webWorkerHandle(
      new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' }),
    ),
  setup: (engine) => engine.setDataBaseUrl(new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href),
  ping: (engine) => engine.status(),
});

// A dead worker fails the backend badge and the demo; run bridges add their own listeners (onWorkerStopped).
lab.onStopped((reason) => {
  useBackendStore.getState().backendFailed(reason);
  useDemoProgressStore.getState().demoFailed(reason);
});

/** Calls `listener` with the reason when the worker dies (its pending calls never settle). Returns an unsubscribe. */
export function onWorkerStopped(listener: (message: string) => void): () => void {
  return lab.onStopped(listener);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Terminates the lab worker and reports `reason` as if it had died: pending calls are abandoned, the
 * stop listeners (the running job's bridge) mark the run failed, and the next call starts a new worker.
 * Used for the worker's `error` event and when the user gives up on a silent worker (src/lib/worker-watchdog.ts).
 */
export function abandonWorker(reason: string): void {
  lab.terminate(reason);
}

/**
 * Runs one long engine call (a demo, an analysis, a transfer) under a heartbeat (src/lib/worker-watchdog.ts):
 * if the worker stops answering for max(2 × the IMP limit (60 s), 6 × its longest normal gap) — no error event, pending calls
 * that would never settle — it is restarted and the call rejects with that reason, so the view shows an
 * error instead of waiting forever. IMP runs use their own watchdog, which asks the user (imp-client.ts).
 */
export function watchedCall<T>(what: string, call: (engine: Remote<LabEngine>) => Promise<T>): Promise<T> {
  return lab.watched((engine) => call(engine), {
    baseMs: 2 * watchdogBaseMs(),
    factor: 6,
    failure: (ms) =>
      new Error(
        `the compute worker stopped answering during ${what} (no reply for ${Math.round(ms / 1000)} s) and was restarted`,
      ),
  });
}

/** The worker's engine (started on first use); run-specific bridges (src/ui/run) call its methods. */
export function getEngine(): Remote<LabEngine> {
  return lab.api();
}

/** A heartbeat on the lab worker that only reports silence (the IMP run asks the user; imp-client.ts). */
export function labWatchdog(opts: Parameters<ManagedWorker<LabEngine>['watchdog']>[0]) {
  return lab.watchdog(opts);
}

const debugParams = typeof location !== 'undefined' ? new URLSearchParams(location.search) : null;

/**
 * Test hook, only with `?debug` in the page URL: `window.__labDebug.fail('device-lost' | 'worker-crash' |
 * 'worker-hang')` makes the worker behave as if the GPU device were lost, the worker had died with an
 * error, or it had stopped silently (LabEngine.debugFail), so the e2e test can check the "continue on the
 * next backend" paths. `&watchdog=S` sets the worker watchdog's silence limit to S seconds.
 */
if (debugParams?.has('debug')) {
  (window as unknown as { __labDebug: unknown }).__labDebug = {
    fail: (kind: 'device-lost' | 'worker-crash' | 'worker-hang') => {
      void getEngine().debugFail(kind);
    },
  };
}

/** Silence limit of the worker watchdog: 30 s, or `?debug&watchdog=S` for tests. */
export function watchdogBaseMs(): number {
  const s = Number(debugParams?.has('debug') ? debugParams.get('watchdog') : NaN);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 30_000;
}

/** Chooses the backend in the worker (walks the chain for 'auto') and records the report. */
let pendingInit: { pref: BackendPref; done: Promise<void> } | null = null;

/**
 * Chooses the backend in the worker (walks the chain for 'auto') and records the report. Concurrent
 * calls for the same preference share one walk (React StrictMode mounts effects twice).
 */
export function initBackend(pref: BackendPref = useBackendStore.getState().backendPref): Promise<void> {
  if (pendingInit && pendingInit.pref === pref) return pendingInit.done;
  const prev = pendingInit?.done ?? Promise.resolve();
  const done = prev
    .then(async () => {
      useBackendStore.getState().backendInitialising();
      try {
        useBackendStore.getState().backendReady(await getEngine().init(pref));
      } catch (err) {
        useBackendStore.getState().backendFailed(errorText(err));
      }
    })
    .finally(() => {
      if (pendingInit?.done === done) pendingInit = null;
    });
  pendingInit = { pref, done };
  return done;
}

/** Waits for a backend choice in flight, or starts one; compute calls must not race the first init. */
export async function ensureBackend(): Promise<void> {
  if (pendingInit) await pendingInit.done;
  if (useBackendStore.getState().backendStatus !== 'ready') await initBackend();
}

/** f on a res×res grid, computed in the worker (for the heatmap). */
export async function fetchToyGrid(fnId: string, res: number): Promise<ToyGrid> {
  await ensureBackend();
  return getEngine().toyGrid(fnId, res);
}

/** Starts the 2-D demo with the current choices; resolves when it ends (done, cancelled or failed). */
export async function startDemo(): Promise<void> {
  const cfgState = useDemoConfigStore.getState();
  const { demo } = cfgState;
  const progress = useDemoProgressStore.getState();
  progress.demoStarting(demo.generations, { fnId: demo.fnId, strategyId: demo.strategyId, popSize: demo.popSize });
  try {
    await ensureBackend();
    const outcome = await watchedCall('the 2-D demo', async (engine) =>
      engine.runDemo2d(
        { ...demo, params: selectParams(cfgState, demo.strategyId) },
        proxy((batch) => useDemoProgressStore.getState().demoBatch(batch)),
      ),
    );
    useDemoProgressStore.getState().demoFinished(outcome.status, outcome.ms);
  } catch (err) {
    useDemoProgressStore.getState().demoFailed(errorText(err));
  }
}

export async function pauseDemo(): Promise<void> {
  await getEngine().pause();
  useDemoProgressStore.getState().demoStatus('paused');
}

export async function resumeDemo(): Promise<void> {
  await getEngine().resume();
  useDemoProgressStore.getState().demoStatus('running');
}

export async function cancelDemo(): Promise<void> {
  await getEngine().cancel();
}

/**
 * Cancels the 2-D demo if it runs and resolves once it has ended, so the worker (one job at a time) can
 * take another job: the tour's first step starts the demo, and a class may move on before it finishes.
 */
export async function stopDemo(): Promise<void> {
  if (!selectDemoActive(useDemoProgressStore.getState())) return;
  const ended = new Promise<void>((resolve) => {
    const unsubscribe = useDemoProgressStore.subscribe((s) => {
      if (selectDemoActive(s)) return;
      unsubscribe();
      resolve();
    });
  });
  await cancelDemo();
  await ended;
}
