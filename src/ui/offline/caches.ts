/**
 * Names of the service worker's run-time caches (vite.config.ts's Workbox routes: data sets cache-first,
 * precomputed bundles stale-while-revalidate). Plain constants: vite.config.ts imports them at build time
 * and offline-files.ts at run time, so both sides name the same caches.
 */
export const OFFLINE_CACHES = { data: 'lab-data-v1', precomputed: 'lab-precomputed-v1' } as const;
