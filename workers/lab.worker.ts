/**
 * Web Worker entry: exposes one `LabEngine` through comlink. All tfjs compute of the browser
 * lab happens here, on the backend chosen by `workers/backend.ts`; progress batches and grids are
 * posted back as transferables. Data files come from the app's own `public/data` (served next to the
 * app; the page tells the engine where, see setDataBaseUrl); IMP rounds are persisted to IndexedDB from
 * here, so a closed tab loses no round. A lost WebGPU device fails the running job with its reason (LabEngine.deviceLost), so the page can offer the next backend.
 */
import { expose, transfer } from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendReport } from './backend';
import { LabEngine } from './lab-engine';
import { RunStore } from '../src/storage/run-store';
import { readDataFile } from './read-data';
import type { EvalPeer } from '../src/core/experiments/parallel/protocol';
import { webWorkerHandle } from '../src/lib/worker-lifecycle';
import { managedEvalPeer } from './eval-peer';
import type { BrowserEvalWorkerApi } from './eval.worker';

type LostInfo = { readonly message?: string; readonly reason?: string };
const watched = new WeakSet<object>();

/** Reports a lost WebGPU device (driver reset, GPU removed) to the engine, which fails the running job. */
function watchDevice(report: BackendReport): BackendReport {
  const device =
    report.active === 'webgpu'
      ? (tf.backend() as unknown as { device?: { lost?: Promise<LostInfo> } }).device
      : undefined;
  if (device?.lost && !watched.has(device)) {
    watched.add(device);
    void device.lost.then((info) => engine.deviceLost(info.message || info.reason || 'no reason given'));
  }
  return report;
}

/** One evaluation worker (eval.worker.ts) for runs that split their population over CPU workers. */
function spawnEvalPeer(index: number, dataBaseUrl: string): EvalPeer {
  const name = `lab-eval-${index}`;
  return managedEvalPeer<BrowserEvalWorkerApi>({
    name,
    create: () => webWorkerHandle(new Worker(new URL('./eval.worker.ts', import.meta.url), { type: 'module', name })),
    setup: (api) => api.setDataBaseUrl(dataBaseUrl),
  });
}

const engine: LabEngine = new LabEngine({
  initBackend: async (pref) => watchDevice(await initBackend(pref)),
  transfer,
  readBytes: readDataFile,
  openStore: () => RunStore.open(),
  spawnEvalPeer,
});
expose(engine);
