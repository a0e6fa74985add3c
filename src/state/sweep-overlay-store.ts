/**
 * The collected sweep shown in the Runs tab (src/ui/run/sweep-import.ts loads it): its curves per
 * configuration and method, which task kind it is (accuracy in % or returns), the files it came from,
 * and which method the chart shows. View state only; the imported runs themselves are in the run store.
 */
import { create } from 'zustand';
import type { SweepOverlay } from '../core/sweep/overlay';

export interface SweepOverlayState {
  readonly overlay: SweepOverlay | null;
  /** Vision runs show test accuracy in %, control runs their return. */
  readonly vision: boolean;
  readonly files: readonly string[];
  /** The method whose curves are drawn; null = all methods. */
  readonly method: string | null;
}

export interface SweepOverlayActions {
  show(overlay: SweepOverlay, vision: boolean, files: readonly string[]): void;
  setMethod(method: string | null): void;
  clear(): void;
}

export const SWEEP_OVERLAY_DEFAULT: SweepOverlayState = { overlay: null, vision: true, files: [], method: null };

export const useSweepOverlayStore = create<SweepOverlayState & SweepOverlayActions>()((set) => ({
  ...SWEEP_OVERLAY_DEFAULT,
  show: (overlay, vision, files) => set({ overlay, vision, files, method: null }),
  setMethod: (method) => set({ method }),
  clear: () => set(SWEEP_OVERLAY_DEFAULT),
}));
