/**
 * One worker of a multi-seed sweep (src/ui/run/seed-pool.ts): a dedicated lab worker — the same
 * workers/lab.worker.ts and LabEngine as the main one — on the run's backend preference, reading data
 * from the app's own public/data. Its lifecycle is src/lib/worker-lifecycle.ts: if the worker dies (out
 * of memory, GPU device lost), its run rejects with the reason instead of hanging the sweep. A worker
 * that stops answering without an error event is caught by a heartbeat: unlike the single lab worker,
 * where the user is asked, a sweep worker silent for max(2 min, 8 × its longest normal gap) fails its
 * seed (whose finished rounds stay stored and resumable) so the other seeds and the sweep can finish.
 */
import { proxy } from 'comlink';
import type { BackendPref, ImpJobResult, LabEngine, RunOutcome } from '../../protocol/worker-protocol';
import { ManagedWorker, webWorkerHandle } from '../../lib/worker-lifecycle';
import type { PoolWorker } from './seed-pool';

/** A sweep worker silent this long (or 8 × its longest normal gap) fails its seed. */
const SILENT_LIMIT_MS = 120_000;

export async function createPoolWorker(pref: BackendPref, index: number): Promise<PoolWorker> {
  const worker = new ManagedWorker<LabEngine>({
    name: 'a sweep worker',
    create: () =>
      webWorkerHandle(
        new Worker(new URL('../../../workers/lab.worker.ts', import.meta.url), {
          type: 'module',
          name: `lab-seed-${index}`,
        }),
      ),
    setup: async (engine) => {
      await engine.setDataBaseUrl(new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href);
      const report = await engine.init(pref);
      if (!report.active) throw new Error(`no tfjs backend for "${pref}" in a sweep worker`);
    },
    ping: (engine) => engine.status(),
  });
  const dispose = () => worker.terminate();
  try {
    await worker.ready();
  } catch (err) {
    dispose();
    throw err;
  }
  return {
    engine: {
      runImp: (config, onProgress, options) =>
        worker.watched<RunOutcome<ImpJobResult>>(
          (engine, alive) =>
            engine.runImp(
              config,
              proxy((msg) => {
                alive();
                onProgress(msg);
              }),
              options,
            ),
          {
            baseMs: SILENT_LIMIT_MS,
            factor: 8,
            failure: (ms) => new Error(`a sweep worker stopped answering (no reply for ${Math.round(ms / 1000)} s)`),
          },
        ),
      pause: () => worker.api().pause(),
      resume: () => worker.api().resume(),
      cancel: () => worker.api().cancel(),
    },
    dispose,
  };
}
