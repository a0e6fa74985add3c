/**
 * A tour step's live rerun (core/tour/steps.ts `rerun`): the reduced config it runs, the run on screen when
 * it is that config (streaming or finished, in the one IMP store), and the bar that starts, follows and
 * cancels it. Stop asks first, as the lab's Cancel does (experiment/CancelRunDialog.tsx): the round in
 * progress is lost. The step's views draw the live curves over the precomputed ones.
 */
import { useCallback, useMemo, useRef, useState, type MouseEvent, type Ref } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runId } from '../../core/runs/hash';
import { rerunConfig, rerunDescription } from '../../core/tour/rerun';
import type { StepRun } from '../../core/tour/step-sentence';
import type { TourStep } from '../../core/tour/steps';
import { useExperimentStore } from '../../state/experiment-store';
import { formatDuration, selectImpActive, useImpStore } from '../../state/imp-store';
import { layoutOf } from '../../core/runs/network-shape';
import { startImp } from '../run/imp-client';
import { CancelRunDialog } from '../experiment/CancelRunDialog';
import { stopDemo } from '../lab-client';
import { useFocusAfterEnd, useFocusAfterStart } from '../a11y/use-focus-after-start';
import { useImpProgress } from '../run/use-imp-progress';

export interface LiveRun extends StepRun {
  readonly status: ReturnType<typeof useImpStore.getState>['status'];
}

/** The step's rerun config and, when the IMP store holds that run, its records as a StepRun. */
export function useLiveRerun(step: TourStep): { config: ReturnType<typeof rerunConfig> | null; live: LiveRun | null } {
  const config = useMemo(() => (step.rerun ? rerunConfig(step.rerun) : null), [step]);
  const id = useMemo(() => (config ? runId(config) : null), [config]);
  const imp = useImpStore(
    useShallow((s) => ({ runId: s.runId, records: s.records, config: s.config, status: s.status, layout: s.layout })),
  );
  const live = useMemo(() => {
    if (!id || !imp.config) return null;
    // The worker names the run once its backend is up; until then (seconds on a slow machine) the config
    // on screen identifies it, so the bar shows this run starting rather than "another run".
    if ((imp.runId ?? runId(imp.config)) !== id) return null;
    const layout = imp.layout ?? layoutOf(imp.config);
    return {
      records: imp.records,
      config: imp.config,
      layers: layout.layers,
      inputShape: layout.inputShape,
      status: imp.status,
    };
  }, [id, imp]);
  return { config, live };
}

/** `holder` receives focus while the run starts (it is focusable by script only). */
function Progress({ holder }: { holder: Ref<HTMLDivElement> }) {
  const p = useImpProgress(true);
  const pct = Math.round(100 * p.fraction);
  return (
    <div className="tour-progress">
      <div
        ref={holder}
        tabIndex={-1}
        className="progress-bar"
        role="progressbar"
        aria-label="Live run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="small">
        {pct} %{p.etaMs !== null ? `, about ${formatDuration(p.etaMs)} left` : ''}
      </span>
    </div>
  );
}

export function RerunBar({
  step,
  config,
  live,
}: {
  step: TourStep;
  config: ReturnType<typeof rerunConfig> | null;
  live: LiveRun | null;
}) {
  const active = useImpStore(selectImpActive);
  const status = useImpStore((s) => s.status);
  const error = useImpStore((s) => s.error);
  // Cancelling the tour's 2-D demo first takes a moment: a second press meanwhile must not start twice.
  const launching = useRef(false);
  // Start and Stop replace each other: focus goes to the progress bar on Start, back to Start on Stop.
  const row = useRef<HTMLDivElement>(null);
  const holder = useRef<HTMLDivElement>(null);
  const focusAfterStart = useFocusAfterStart(row, holder, status, active);
  const trackFocus = useFocusAfterEnd(row, active);
  const [asking, setAsking] = useState(false);
  const closeAsk = useCallback(() => setAsking(false), []);
  if (!step.rerun || !config) return null;
  const cost = step.rerun.cost;
  const mine = live !== null && active;
  const start = (e: MouseEvent<HTMLButtonElement>) => {
    if (launching.current) return;
    launching.current = true;
    focusAfterStart(e);
    useExperimentStore.getState().loadConfig(config);
    // (a demo that cannot be cancelled makes startImp report the busy worker in the bar below)
    void stopDemo()
      .catch(() => undefined)
      .then(() => {
        launching.current = false;
        return startImp({ config, again: true }); // to watch it stream, even when it was run before
      });
  };
  // The dialog sits outside the bar: focus on its buttons must not count as focus in the bar's row.
  return (
    <>
      <div
        className="tour-rerun"
        data-testid="tour-rerun"
        data-status={live?.status ?? 'none'}
        ref={row}
        onFocus={trackFocus}
      >
        {mine ? (
          <>
            <Progress holder={holder} />
            <button type="button" onClick={() => setAsking(true)}>
              Stop the live run
            </button>
          </>
        ) : (
          <button type="button" className="primary" disabled={active} onClick={start}>
            {live?.records.length ? 'Run it live again' : 'Run it live'} ({cost})
          </button>
        )}
        {live?.status === 'error' && error && (
          <p className="run-error" role="alert">
            The live run stopped: {error}
          </p>
        )}
        <p className="small muted">
          {active && !mine
            ? 'Another run is in progress in the lab: wait for it to finish or stop it there first.'
            : rerunDescription(step)}
        </p>
      </div>
      <CancelRunDialog open={asking} onClose={closeAsk} verb="stop" />
    </>
  );
}
