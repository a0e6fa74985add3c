/**
 * What the view shows (STYLE.md convention 10, store 3 of 3): presentation choices that never cross
 * into a worker — heatmap scale, trail visibility, chart-vs-table, which help text is expanded.
 */
import { create } from 'zustand';

export interface ViewState {
  /** Colour the heatmap by log10(1 + f − min) (default) or linearly. */
  readonly heatmapScale: 'log' | 'linear';
  readonly showTrail: boolean;
  /** Best-score chart shown as a data table instead (STYLE.md §11 table alternative). */
  readonly bestAsTable: boolean;
  /** Key of the help text currently expanded (one at a time), e.g. "pgpe.sigma_init". */
  readonly openHelp: string | null;
}

export interface ViewActions {
  setHeatmapScale(scale: ViewState['heatmapScale']): void;
  toggleTrail(): void;
  toggleBestAsTable(): void;
  toggleHelp(key: string): void;
}

export const VIEW_DEFAULT: ViewState = { heatmapScale: 'log', showTrail: true, bestAsTable: false, openHelp: null };

export const useViewStore = create<ViewState & ViewActions>()((set) => ({
  ...VIEW_DEFAULT,
  setHeatmapScale: (heatmapScale) => set({ heatmapScale }),
  toggleTrail: () => set((s) => ({ showTrail: !s.showTrail })),
  toggleBestAsTable: () => set((s) => ({ bestAsTable: !s.bestAsTable })),
  toggleHelp: (key) => set((s) => ({ openHelp: s.openHelp === key ? null : key })),
}));
