/**
 * The precomputed result of the chosen preset (shown at once and
 * clearly labelled as precomputed, while a live run fills in): load status per preset, the validated
 * overlay, and whether the user shows it. Loading is src/ui/run/precomputed-client.ts; the chart reads
 * `selectOverlay`. A failed load keeps its message and touches nothing else.
 */
import { create } from 'zustand';
import type { ExperimentConfig } from '../core/runs/config';
import { sameUpToSeeds } from '../core/runs/hash';
import type { PrecomputedLoad, PrecomputedOverlay } from '../core/runs/precomputed';

export type PrecomputedStatus = 'loading' | 'ready' | 'error';

export interface PrecomputedEntry {
  readonly status: PrecomputedStatus;
  readonly overlay: PrecomputedOverlay | null;
  readonly config: ExperimentConfig | null;
  readonly message: string | null;
}

export interface PrecomputedState {
  /** By preset id; presets without a shipped bundle have no entry. */
  readonly entries: Readonly<Record<string, PrecomputedEntry>>;
  /** The user's "show precomputed curves" choice (default on). */
  readonly visible: boolean;
}

export interface PrecomputedActions {
  loading(presetId: string): void;
  loaded(presetId: string, result: PrecomputedLoad, config: ExperimentConfig | null): void;
  toggleVisible(): void;
}

export const PRECOMPUTED_DEFAULT: PrecomputedState = { entries: {}, visible: true };

export const usePrecomputedStore = create<PrecomputedState & PrecomputedActions>()((set) => ({
  ...PRECOMPUTED_DEFAULT,
  loading: (id) =>
    set((s) => ({
      entries: { ...s.entries, [id]: { status: 'loading', overlay: null, config: null, message: null } },
    })),
  loaded: (id, result, config) =>
    set((s) => ({
      entries: {
        ...s.entries,
        [id]: result.ok
          ? { status: 'ready', overlay: result.overlay, config, message: null }
          : { status: 'error', overlay: null, config: null, message: result.message },
      },
    })),
  toggleVisible: () => set((s) => ({ visible: !s.visible })),
}));

/**
 * The entry to show next to the results of `shownConfig` (the run on screen; null when none): the chosen
 * preset's, unless the run on screen is a different experiment (an overlay of other settings would
 * mislead). Pure.
 */
export function selectOverlay(
  entries: PrecomputedState['entries'],
  presetId: string | null,
  shownConfig: ExperimentConfig | null,
): PrecomputedEntry | null {
  const e = presetId ? entries[presetId] : undefined;
  if (!e) return null;
  if (e.config && shownConfig && !sameUpToSeeds(e.config, shownConfig)) return null;
  return e;
}
