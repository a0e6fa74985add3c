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
import { fetchAppBytes } from '../src/storage/app-files';
import { gzipSync } from 'fflate';

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

async function readBytes(path: string, baseUrl: string): Promise<Uint8Array> {
  const url = new URL(path, baseUrl || new URL(`${import.meta.env.BASE_URL}data/`, self.location.href)).href;
  let bytes: Uint8Array;
  try {
    bytes = await fetchAppBytes(url);
  } catch (e) {
    throw new Error(`cannot load data file ${url}: ${(e as Error).message}`);
  }
  // Some servers (vite preview/sirv among them) send `.gz` files with Content-Encoding: gzip, so fetch
  // hands back the inflated bytes. The IDX loader expects the file as stored: re-wrap it (level 0 =
  // stored blocks, a memcpy-speed step) instead of teaching core about HTTP.
  return path.endsWith('.gz') && !isGzip(bytes) ? gzipSync(bytes, { level: 0 }) : bytes;
}

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

const engine: LabEngine = new LabEngine({
  initBackend: async (pref) => watchDevice(await initBackend(pref)),
  transfer,
  readBytes,
  openStore: () => RunStore.open(),
});
expose(engine);
