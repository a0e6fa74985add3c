/**
 * Loads the chosen preset's precomputed bundle into the precomputed store, once per preset:
 * fetched from the app's own public/precomputed/ (a relative URL under Vite's base, never the
 * internet) and validated by loadPrecomputed — in a short-lived worker (workers/bundle.worker.ts), so
 * the decoding never blocks the page; on the main thread only where workers are unavailable. The chart
 * calls `usePrecomputedOverlay`.
 */
import { useEffect } from 'react';
import type { Remote } from 'comlink';
import type { BundleWorkerApi } from '../../protocol/worker-protocol';
import { parseConfig, type ExperimentConfig } from '../../core/runs/config';
import { getPreset } from '../../core/runs/presets';
import { getTask } from '../../core/tasks/registry';
import { useExperimentStore } from '../../state/experiment-store';
import { useImpStore } from '../../state/imp-store';
import { selectOverlay, usePrecomputedStore, type PrecomputedEntry } from '../../state/precomputed-store';
import { PRECOMPUTED, loadPrecomputed, type PrecomputedLoad } from '../../core/runs/precomputed';
import { fetchAppBytes } from '../../storage/app-files';
import { ManagedWorker, webWorkerHandle } from '../../lib/worker-lifecycle';

/** Runs `call` against a short-lived bundle worker (workers/bundle.worker.ts); throws if it cannot start. */
export async function withBundleWorker<T>(call: (api: Remote<BundleWorkerApi>) => Promise<T>): Promise<T> {
  const worker = new ManagedWorker<BundleWorkerApi>({
    name: 'the bundle worker',
    create: () =>
      webWorkerHandle(
        new Worker(new URL('../../../workers/bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle' }),
      ),
  });
  try {
    return await worker.call(call);
  } finally {
    worker.terminate();
  }
}

/** Fetches and validates in a worker (transferring the arrays back); throws if the worker cannot start. */
function loadInWorker(presetId: string, base: string): Promise<PrecomputedLoad | null> {
  return withBundleWorker<PrecomputedLoad | null>((api) => api.load(presetId, base) as Promise<PrecomputedLoad | null>);
}

/** Starts loading preset `presetId`'s bundle unless it is loaded, loading or the preset ships none. */
export async function ensurePrecomputed(presetId: string): Promise<void> {
  const store = usePrecomputedStore.getState();
  if (!PRECOMPUTED[presetId] || store.entries[presetId]) return;
  store.loading(presetId);
  const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
  let result: PrecomputedLoad | null;
  try {
    result =
      typeof Worker === 'function'
        ? await loadInWorker(presetId, base)
        : await loadPrecomputed(presetId, base, fetchAppBytes);
  } catch (e) {
    result = {
      ok: false,
      message: `cannot load the precomputed result for ${presetId} (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  let config: ExperimentConfig | null = null;
  try {
    config = parseConfig(getPreset(presetId).config);
  } catch {
    /* the loader already reported it */
  }
  if (result) usePrecomputedStore.getState().loaded(presetId, result, config);
}

/** The overlay entry for the chart (loading it on first use), whether it is shown, and its task kind. */
export function usePrecomputedOverlay(): { entry: PrecomputedEntry | null; visible: boolean; vision: boolean } {
  const presetId = useExperimentStore((s) => s.presetId);
  const shownConfig = useImpStore((s) => s.config);
  const entry = usePrecomputedStore((s) => selectOverlay(s.entries, presetId, shownConfig));
  const visible = usePrecomputedStore((s) => s.visible);
  useEffect(() => {
    if (presetId) void ensurePrecomputed(presetId);
  }, [presetId]);
  const vision = entry?.config ? getTask(entry.config.task.id).metric === 'accuracy' : true;
  return { entry, visible, vision };
}
