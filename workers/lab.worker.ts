/**
 * Web Worker entry (issue 5): exposes one `LabEngine` through comlink. All tfjs compute of the browser
 * lab happens here, on the backend chosen by `workers/backend.ts`; progress batches and grids are
 * posted back as transferables. Data files come from the app's own `public/data` (served next to the
 * app at BASE_URL); IMP rounds are persisted to IndexedDB from here, so a closed tab loses no round.
 */
import { expose, transfer } from 'comlink';
import { initBackend } from './backend';
import { LabEngine } from './lab-engine';
import { RunStore } from '../src/storage/run-store';

async function readBytes(path: string): Promise<Uint8Array> {
  const url = `${import.meta.env.BASE_URL}data/${path}`;
  const res = await fetch(new URL(url, self.location.href));
  if (!res.ok) throw new Error(`cannot load data file ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

expose(new LabEngine({ initBackend: (pref) => initBackend(pref), transfer, readBytes, openStore: () => RunStore.open() }));
