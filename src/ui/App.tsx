/**
 * Root of the ES Lottery Lab UI: the header (AppHeader.tsx: the views, the backend, projector mode and the
 * teacher's link), then three views: the paper tour (src/ui/tour; `?tour=3`), the live ES-IMP experiment (the
 * default) and the 2-D ES demo with the strategy settings. On first mount a share or teacher's link in
 * the URL is applied and the worker's backend is chosen (`?backend=wasm` or the link's config can force one).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { AppHeader, type ViewId } from './AppHeader';
import { SkipLink } from './a11y/SkipLink';
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
import { useViewStore } from '../state/view-store';
import { applyLessonLink, useProjectorMode } from './tour/lesson-link';
import { focusResultTab, showStepRunIfNone } from './tour/open-in-lab';

const TourView = lazy(() => import('./tour/TourView').then((m) => ({ default: m.TourView })));

/** Share link (`c=…`) first, then a teacher's link (`tour`, `preset`, `simple`, `projector`). */
function applyLinks(search: string): { errors: readonly UrlIssue[]; view: ViewId } {
  const shareErrors = applyShareLink(search);
  const lesson = applyLessonLink(search);
  const view = lesson.tour ? 'tour' : new URLSearchParams(search).get('view') === 'demo' ? 'demo' : 'experiment';
  return { errors: [...shareErrors, ...lesson.errors], view };
}

export function App() {
  const [start] = useState(() => applyLinks(location.search));
  const [view, setView] = useState<ViewId>(start.view);
  const linkErrors = start.errors;
  useProjectorMode();
  const openLab = async (tab: string, runEvidence: string | null) => {
    await showStepRunIfNone(runEvidence).catch(() => false);
    useViewStore.getState().setResultTab(tab);
    setView('experiment');
    focusResultTab();
  };
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
      <SkipLink target={view === 'tour' ? 'tour' : 'main'} />
      <AppHeader view={view} onView={setView} />
      {linkErrors.length > 0 && (
        <div className="link-errors">
          <LinkErrors errors={linkErrors} />
        </div>
      )}
      {view === 'tour' ? (
        <Suspense fallback={<p className="muted tour-loading">Loading the paper tour…</p>}>
          <TourView onOpenLab={openLab} />
        </Suspense>
      ) : view === 'experiment' ? (
        <main id="main" tabIndex={-1} className="experiment-main">
          <ExperimentPanel />
        </main>
      ) : (
        // The demo comes first in the reading and Tab order; on wide screens CSS puts the settings on its left.
        <main id="main" tabIndex={-1} className="layout demo-layout">
          <DemoPanel />
          <StrategySettings />
        </main>
      )}
    </>
  );
}
