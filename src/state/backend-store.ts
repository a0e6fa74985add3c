/**
 * The tfjs backend of the lab worker, shared by the 2-D demo and the IMP experiment: the user's
 * preference (docs/ARCHITECTURE.md convention 10, "what the user chose") and what the worker's backend chain
 * reported (which backend is active, which were skipped and why).
 */
import { create } from 'zustand';
import type { BackendPref, BackendReport } from '../protocol/worker-protocol';

export interface BackendState {
  readonly backendPref: BackendPref;
  readonly backend: BackendReport | null;
  readonly backendStatus: 'idle' | 'initialising' | 'ready' | 'error';
  readonly backendError: string | null;
}

export interface BackendActions {
  setBackendPref(pref: BackendPref): void;
  backendInitialising(): void;
  backendReady(report: BackendReport): void;
  backendFailed(message: string): void;
}

export const BACKEND_DEFAULT: BackendState = {
  backendPref: 'auto',
  backend: null,
  backendStatus: 'idle',
  backendError: null,
};

export const useBackendStore = create<BackendState & BackendActions>()((set) => ({
  ...BACKEND_DEFAULT,
  setBackendPref: (backendPref) => set({ backendPref }),
  backendInitialising: () => set({ backendStatus: 'initialising', backendError: null }),
  backendReady: (backend) => set({ backend, backendStatus: 'ready', backendError: null }),
  backendFailed: (backendError) => set({ backendStatus: 'error', backendError }),
}));

/** Backends that were tried and skipped, with why (for the badge's details). */
export function selectSkippedBackends(s: BackendState): { backend: string; reason: string }[] {
  return (s.backend?.attempts ?? []).filter((a) => !a.ok).map((a) => ({ backend: a.backend, reason: a.reason }));
}
