/**
 * Start / Pause / Resume / Cancel of the IMP run and its live status: progress bar with ETA,
 * evaluations/s, trainable parameters this round, active backend; the failure message with "continue
 * on the next backend from the last finished round"; the warning when the worker stops answering
 * (src/lib/worker-watchdog.ts); storage warnings; the backend benchmark.
 */
import { memo, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectValidation, useExperimentStore } from '../../state/experiment-store';
import { formatDuration, selectProgress, useImpStore } from '../../state/imp-store';
import { useBackendStore } from '../../state/backend-store';
import {
  abandonSilentWorker,
  cancelImp,
  keepWaiting,
  continueOnNextBackend,
  nextBackend,
  pauseImp,
  resumeImp,
  startImp,
} from '../run/imp-client';
import { BenchmarkTable } from './BenchmarkTable';
import { SeedPoolProgress } from '../run/SeedPoolProgress';
import { JobButtons } from '../run/JobButtons';

function ProgressLine() {
  const s = useImpStore(
    useShallow((x) => ({
      totalGens: x.totalGens,
      finishedGens: x.finishedGens,
      currentGen: x.currentGen,
      gensAtStart: x.gensAtStart,
      startedAtMs: x.startedAtMs,
      evalsPerSec: x.evalsPerSec,
      esDim: x.esDim,
      paramCount: x.paramCount,
      status: x.status,
      rounds: x.records.length,
      current: x.current,
    })),
  );
  const backend = useBackendStore((x) => x.backend?.active ?? '—');
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (s.status !== 'running') return;
    const t = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(t);
  }, [s.status]);
  const p = selectProgress(s, now);
  const pct = (100 * p.fraction).toFixed(1);
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
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <dl className="run-stats">
        <div>
          <dt>Progress</dt>
          <dd>
            {pct} % · {p.doneGens.toLocaleString()} / {s.totalGens.toLocaleString()} gens
          </dd>
        </div>
        <div>
          <dt>ETA</dt>
          <dd>{s.status === 'running' && p.etaMs !== null ? formatDuration(p.etaMs) : '—'}</dd>
        </div>
        <div>
          <dt>Evaluations/s</dt>
          <dd>{s.evalsPerSec ? Math.round(s.evalsPerSec).toLocaleString() : '—'}</dd>
        </div>
        <div>
          <dt>Trainable params (d)</dt>
          <dd>{s.esDim ? `${s.esDim.toLocaleString()} of ${s.paramCount.toLocaleString()}` : '—'}</dd>
        </div>
        <div>
          <dt>Round</dt>
          <dd>{s.current ? `${s.current.roundNum} (${s.current.method}, seed ${s.current.seed})` : '—'}</dd>
        </div>
        <div>
          <dt>Backend</dt>
          <dd data-testid="imp-backend">{backend}</dd>
        </div>
      </dl>
    </div>
  );
}

function Failure() {
  const { error, failedBackend, storageError } = useImpStore(
    useShallow((s) => ({ error: s.error, failedBackend: s.failedBackend, storageError: s.storageError })),
  );
  const next = nextBackend(failedBackend);
  return (
    <>
      {error && (
        <div className="run-error" role="alert">
          <p>
            The run stopped{failedBackend ? ` on ${failedBackend}` : ''}: {error}
          </p>
          {next && (
            <button type="button" onClick={() => void continueOnNextBackend()}>
              Continue on {next} from the last finished round
            </button>
          )}
        </div>
      )}
      {storageError && (
        <p className="run-warning" role="alert">
          Rounds are no longer being saved: {storageError}
        </p>
      )}
    </>
  );
}

/** The watchdog's warning (src/lib/worker-watchdog.ts): the worker may be slow or dead; the user decides. */
function SilentWorker() {
  const silence = useImpStore((s) => s.silence);
  const backend = useBackendStore((x) => x.backend?.active ?? null);
  if (!silence) return null;
  const next = nextBackend(backend);
  const secs = (ms: number) => `${Math.round(ms / 1000)} s`;
  return (
    <div className="run-warning" role="alert" data-testid="worker-silent">
      <p>
        The compute worker has not answered for {secs(silence.forMs)}. It may be busy with one long step (the longest
        pause between its answers so far was {secs(silence.longestGapMs)}), or it may have stopped without reporting an
        error. Finished rounds are saved either way.
      </p>
      <div className="button-row">
        <button type="button" onClick={keepWaiting}>
          Keep waiting
        </button>
        {next && (
          <button type="button" onClick={() => void abandonSilentWorker()}>
            Stop it and continue on {next} from the last finished round
          </button>
        )}
      </div>
    </div>
  );
}

export const RunControls = memo(function RunControls() {
  const status = useImpStore((s) => s.status);
  const canStart = useExperimentStore((s) => selectValidation(s).config !== null);
  const notes = useImpStore((s) => s.notes);
  const net = useImpStore((s) => s.netDescribe);
  return (
    <section className="panel run-controls" aria-labelledby="run-h">
      <div className="panel-head first">
        <h2 id="run-h">Run</h2>
        <span className={`status status-${status}`} data-testid="imp-status">
          {status}
        </span>
      </div>
      <JobButtons
        status={status}
        canStart={canStart}
        onStart={() => void startImp()}
        onPause={() => void pauseImp()}
        onResume={() => void resumeImp()}
        onCancel={() => void cancelImp()}
      />
      {!canStart && <p className="field-error">Fix the settings marked in red to start.</p>}
      {net && <p className="muted small">Network: {net}</p>}
      {notes.length > 0 && (
        <ul className="notice small">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <ProgressLine />
      <SeedPoolProgress />
      <SilentWorker />
      <Failure />
      <BenchmarkTable />
    </section>
  );
});
