/**
 * The tfjs backend of the lab worker, shared by the 2-D demo and the IMP experiment: the user's
 * preference (docs/ARCHITECTURE.md convention 10, "what the user chose") and what the worker's backend chain
 * reported (which backend is active, which were skipped and why); and how many CPU workers the user lets
 * the experiment use.
 */
import { create } from 'zustand';
import type { BackendPref, BackendReport } from '../protocol/worker-protocol';

export interface BackendState {
  readonly backendPref: BackendPref;
  /** CPU workers that share each generation's population (and a sweep's seeds); 'auto' = cores − 1. */
  readonly workers: number | 'auto';
  readonly backend: BackendReport | null;
  readonly backendStatus: 'idle' | 'initialising' | 'ready' | 'error';
  readonly backendError: string | null;
}

export interface BackendActions {
  setBackendPref(pref: BackendPref): void;
  setWorkers(workers: number | 'auto'): void;
  backendInitialising(): void;
  backendReady(report: BackendReport): void;
  backendFailed(message: string): void;
}

export const BACKEND_DEFAULT: BackendState = {
  backendPref: 'auto',
  workers: 'auto',
  backend: null,
  backendStatus: 'idle',
  backendError: null,
};

export const useBackendStore = create<BackendState & BackendActions>()((set) => ({
  ...BACKEND_DEFAULT,
  setBackendPref: (backendPref) => set({ backendPref }),
  setWorkers: (workers) => set({ workers }),
  backendInitialising: () => set({ backendStatus: 'initialising', backendError: null }),
  backendReady: (backend) => set({ backend, backendStatus: 'ready', backendError: null }),
  backendFailed: (backendError) => set({ backendStatus: 'error', backendError }),
}));

/** Backends that were tried and skipped, with why (for the badge's details). */
export function selectSkippedBackends(s: BackendState): { backend: string; reason: string }[] {
  return (s.backend?.attempts ?? []).filter((a) => !a.ok).map((a) => ({ backend: a.backend, reason: a.reason }));
}

/**
 * A forced backend (the badge's choice, `?backend=` or a shared config) that did not start, and the one the
 * chain used instead; null under 'auto' or when the forced one runs. The header says so out loud: the
 * fallback may be much slower, and the badge alone shows only the backend that runs.
 */
export function selectBackendFallback(s: BackendState): { requested: string; active: string } | null {
  const r = s.backend;
  return r && r.pref !== 'auto' && r.active !== r.pref ? { requested: r.pref, active: r.active } : null;
}
