/**
 * What the view shows (docs/ARCHITECTURE.md convention 10, "what the view shows"): presentation choices that never
 * cross
 * into a worker — heatmap scale, trail visibility, chart-vs-table, which help text is expanded,
 * per-seed curves and the experiment's result tab.
 */
import { create } from 'zustand';

export interface ViewState {
  /** Colour the heatmap by log10(1 + f − min) (default) or linearly. */
  readonly heatmapScale: 'log' | 'linear';
  readonly showTrail: boolean;
  /** Key of the help text currently expanded (one at a time), e.g. "pgpe.sigma_init". */
  readonly openHelp: string | null;
  /** Experiment charts shown as tables, by chart id (docs/ARCHITECTURE.md convention 11). */
  readonly chartAsTable: Readonly<Record<string, boolean>>;
  /** Sparsity chart: draw each seed's curve next to the mean ± band. */
  readonly perSeed: boolean;
  /** Result tab under the experiment (see ResultTabs). */
  readonly resultTab: string;
}

export interface ViewActions {
  setHeatmapScale(scale: ViewState['heatmapScale']): void;
  toggleTrail(): void;
  toggleHelp(key: string): void;
  toggleChartTable(chartId: string): void;
  togglePerSeed(): void;
  setResultTab(tab: string): void;
}

export const VIEW_DEFAULT: ViewState = {
  heatmapScale: 'log',
  showTrail: true,
  openHelp: null,
  chartAsTable: {},
  perSeed: false,
  resultTab: 'sparsity',
};

export const useViewStore = create<ViewState & ViewActions>()((set) => ({
  ...VIEW_DEFAULT,
  setHeatmapScale: (heatmapScale) => set({ heatmapScale }),
  toggleTrail: () => set((s) => ({ showTrail: !s.showTrail })),
  toggleHelp: (key) => set((s) => ({ openHelp: s.openHelp === key ? null : key })),
  toggleChartTable: (id) => set((s) => ({ chartAsTable: { ...s.chartAsTable, [id]: !s.chartAsTable[id] } })),
  togglePerSeed: () => set((s) => ({ perSeed: !s.perSeed })),
  setResultTab: (resultTab) => set({ resultTab }),
}));
