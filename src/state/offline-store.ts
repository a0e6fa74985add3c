/**
 * Whether the app works offline yet (the service worker's precache of the app, then the data sets and
 * precomputed bundles fetched into its run-time caches; src/ui/offline/register.ts). View state only.
 */
import { create } from 'zustand';

export type OfflinePhase =
  /** No service worker here (the dev server, or a browser without one). */
  | 'unavailable'
  /** The service worker is installing the app. */
  | 'installing'
  /** The app is cached; data sets and bundles are being fetched into the caches. */
  | 'saving'
  /** Everything is cached. */
  | 'ready'
  /** Some files could not be fetched (retried on the next visit). */
  | 'partial';

export interface OfflineState {
  readonly phase: OfflinePhase;
  /** Data files cached so far / in all. */
  readonly done: number;
  readonly total: number;
  readonly failed: readonly string[];
}

export const OFFLINE_DEFAULT: OfflineState = { phase: 'unavailable', done: 0, total: 0, failed: [] };

export const useOfflineStore = create<OfflineState>()(() => OFFLINE_DEFAULT);
