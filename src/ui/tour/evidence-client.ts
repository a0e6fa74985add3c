/**
 * Loads the tour's evidence into the evidence store, once per id, in a short-lived worker
 * (evidence.worker.ts; on the main thread only where workers are unavailable). Steps call
 * `useEvidence(ids)`, which starts what is not loaded yet.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { releaseProxy, wrap } from 'comlink';
import { useTourEvidenceStore, type EvidenceEntry } from '../../state/tour-evidence-store';
import type { EvidenceWorkerApi } from './evidence.worker';
import { fetchEvidence, type EvidenceFetch } from './evidence-fetch';

async function loadInWorker(id: string, base: string): Promise<EvidenceFetch> {
  const worker = new Worker(new URL('./evidence.worker.ts', import.meta.url), {
    type: 'module',
    name: 'tour-evidence',
  });
  const api = wrap<EvidenceWorkerApi>(worker);
  try {
    return await new Promise<EvidenceFetch>((resolve, reject) => {
      worker.addEventListener('error', (ev) => reject(new Error(ev.message || 'the evidence worker failed')));
      api.load(id, base).then(resolve, reject);
    });
  } finally {
    api[releaseProxy]();
    worker.terminate();
  }
}

function entryOf(res: EvidenceFetch): EvidenceEntry {
  if (res.ok) return { status: 'ready', data: res.data };
  return 'missing' in res ? { status: 'missing' } : { status: 'error', message: res.message };
}

/** Starts loading evidence `id` unless it is loaded or loading. */
export async function ensureEvidence(id: string): Promise<void> {
  const store = useTourEvidenceStore.getState();
  if (store.entries[id]) return;
  store.setEntry(id, { status: 'loading' });
  const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
  let res: EvidenceFetch;
  try {
    res = typeof Worker === 'function' ? await loadInWorker(id, base) : await fetchEvidence(id, base);
  } catch (e) {
    res = { ok: false, message: `cannot load this evidence (${e instanceof Error ? e.message : String(e)})` };
  }
  useTourEvidenceStore.getState().setEntry(id, entryOf(res));
}

/** The entries of `ids` (in order; undefined until loading starts), loading what is missing. */
export function useEvidence(ids: readonly string[]): readonly (EvidenceEntry | undefined)[] {
  const entries = useTourEvidenceStore(useShallow((s) => ids.map((id) => s.entries[id])));
  const key = ids.join(',');
  useEffect(() => {
    for (const id of key ? key.split(',') : []) void ensureEvidence(id);
  }, [key]);
  return entries;
}
