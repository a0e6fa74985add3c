/**
 * One worker of a multi-seed sweep (issue 9; src/ui/run/seed-pool.ts): a dedicated lab worker — the same
 * workers/lab.worker.ts and LabEngine as the main one — on the run's backend preference, reading data
 * from the app's own public/data. If the worker dies (out of memory, GPU device lost), its run rejects
 * with the reason instead of hanging the sweep.
 */
import { proxy, releaseProxy, wrap } from 'comlink';
import type { LabEngine } from '../../../workers/lab-engine';
import type { BackendPref } from '../../../workers/backend-chain';
import type { PoolWorker } from './seed-pool';

export async function createPoolWorker(pref: BackendPref, index: number): Promise<PoolWorker> {
  const worker = new Worker(new URL('../../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: `lab-seed-${index}` });
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (ev) => reject(new Error(`a sweep worker stopped: ${ev.message || 'unknown error'}`)));
  });
  died.catch(() => undefined); // observed through the races below
  const engine = wrap<LabEngine>(worker);
  const dispose = () => { engine[releaseProxy](); worker.terminate(); };
  try {
    await Promise.race([engine.setDataBaseUrl(new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href), died]);
    const report = await Promise.race([engine.init(pref), died]);
    if (!report.active) throw new Error(`no tfjs backend for "${pref}" in a sweep worker`);
  } catch (err) { dispose(); throw err; }
  return {
    engine: {
      runImp: (config, onProgress, options) => Promise.race([engine.runImp(config, proxy(onProgress), options), died]),
      pause: () => engine.pause(),
      resume: () => engine.resume(),
      cancel: () => engine.cancel(),
    },
    dispose,
  };
}
