/**
 * One worker of a multi-seed sweep (src/ui/run/seed-pool.ts): a dedicated lab worker — the same
 * workers/lab.worker.ts and LabEngine as the main one — on the run's backend preference, reading data
 * from the app's own public/data. If the worker dies (out of memory, GPU device lost), its run rejects
 * with the reason instead of hanging the sweep. A worker that stops answering without an error event is
 * caught by a heartbeat (worker-watchdog.ts): unlike the single lab worker, where the user is asked, a
 * sweep worker silent for max(2 min, 8 × its longest normal gap) fails its seed (whose finished rounds
 * stay stored and resumable) so the other seeds and the sweep can finish.
 */
import { proxy, releaseProxy, wrap } from 'comlink';
import type { LabEngine } from '../../../workers/lab-engine';
import type { BackendPref } from '../../../workers/backend-chain';
import type { PoolWorker } from './seed-pool';
import { withHeartbeat } from './worker-watchdog';

/** A sweep worker silent this long (or 8 × its longest normal gap) fails its seed. */
const SILENT_LIMIT_MS = 120_000;

export async function createPoolWorker(pref: BackendPref, index: number): Promise<PoolWorker> {
  const worker = new Worker(new URL('../../../workers/lab.worker.ts', import.meta.url), {
    type: 'module',
    name: `lab-seed-${index}`,
  });
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (ev) =>
      reject(new Error(`a sweep worker stopped: ${ev.message || 'unknown error'}`)),
    );
  });
  died.catch(() => undefined); // observed through the races below
  const engine = wrap<LabEngine>(worker);
  const dispose = () => {
    engine[releaseProxy]();
    worker.terminate();
  };
  try {
    await Promise.race([
      engine.setDataBaseUrl(new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href),
      died,
    ]);
    const report = await Promise.race([engine.init(pref), died]);
    if (!report.active) throw new Error(`no tfjs backend for "${pref}" in a sweep worker`);
  } catch (err) {
    dispose();
    throw err;
  }
  return {
    engine: {
      runImp: (config, onProgress, options) =>
        Promise.race([
          withHeartbeat(
            async (alive) =>
              engine.runImp(
                config,
                proxy((msg) => {
                  alive();
                  onProgress(msg);
                }),
                options,
              ),
            {
              ping: () => engine.status(),
              baseMs: SILENT_LIMIT_MS,
              factor: 8,
              failure: (ms) => new Error(`a sweep worker stopped answering (no reply for ${Math.round(ms / 1000)} s)`),
            },
          ),
          died,
        ]),
      pause: () => engine.pause(),
      resume: () => engine.resume(),
      cancel: () => engine.cancel(),
    },
    dispose,
  };
}
