/**
 * The header's badge with the active tfjs backend. Behind it (a disclosure, so the header stays one short
 * row on a phone): every backend that was tried with why it was skipped, a select that forces one (re-runs
 * the chain in the worker) and how many CPU workers share each generation's population. Under it, in view:
 * a line when a forced backend did not start, since a class must not wait on a slower one unawares.
 */
import { useShallow } from 'zustand/react/shallow';
import { BACKEND_CHAIN, type BackendPref } from '../protocol/worker-protocol';
import { selectBackendFallback, useBackendStore } from '../state/backend-store';
import { selectDemoActive, useDemoProgressStore } from '../state/demo-progress-store';
import { initBackend } from './lab-client';
import { selectImpActive, useImpStore } from '../state/imp-store';
import { defaultWorkers } from '../core/experiments/parallel/threads';
import { closeDetailsOnEscape } from './a11y/details-escape';
import './backend-badge.css';

const PREFS: readonly BackendPref[] = ['auto', ...BACKEND_CHAIN];
const CORES = globalThis.navigator?.hardwareConcurrency;
/** Choices for the CPU workers: 1 … the machine's cores (at least 1 … 2, at most 16). */
const WORKER_CHOICES = Array.from({ length: Math.min(16, Math.max(2, CORES ?? 2)) }, (_, i) => i + 1);

/** Under the badge, visible without opening it: the backend that was asked for did not start. */
export function BackendFallbackNotice({ fallback }: { fallback: { requested: string; active: string } | null }) {
  if (!fallback) return null;
  return (
    <p className="backend-fallback" role="status" data-testid="backend-fallback">
      {fallback.requested} is not available here: using {fallback.active}.
    </p>
  );
}

export function BackendBadge() {
  const { backend, backendStatus, backendError } = useBackendStore();
  const demoRunning = useDemoProgressStore(selectDemoActive);
  const impRunning = useImpStore(selectImpActive);
  const running = demoRunning || impRunning;
  const pref = useBackendStore((s) => s.backendPref);
  const setPref = useBackendStore((s) => s.setBackendPref);
  const workers = useBackendStore((s) => s.workers);
  const setWorkers = useBackendStore((s) => s.setWorkers);
  const fallback = useBackendStore(useShallow(selectBackendFallback));
  const text =
    backendStatus === 'initialising'
      ? 'choosing…'
      : backendStatus === 'error'
        ? 'error'
        : backend
          ? backend.active
          : 'none yet';
  return (
    <div className="backend">
      <details className="backend-details" onKeyDown={closeDetailsOnEscape}>
        <summary>
          <span
            className={`badge badge-${backendStatus}`}
            data-testid="backend-badge"
            data-backend={backend?.active ?? ''}
          >
            Backend: {text}
          </span>
          <span className="header-caret" aria-hidden="true">
            ▾
          </span>
        </summary>
        <div className="backend-pop">
          {backendError && (
            <p className="field-error" role="alert">
              {backendError}
            </p>
          )}
          {backend && (
            <ul className="attempts">
              {backend.attempts.map((a) => (
                <li key={a.backend} className={a.ok ? 'ok' : 'skipped'}>
                  <strong>{a.backend}</strong> {a.ok ? '✓ active' : '✗ skipped'}: {a.reason} ({a.ms} ms)
                </li>
              ))}
            </ul>
          )}
          <label className="backend-pref">
            <span>Backend preference</span>
            <select
              value={pref}
              disabled={running || backendStatus === 'initialising'}
              aria-label="Backend preference"
              onChange={(e) => {
                const p = e.target.value as BackendPref;
                setPref(p);
                void initBackend(p);
              }}
            >
              {PREFS.map((p) => (
                <option key={p} value={p}>
                  {p === 'auto' ? 'auto (fastest that passes)' : p}
                </option>
              ))}
            </select>
          </label>
          <label className="backend-pref">
            <span>CPU workers</span>
            <select
              value={String(workers)}
              disabled={running}
              aria-label="CPU workers"
              aria-describedby="cpu-workers-help"
              data-testid="cpu-workers"
              onChange={(e) => setWorkers(e.target.value === 'auto' ? 'auto' : Number(e.target.value))}
            >
              <option value="auto">auto ({defaultWorkers(CORES)})</option>
              {WORKER_CHOICES.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <p className="backend-help" id="cpu-workers-help">
            Each generation&apos;s population is shared out among this many CPU workers (and several seeds among them).
            More workers finish sooner on a computer with more cores; the results are exactly the same. Used with the
            WASM and CPU backends.
          </p>
        </div>
      </details>
      <BackendFallbackNotice fallback={fallback} />
    </div>
  );
}
