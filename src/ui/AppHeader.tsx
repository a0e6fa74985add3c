/**
 * The header, one component on every view: the lab's name, the views, the offline status and the tools
 * (backend, projector mode, teacher link). Its layout is fixed grid areas (header.css), never content that
 * wraps, so no button moves when the view changes (the current view's button once made its row wider
 * and pushed the tools onto the next line). On a phone it is three short rows: the name, the views, the
 * status and the tools; the backend's choices sit behind its badge.
 */
import { BackendBadge } from './BackendBadge';
import { OfflineStatus } from './offline/OfflineStatus';
import { ProjectorToggle, TeacherMenu } from './tour/TeacherMenu';
import './header.css';

export const VIEWS = [
  { id: 'tour', label: 'Paper tour' },
  // On a phone the button shows "Experiment"; its accessible name stays the whole label, which contains it.
  { id: 'experiment', label: 'Lottery-ticket experiment', short: 'Experiment' },
  { id: 'demo', label: '2-D ES demo' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

export function AppHeader({ view, onView }: { view: ViewId; onView: (v: ViewId) => void }) {
  return (
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
            className={v.id === 'tour' ? 'nav-tour' : undefined}
            aria-current={view === v.id ? 'page' : undefined}
            onClick={() => onView(v.id)}
          >
            {'short' in v ? (
              <>
                <span className="nav-long">{v.label}</span>
                <span className="nav-short" aria-hidden="true">
                  {v.short}
                </span>
              </>
            ) : (
              v.label
            )}
          </button>
        ))}
      </nav>
      <OfflineStatus />
      <div className="header-tools">
        <BackendBadge />
        <ProjectorToggle />
        <TeacherMenu view={view} />
      </div>
    </header>
  );
}
