/**
 * Loads the chosen preset's precomputed bundle into the precomputed store, once per preset (issue 9):
 * fetched from the app's own public/precomputed/ (a relative URL under Vite's base, never the
 * internet) and validated by loadPrecomputed. The chart calls `usePrecomputedOverlay`.
 */
import { useEffect } from 'react';
import { parseConfig, type ExperimentConfig } from '../../core/runs/config';
import { getPreset } from '../../core/runs/presets';
import { getTask } from '../../core/tasks/registry';
import { useExperimentStore } from '../../state/experiment-store';
import { useImpStore } from '../../state/imp-store';
import { selectOverlay, usePrecomputedStore, type PrecomputedEntry } from '../../state/precomputed-store';
import { PRECOMPUTED, fetchAppBytes, loadPrecomputed } from './precomputed';

/** Starts loading preset `presetId`'s bundle unless it is loaded, loading or the preset ships none. */
export async function ensurePrecomputed(presetId: string, fetchBytes: (url: string) => Promise<Uint8Array> = fetchAppBytes): Promise<void> {
  const store = usePrecomputedStore.getState();
  if (!PRECOMPUTED[presetId] || store.entries[presetId]) return;
  store.loading(presetId);
  const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
  const result = await loadPrecomputed(presetId, base, fetchBytes);
  let config: ExperimentConfig | null = null;
  try { config = parseConfig(getPreset(presetId).config); } catch { /* the loader already reported it */ }
  if (result) usePrecomputedStore.getState().loaded(presetId, result, config);
}

/** The overlay entry for the chart (loading it on first use), whether it is shown, and its task kind. */
export function usePrecomputedOverlay(): { entry: PrecomputedEntry | null; visible: boolean; vision: boolean } {
  const presetId = useExperimentStore((s) => s.presetId);
  const shownConfig = useImpStore((s) => s.config);
  const entry = usePrecomputedStore((s) => selectOverlay(s.entries, presetId, shownConfig));
  const visible = usePrecomputedStore((s) => s.visible);
  useEffect(() => { if (presetId) void ensurePrecomputed(presetId); }, [presetId]);
  const vision = entry?.config ? getTask(entry.config.task.id).kind === 'vision' : true;
  return { entry, visible, vision };
}
