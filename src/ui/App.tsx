/**
 * Root of the ES Lottery Lab UI: header with the backend badge, then two views: the live ES-IMP
 * experiment (the default) and the 2-D ES demo with the strategy settings.
 * On first mount a share link in the URL is applied and the worker's backend is chosen
 * (`?backend=wasm` or the link's config can force one).
 */
import { useEffect, useState } from 'react';
import { BackendBadge } from './BackendBadge';
import { DemoPanel } from './demo/DemoPanel';
import { ExperimentPanel } from './experiment/ExperimentPanel';
import { initBackend } from './lab-client';
import { StrategySettings } from './settings/StrategySettings';
import { LinkErrors, applyShareLink } from './run/ShareBar';
import type { UrlIssue } from '../core/runs/url-codec';
import { BACKEND_PREFERENCES as BACKEND_PREFS } from '../core/runs/config';
import type { BackendPref } from '../protocol/worker-protocol';
import { useBackendStore } from '../state/backend-store';
import { useExperimentStore } from '../state/experiment-store';

const VIEWS = [
  { id: 'experiment', label: 'Lottery-ticket experiment' },
  { id: 'demo', label: '2-D ES demo' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

export function App() {
  const [view, setView] = useState<ViewId>(() =>
    new URLSearchParams(location.search).get('view') === 'demo' ? 'demo' : 'experiment',
  );
  const [linkErrors] = useState<readonly UrlIssue[]>(() => applyShareLink(location.search));
  useEffect(() => {
    // A forced backend in the URL (`?backend=wasm`) or in a shared config is chosen from the start, so
    // a slow or broken GPU backend is never even initialised for it.
    const asked = new URLSearchParams(location.search).get('backend') ?? useExperimentStore.getState().draft.backend;
    const pref = (BACKEND_PREFS as readonly string[]).includes(asked) ? (asked as BackendPref) : 'auto';
    if (pref !== 'auto') useBackendStore.getState().setBackendPref(pref);
    void initBackend(pref);
  }, []);
  return (
    <>
      <header className="app-header">
        <div className="title">
          <h1>ES Lottery Lab</h1>
          <p className="subtitle">Lottery tickets in evolutionary optimisation (Lange &amp; Sprekeler, ICML 2023)</p>
        </div>
        <nav className="view-nav" aria-label="Views">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-current={view === v.id ? 'page' : undefined}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </nav>
        <BackendBadge />
      </header>
      {linkErrors.length > 0 && (
        <div className="link-errors">
          <LinkErrors errors={linkErrors} />
        </div>
      )}
      {view === 'experiment' ? (
        <main className="experiment-main">
          <ExperimentPanel />
        </main>
      ) : (
        <main className="layout">
          <StrategySettings />
          <DemoPanel />
        </main>
      )}
    </>
  );
}
