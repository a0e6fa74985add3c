/**
 * The run panel's progress line: a progress bar and the run's numbers (progress, time left, networks
 * tried per second, weights being trained this round, the round, the backend). A live run counts
 * generations; a stored run (reopened or imported) keeps only finished rounds, so it is counted in rounds
 * (state/stored-progress.ts).
 */
import { useShallow } from 'zustand/react/shallow';
import { formatDuration, useImpStore } from '../../state/imp-store';
import { useBackendStore } from '../../state/backend-store';
import { storedProgress, storedProgressText } from '../../state/stored-progress';
import { useImpProgress } from '../run/use-imp-progress';
import { methodName, stepWord } from '../../core/names';
import { Term } from '../glossary/Term';

/** Progress and round of a reopened stored run; null while a live run (or none) is shown. */
function useStoredProgress() {
  return useImpStore(
    useShallow((x) => {
      if (x.source !== 'stored' || !x.config || x.records.length === 0) return null;
      const p = storedProgress(x.config, x.records);
      return { fraction: p.roundsDone / Math.max(1, p.planned), text: storedProgressText(p), last: p.last };
    }),
  );
}

export function ProgressLine() {
  const s = useImpStore(
    useShallow((x) => ({
      totalGens: x.totalGens,
      evalsPerSec: x.evalsPerSec,
      esDim: x.esDim,
      paramCount: x.paramCount,
      status: x.status,
      rounds: x.records.length,
      current: x.current,
      skipNote: x.skipNote,
      gd: !!x.config?.trainer,
      plannedRounds: x.config?.prune.rounds ?? 0,
    })),
  );
  const backend = useBackendStore((x) => x.backend?.active ?? '—');
  const p = useImpProgress(s.status === 'running');
  const stored = useStoredProgress();
  const pct = (100 * (stored ? stored.fraction : p.fraction)).toFixed(1);
  const round = s.current ?? stored?.last ?? null;
  return (
    <div
      className="run-progress"
      data-testid="imp-progress"
      data-rounds={s.rounds}
      data-status={s.status}
      data-done-gens={p.doneGens}
    >
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Number(pct)}
        aria-valuetext={`${pct} %`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <dl className="run-stats">
        <div>
          <dt>Progress</dt>
          <dd data-testid="imp-progress-text">
            {stored
              ? stored.text
              : s.totalGens > 0
                ? `${pct} % · ${p.doneGens.toLocaleString()} / ${s.totalGens.toLocaleString()} ${stepWord(s.gd)}`
                : s.status === 'starting'
                  ? 'preparing…'
                  : '—'}
          </dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{s.status === 'running' && p.etaMs !== null ? `about ${formatDuration(p.etaMs)}` : '—'}</dd>
        </div>
        <div>
          <dt>{s.gd ? 'Examples per second' : 'Networks tried per second'}</dt>
          <dd>{s.status === 'paused' ? 'paused' : s.evalsPerSec ? Math.round(s.evalsPerSec).toLocaleString() : '—'}</dd>
        </div>
        <div>
          <dt>Weights being trained</dt>
          <dd>
            {s.esDim
              ? `${s.esDim.toLocaleString()} of ${s.paramCount.toLocaleString()} (${((100 * s.esDim) / Math.max(1, s.paramCount)).toFixed(0)} %)`
              : '—'}
          </dd>
        </div>
        <div>
          <dt>
            {!s.current && stored ? (
              <>
                Last saved <Term id="round">round</Term>
              </>
            ) : (
              <Term id="round">Round</Term>
            )}
          </dt>
          <dd data-testid="imp-round-text">
            {round
              ? `${round.roundNum}${s.plannedRounds ? ` of ${s.plannedRounds}` : ''} · ${methodName(round.method)} · seed ${round.seed}`
              : '—'}
          </dd>
        </div>
        <div>
          <dt>Backend</dt>
          <dd data-testid="imp-backend">{backend}</dd>
        </div>
      </dl>
      {s.skipNote && (
        <p className="run-note" role="status" data-testid="imp-skip-note">
          {s.skipNote}
        </p>
      )}
    </div>
  );
}
