/**
 * Makes the built app work without a network after one visit (classroom Wi-Fi is flaky): registers the
 * Workbox service worker that vite-plugin-pwa generates (vite.config.ts; it precaches the app itself),
 * then fetches every data set file and precomputed bundle (offline-files.ts) into the worker's run-time
 * caches, one file at a time at low priority, skipping those already cached. A file that fails is
 * retried on the next visit; the header shows how far it got (OfflineStatus.tsx).
 */
import { registerSW } from 'virtual:pwa-register';
import { useOfflineStore } from '../../state/offline-store';
import { offlineFiles } from './offline-files';

/** Fetches the uncached files into their caches; resolves when every file was tried. */
export async function saveForOffline(baseUrl: string): Promise<void> {
  const files = offlineFiles();
  const failed: string[] = [];
  const set = useOfflineStore.setState;
  set({ phase: 'saving', done: 0, total: files.length, failed });
  for (const [i, f] of files.entries()) {
    const url = new URL(f.path, baseUrl).href;
    try {
      const cache = await caches.open(f.cache);
      if (!(await cache.match(url))) {
        const res = await fetch(url, { priority: 'low' } as RequestInit);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        // the server's page for a file this build does not ship (evidence not computed yet): nothing to keep
        if ((res.headers.get('content-type') ?? '').includes('text/html')) await res.body?.cancel();
        else await cache.put(url, res);
      }
    } catch {
      failed.push(f.path);
    }
    set({ done: i + 1 });
  }
  set({ phase: failed.length ? 'partial' : 'ready', failed: [...failed] });
}

/**
 * Registers the service worker of the built app. Under the dev server vite-plugin-pwa's register module is
 * a stub that never calls back, so the status stays 'unavailable' there.
 */
export function registerOffline(): void {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
  let started = false;
  const save = () => {
    if (started) return;
    started = true;
    void saveForOffline(base);
  };
  registerSW({
    immediate: true,
    onOfflineReady: save,
    onRegisteredSW: (_url, reg) => {
      // Installed on an earlier visit: onOfflineReady does not fire again.
      if (reg?.active) save();
      else if (!started) useOfflineStore.setState({ phase: 'installing' });
    },
    onRegisterError: () => useOfflineStore.setState({ phase: 'unavailable' }),
  });
}
