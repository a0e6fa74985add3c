/**
 * Stored runs: every run in IndexedDB with its progress, reopen (curves at once), resume an
 * interrupted run, delete, export as a bundle, import a bundle (validated; a bad file is rejected with
 * its reason and nothing stored changes), import a collected sweep (its bundles, overlaid on one chart:
 * sweep-import.ts), and the storage used. Resume moves focus and the view to the Run panel, where the
 * resumed run's progress shows; Open on a run with no finished round says there is nothing to show yet.
 */
import { memo, useState } from 'react';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import {
  NO_RESUME_TEXT,
  nothingToShowText,
  deleteStoredRun,
  exportStoredRun,
  importRunFile,
  openStoredRun,
  useRunsList,
} from './run-db';
import { resumeStoredRun } from './imp-client';
import type { StoredRun } from '../../storage/run-store';
import { importSweepFiles } from './sweep-import';
import { SweepOverlayChart } from './SweepOverlayChart';
import { runTitle } from '../../core/names';
import { STATUS_WORDS } from '../../state/job-status';
import { savedRoundsText, trainedNetworksText } from '../../state/stored-progress';
import { reachedPlannedRounds } from '../../storage/run-summary';
import { focusRunProgress } from '../a11y/use-focus-after-start';

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

/** The list's title of a run: what it trained (names, not ids); an imported run's own label when it has one. */
function title(r: StoredRun): string {
  return r.label && !r.precomputed ? `${r.label} — ${runTitle(r.config)}` : runTitle(r.config);
}

/** An unfinished import whose file lacks the states Resume continues from (storage/import-status.ts). */
const unresumable = (r: StoredRun) => r.resumable === false && !reachedPlannedRounds(r.summary);

export const RunsPanel = memo(function RunsPanel() {
  const { runs, usage, error } = useRunsList();
  const active = useImpStore(selectImpActive);
  const openId = useImpStore((s) => s.runId);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // the run whose Open found nothing to show (no finished round)
  const [empty, setEmpty] = useState<string | null>(null);
  return (
    <section className="runs" aria-labelledby="runs-h">
      <div className="panel-head first">
        <h3 id="runs-h">Stored runs</h3>
        {usage && (
          <span className="muted small" data-testid="storage-used">
            storage used: {mb(usage.usageBytes)} of {mb(usage.quotaBytes)}
          </span>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <label className="import-label">
        Import a run bundle (.json)
        <input
          type="file"
          accept=".json,.gz,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importRunFile(f).then((r) => setMessage({ ok: r.ok, text: r.message }));
            e.target.value = '';
          }}
        />
      </label>
      <label className="import-label">
        Import a collected sweep (choose all the files in its bundles folder)
        <input
          type="file"
          multiple
          accept=".json,.gz,application/json"
          data-testid="sweep-import"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].map((f) => ({
              name: f.name,
              bytes: async () => new Uint8Array(await f.arrayBuffer()),
            }));
            if (files.length) void importSweepFiles(files).then((r) => setMessage({ ok: r.ok, text: r.message }));
            e.target.value = '';
          }}
        />
      </label>
      {message && (
        <p className={message.ok ? 'ok-text' : 'field-error'} role="status" data-testid="runs-import-message">
          {message.text}
        </p>
      )}
      <SweepOverlayChart />
      {runs === null ? (
        <p className="muted">Loading the runs stored in this browser…</p>
      ) : runs.length === 0 ? (
        <p className="muted">No stored runs yet: every finished round of a run is saved in this browser.</p>
      ) : (
        <ul className="run-list">
          {runs.map((r) => {
            const canResume = (r.status === 'interrupted' || r.status === 'paused') && !unresumable(r);
            return (
              <li key={r.id} className={r.id === openId ? 'open' : ''} data-run={r.id} data-status={r.status}>
                <div className="run-title">
                  <strong>{title(r)}</strong>{' '}
                  <span className={`status status-${r.status}`}>{STATUS_WORDS[r.status] ?? r.status}</span>
                  {r.precomputed && <span className="tag tag-reduced">precomputed</span>}
                </div>
                <div className="muted small">
                  {savedRoundsText({ roundsDone: r.summary.roundsDone, planned: r.summary.roundsPlanned })} · seed
                  {r.summary.seeds.length === 1 ? '' : 's'} {r.summary.seeds.join(', ')} · last saved{' '}
                  {new Date(r.updatedAt).toLocaleString()}
                </div>
                <details className="small run-details">
                  <summary>Details</summary>
                  <p>
                    Run id <code>{r.id}</code> (from its settings) · {trainedNetworksText(r.summary.recordCount)}{' '}
                    stored.
                  </p>
                </details>
                {unresumable(r) && (
                  <p className="muted small" data-testid="no-resume-note">
                    {NO_RESUME_TEXT}
                  </p>
                )}
                <div className="button-row">
                  <button
                    type="button"
                    onClick={() => {
                      setEmpty(r.summary.recordCount === 0 ? r.id : null);
                      void openStoredRun(r.id);
                    }}
                  >
                    Open
                  </button>
                  {canResume && (
                    <button
                      type="button"
                      disabled={active}
                      onClick={() => {
                        setEmpty(null);
                        focusRunProgress();
                        void resumeStoredRun(r.id);
                      }}
                    >
                      Resume
                    </button>
                  )}
                  <button type="button" onClick={() => void exportStoredRun(r.id)}>
                    Export
                  </button>
                  <button
                    type="button"
                    disabled={active && r.id === openId}
                    onClick={() => {
                      if (confirm('Delete this stored run?')) void deleteStoredRun(r.id);
                    }}
                  >
                    Delete
                  </button>
                </div>
                {empty === r.id && r.summary.recordCount === 0 && (
                  <p className="notice small" role="status" data-testid="run-nothing-to-show">
                    {nothingToShowText(canResume)}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
