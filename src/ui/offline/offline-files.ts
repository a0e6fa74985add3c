/**
 * The files the app keeps for offline use besides itself (the service worker precaches the built app):
 * every file of every data set in the vision registry, every preset's precomputed bundle and every file
 * of the paper tour's evidence. Registry-driven, so a new data set, bundle or evidence file is kept offline
 * without touching this module.
 */
import { DATASETS } from '../../core/tasks/vision/datasets';
import { PRECOMPUTED } from '../../core/runs/precomputed';
import { EVIDENCE } from '../../core/tour/evidence';
import { OFFLINE_CACHES } from './caches';

export interface OfflineFile {
  /** Path relative to the app's base URL. */
  readonly path: string;
  /** The run-time cache the service worker stores it in. */
  readonly cache: string;
}

export function offlineFiles(): OfflineFile[] {
  const data = DATASETS.flatMap((d) =>
    Object.values(d.files).map((f) => ({ path: `data/${f}`, cache: OFFLINE_CACHES.data })),
  );
  const bundles = [...new Set([...Object.values(PRECOMPUTED), ...EVIDENCE.map((e) => e.file)])].map((f) => ({
    path: `precomputed/${f}`,
    cache: OFFLINE_CACHES.precomputed,
  }));
  return [...data, ...bundles];
}
