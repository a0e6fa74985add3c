/**
 * The experiment form's settings survive a reload: every valid draft is kept in the browser's
 * localStorage, and the lab opens on it when the link names no settings of its own (a share link or a
 * teacher's preset replaces it). Only valid drafts are written, so a half-typed field never replaces the
 * last good settings; what is read back goes through the config schema, and anything it refuses (a draft
 * of an older lab, a damaged entry) is ignored and the lab opens on its default preset.
 */
import { parseConfig, type ExperimentConfig } from '../core/runs/config';
import { selectValidation, useExperimentStore } from './experiment-store';

export const DRAFT_KEY = 'es-lottery-lab:draft';

interface StoredDraft {
  readonly version: 1;
  readonly config: unknown;
}

/** The kept settings, or null when there are none or the schema refuses them. */
export function readDraft(storage: Pick<Storage, 'getItem'>): { config: ExperimentConfig } | null {
  try {
    const text = storage.getItem(DRAFT_KEY);
    if (!text) return null;
    const d = JSON.parse(text) as Partial<StoredDraft>;
    if (d.version !== 1) return null;
    return { config: parseConfig(d.config) };
  } catch {
    return null; // private mode, a full or damaged store, or settings this version no longer accepts
  }
}

/** Keeps `config` (a valid draft) for the next visit; a storage that refuses the write is left alone. */
export function writeDraft(storage: Pick<Storage, 'setItem'>, config: ExperimentConfig): void {
  try {
    const d: StoredDraft = { version: 1, config };
    storage.setItem(DRAFT_KEY, JSON.stringify(d));
  } catch {
    // quota or private mode: the settings just do not survive the reload
  }
}

/**
 * Loads the kept settings into the form (call before the links are applied, which replace them), then
 * keeps every later valid draft. Returns the function that stops keeping.
 */
export function keepDraftAcrossReloads(storage: Storage | undefined = globalThis.localStorage): () => void {
  if (!storage) return () => undefined;
  const kept = readDraft(storage);
  if (kept) useExperimentStore.getState().loadConfig(kept.config);
  return useExperimentStore.subscribe((s, prev) => {
    if (s.draft === prev.draft) return;
    const config = selectValidation(s).config;
    if (config) writeDraft(storage, config);
  });
}
