/**
 * Decodes tour evidence off the main thread: gunzip, JSON, zod and inflating ~100 masks and weight vectors
 * take a few hundred ms for a 3-seed bundle, a frozen page if done on a tour click. The records' typed
 * arrays are transferred back, not copied. No tfjs here.
 */
import { expose, transfer } from 'comlink';
import { fetchEvidence, type EvidenceFetch } from './evidence-fetch';

const api = {
  async load(id: string, baseUrl: string): Promise<EvidenceFetch> {
    const res = await fetchEvidence(id, baseUrl);
    if (!res.ok || res.data.kind !== 'bundle') return res;
    const buffers = res.data.records.flatMap((r) => [r.mask.buffer, r.mean.buffer, r.std.buffer] as ArrayBuffer[]);
    return transfer(res, [...new Set(buffers)]);
  },
};

export type EvidenceWorkerApi = typeof api;
expose(api);
