/**
 * The paper tour's precomputed evidence as it loads (core/tour/evidence.ts): per evidence id, loading,
 * ready (decoded), missing (the file is not shipped yet: "not computed yet") or an error message. Loading
 * is src/ui/tour/evidence-client.ts; a failed load keeps its message and touches nothing else.
 */
import { create } from 'zustand';
import type { EvidenceData } from '../core/tour/evidence-decode';

export type EvidenceEntry =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly data: EvidenceData };

export interface TourEvidenceState {
  readonly entries: Readonly<Record<string, EvidenceEntry>>;
}

export interface TourEvidenceActions {
  setEntry(id: string, entry: EvidenceEntry): void;
}

export const useTourEvidenceStore = create<TourEvidenceState & TourEvidenceActions>()((set) => ({
  entries: {},
  setEntry: (id, entry) => set((s) => ({ entries: { ...s.entries, [id]: entry } })),
}));
