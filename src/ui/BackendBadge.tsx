/**
 * Shows the active tfjs backend and, on demand, every backend that was tried with why it was skipped;
 * a select forces one (re-runs the chain in the worker).
 */
import { BACKEND_CHAIN, type BackendPref } from '../protocol/worker-protocol';
import { useBackendStore } from '../state/backend-store';
import { selectDemoActive, useDemoProgressStore } from '../state/demo-progress-store';
import { initBackend } from './lab-client';
import { selectImpActive, useImpStore } from '../state/imp-store';

const PREFS: readonly BackendPref[] = ['auto', ...BACKEND_CHAIN];

export function BackendBadge() {
  const { backend, backendStatus, backendError } = useBackendStore();
  const demoRunning = useDemoProgressStore(selectDemoActive);
  const impRunning = useImpStore(selectImpActive);
  const running = demoRunning || impRunning;
  const pref = useBackendStore((s) => s.backendPref);
  const setPref = useBackendStore((s) => s.setBackendPref);
  const text =
    backendStatus === 'initialising'
      ? 'choosing backend…'
      : backendStatus === 'error'
        ? 'backend error'
        : backend
          ? backend.active
          : 'no backend yet';
  return (
    <div className="backend">
      <details className="backend-details">
        <summary>
          <span
            className={`badge badge-${backendStatus}`}
            data-testid="backend-badge"
            data-backend={backend?.active ?? ''}
          >
            Backend: {text}
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
        </div>
      </details>
      <label className="backend-pref">
        <span>Force</span>
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
    </div>
  );
}
