/**
 * Start / Pause / Resume / Cancel (which asks first: CancelRunDialog.tsx) of the IMP run and its live
 * status: progress bar with ETA, evaluations/s, trainable parameters this round, active backend; the
 * failure message with "continue on the next backend from the last finished round"; the warning when the
 * worker stops answering (src/lib/worker-watchdog.ts); storage warnings; the backend benchmark.
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectValidation, useExperimentStore } from '../../state/experiment-store';
import { formatDuration, selectProgress, useImpStore } from '../../state/imp-store';
import { useBackendStore } from '../../state/backend-store';
import { DemoRunningNotice, useDemoRunning } from '../run/DemoRunningNotice';
import {
  abandonSilentWorker,
  keepWaiting,
  continueOnNextBackend,
  nextBackend,
  pauseImp,
  resumeImp,
  startImp,
} from '../run/imp-client';
import { BenchmarkTable } from './BenchmarkTable';
import { CancelRunDialog } from './CancelRunDialog';
import {
  FINISHED_SHOWN_LABEL,
  FINISHED_START_LABEL,
  STARTS_WHAT_ID,
  StartsWhat,
  goToFinishedRun,
  startEnabled,
  startModeOf,
} from './StartsWhat';
import { openFinishedRun } from '../run/open-finished';
import { runId } from '../../core/runs/hash';
import { useFinishedRun } from '../run/run-db';
import { SeedPoolProgress } from '../run/SeedPoolProgress';
import { JobButtons } from '../run/JobButtons';
import { ProgressLine } from './ProgressLine';
import { roundsReachedText, storedProgress } from '../../state/stored-progress';
import { methodName } from '../../core/names';
import { getTask } from '../../core/tasks/registry';
import { getPreset } from '../../core/runs/presets';
import { isJobActive, STATUS_WORDS } from '../../state/job-status';
import { LiveAnnouncer } from '../a11y/LiveAnnouncer';
import { minus } from '../../core/tour/words';

/** "84.2 %" for accuracies, "−142.3" for returns. */
function perfText(config: { task: { id: string } } | null, v: number): string {
  const accuracy = !config || getTask(config.task.id).metric === 'accuracy';
  return accuracy ? `${(100 * v).toFixed(1)} %` : minus(v.toFixed(1));
}

/**
 * The run told to screen readers (polite): start, every finished round with its result, pause, the end;
 * in between the progress at most every 15 s.
 */
function RunAnnouncer() {
  const { status, source, last, planned, config, reached } = useImpStore(
    useShallow((x) => ({
      status: x.status,
      source: x.source,
      last: x.records[x.records.length - 1],
      planned: x.config?.prune.rounds ?? 0,
      config: x.config,
      // the rounds every seed × method chain finished, as the run panel counts them
      reached: x.config ? roundsReachedText(storedProgress(x.config, x.records)) : '',
    })),
  );
  const bucket = useImpStore((x) => Math.floor(20 * selectProgress(x, 0).fraction));
  if (source !== 'live') return <LiveAnnouncer event={null} />;
  let event: string | null = null;
  if (status === 'starting') event = 'Run starting.';
  else if (status === 'paused') event = 'Run paused.';
  else if (status === 'cancelled') event = 'Run cancelled.';
  else if (status === 'done') event = `Run finished: ${reached} stored.`;
  else if (status === 'running')
    event = last
      ? `Round ${last.roundNum}${planned ? ` of ${planned}` : ''} finished for ${methodName(last.method)}, seed ${last.seed}: ${perfText(config, last.finalPerf)} with ${(100 * (1 - last.sparsityFrac)).toFixed(1)} % of the weights.`
      : 'Run started.';
  const s = useImpStore.getState();
  const eta = selectProgress(s, performance.now()).etaMs;
  const progress =
    status === 'running'
      ? `Run ${bucket * 5} % done${eta !== null ? `, about ${formatDuration(eta)} left` : ''}.`
      : null;
  return <LiveAnnouncer event={event} progress={progress} everyMs={15_000} />;
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
  const formConfig = useExperimentStore((s) => selectValidation(s).config);
  const valid = formConfig !== null;
  // Settings that already ran to the end: Start opens that run (open-finished.ts), and says so; once it is
  // the run the results below show, the button takes the student there (opening it again repeats the screen)
  const finished = useFinishedRun(formConfig);
  const formId = useMemo(() => (formConfig ? runId(formConfig) : null), [formConfig]);
  const shownId = useImpStore((s) => (s.source === 'stored' && s.records.length > 0 ? s.runId : null));
  const mode = startModeOf(finished !== null, formId, shownId);
  const onStart =
    mode === 'go-to'
      ? goToFinishedRun
      : mode === 'open' && finished && formConfig
        ? () => void openFinishedRun(formConfig, finished)
        : () => void startImp();
  // A preset too big for a browser tab (its card says why) computes nothing here (edited settings can run),
  // but its finished stored run can still be opened (startEnabled).
  const tooBig = useExperimentStore((s) => (s.presetId ? getPreset(s.presetId).notInBrowser : undefined));
  // The 2-D demo and a run share the one compute worker, which does one job at a time.
  const demoActive = useDemoRunning();
  const canStart = startEnabled({ valid, mode, tooBig: Boolean(tooBig), demoActive });
  const notes = useImpStore((s) => s.notes);
  const net = useImpStore((s) => s.netDescribe);
  // A reopened stored run is not "not started": its rounds are shown below.
  const stored = useImpStore((s) => s.source === 'stored' && s.records.length > 0);
  const notice = useImpStore((s) => s.notice);
  const statusEl = useRef<HTMLSpanElement>(null);
  // Cancel loses the round in progress: it asks first (CancelRunDialog.tsx)
  const [asking, setAsking] = useState(false);
  const closeAsk = useCallback(() => setAsking(false), []);
  return (
    <section className="panel run-controls" aria-labelledby="run-h">
      <div className="panel-head first">
        <h2 id="run-h">Run</h2>
        <span
          ref={statusEl}
          tabIndex={-1}
          className={`status status-${status}`}
          data-testid="imp-status"
          data-status={status}
        >
          {status === 'idle' && stored ? 'stored run' : (STATUS_WORDS[status] ?? status)}
        </span>
      </div>
      <JobButtons
        status={status}
        canStart={canStart}
        onStart={onStart}
        startLabel={mode === 'go-to' ? FINISHED_SHOWN_LABEL : mode === 'open' ? FINISHED_START_LABEL : undefined}
        startDescribedBy={mode === 'start' ? undefined : STARTS_WHAT_ID}
        onPause={() => void pauseImp()}
        onResume={() => void resumeImp()}
        onCancel={() => setAsking(true)}
        focusHolder={statusEl}
      />
      <CancelRunDialog open={asking} onClose={closeAsk} />
      {notice && (
        <p className="notice small" role="status" data-testid="imp-notice">
          {notice}
        </p>
      )}
      {!isJobActive(status) && <StartsWhat finishedAt={finished?.updatedAt ?? null} shown={mode === 'go-to'} />}
      {!valid && <p className="field-error">Fix the settings marked in red to start.</p>}
      {valid && tooBig && (
        <p className="notice small" data-testid="start-blocked">
          This preset cannot run in the browser: {tooBig}
        </p>
      )}
      {!isJobActive(status) && <DemoRunningNotice testId="start-blocked-demo" />}
      {net && <p className="muted small">Network: {net}</p>}
      {notes.length > 0 && (
        <ul className="notice small">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <ProgressLine />
      <RunAnnouncer />
      <SeedPoolProgress />
      <SilentWorker />
      <Failure />
      <BenchmarkTable />
    </section>
  );
});
