/**
 * Decodes a precomputed bundle off the main thread (for the precomputed overlays): fetching, gunzip, JSON,
 * zod, inflating ~100 masks and float vectors and the preset check take a few hundred ms for the 3-seed
 * mnist-quick bundle — a frozen page if done on a preset click. Same loader as the main-thread fallback
 * (src/core/runs/precomputed.ts); the records' typed arrays are transferred back, not copied. No tfjs here.
 */
import { expose, transfer } from 'comlink';
import { loadPrecomputed, type PrecomputedLoad } from '../src/core/runs/precomputed';
import { fetchAppBytes } from '../src/storage/app-files';

const api = {
  async load(presetId: string, baseUrl: string): Promise<PrecomputedLoad | null> {
    const res = await loadPrecomputed(presetId, baseUrl, fetchAppBytes);
    if (!res || !res.ok) return res;
    const buffers = res.overlay.records.flatMap((r) => [r.mask.buffer, r.mean.buffer, r.std.buffer] as ArrayBuffer[]);
    return transfer(res, [...new Set(buffers)]);
  },
};

export type BundleWorkerApi = typeof api;
expose(api);
