/**
 * Decodes a precomputed bundle off the main thread (for the precomputed overlays): fetching, gunzip, JSON,
 * zod, inflating ~100 masks and float vectors and the preset check take a few hundred ms for the 3-seed
 * mnist-quick bundle — a frozen page if done on a preset click. Same loader as the main-thread fallback
 * (src/core/runs/precomputed.ts); the records' typed arrays are transferred back, not copied. No tfjs here.
 * A user's own bundle file (Runs tab, "import") is validated here too.
 */
import { expose, transfer } from 'comlink';
import { loadPrecomputed, type PrecomputedLoad } from '../src/core/runs/precomputed';
import { fetchAppBytes } from '../src/storage/app-files';
import { importBundle, type BundleImport } from '../src/core/runs/bundle';

/** The typed arrays of a decoded bundle, to transfer them back instead of copying. */
function buffersOf(records: readonly { mask: Uint8Array; mean: Float32Array; std: Float32Array }[]): ArrayBuffer[] {
  return [...new Set(records.flatMap((r) => [r.mask.buffer, r.mean.buffer, r.std.buffer] as ArrayBuffer[]))];
}

const api = {
  async load(presetId: string, baseUrl: string): Promise<PrecomputedLoad | null> {
    const res = await loadPrecomputed(presetId, baseUrl, fetchAppBytes);
    if (!res || !res.ok) return res;
    return transfer(res, buffersOf(res.overlay.records));
  },
  /**
   * Validates a user's bundle file (gzip inflated in slices against the size limit, every check of
   * importBundle) here rather than on the page, so a hostile or huge file cannot freeze the tab.
   */
  importFile(bytes: Uint8Array): BundleImport {
    const res = importBundle(bytes);
    if (!res.ok) return res;
    const chains = res.bundle.chains ?? [];
    const buffers = [
      ...buffersOf(res.bundle.records),
      ...chains.flatMap((c) => [c.mask.buffer, c.init.buffer] as ArrayBuffer[]),
    ];
    return transfer(res, [...new Set(buffers)]);
  },
};

export type BundleWorkerApi = typeof api;
expose(api);
