/**
 * One line in the header saying whether the lab works offline yet (register.ts fills the store), and
 * that the lab runs from its saved copy while the network is down. Not a live region: it changes with
 * every cached file.
 */
import { useSyncExternalStore } from 'react';
import { useOfflineStore } from '../../state/offline-store';

function subscribeOnline(cb: () => void): () => void {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
}

export function OfflineStatus() {
  const { phase, done, total, failed } = useOfflineStore();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  if (phase === 'unavailable') return null;
  const text =
    phase === 'installing'
      ? 'Saving the lab for offline use…'
      : phase === 'saving'
        ? `Saving data for offline use: ${done} of ${total} files`
        : phase === 'ready'
          ? 'Works offline'
          : `Works offline, except ${failed.length} data file${failed.length === 1 ? '' : 's'} (tried again next visit)`;
  return (
    <p className="offline-status" data-offline={phase} title={failed.length ? failed.join(', ') : undefined}>
      {!online && <strong>No network: running from the saved copy. </strong>}
      {text}
    </p>
  );
}
