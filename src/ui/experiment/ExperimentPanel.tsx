/**
 * The live IMP experiment: presets and the generated settings form on the left, run
 * controls and the result tabs on the right (a teacher's link with `simple=1` shows the simple view,
 * src/ui/tour/SimpleForm.tsx, instead of the settings). Opening a config that was already run shows its
 * stored curves; a run a closed tab interrupted is offered for resuming.
 */
import { useEffect, useState } from 'react';
import { runId } from '../../core/runs/hash';
import { selectValidation, useExperimentStore } from '../../state/experiment-store';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { interruptedRunIds, runStore, showStoredIfAny } from '../run/run-db';
import { runTitle } from '../../core/names';
import { isGdBaselineOf } from '../../state/gd-runs';
import { resumeStoredRun } from '../run/imp-client';
import { ShareBar } from '../run/ShareBar';
import { focusRunProgress } from '../a11y/use-focus-after-start';
import { ConfigForm } from './ConfigForm';
import { GdBaseline } from './GdBaseline';
import { PresetBar } from './PresetBar';
import { ResultTabs } from './ResultTabs';
import { RunControls } from './RunControls';
import { useLessonStore } from '../../state/lesson-store';
import { SimpleForm } from '../tour/SimpleForm';
import './experiment.css';

function ResumeOffer() {
  const [offers, setOffers] = useState<{ id: string; title: string }[]>([]);
  const active = useImpStore(selectImpActive);
  useEffect(() => {
    void interruptedRunIds()
      .then(async (ids) => {
        if (!ids.length) return [];
        const runs = await (await runStore()).listRuns();
        return ids.map((id) => {
          const r = runs.find((x) => x.id === id);
          return { id, title: r ? runTitle(r.config) : 'an earlier run' };
        });
      })
      .then(setOffers, () => setOffers([]));
  }, []);
  if (!offers.length || active) return null;
  const resume = (id: string) => {
    setOffers((x) => x.filter((y) => y.id !== id));
    focusRunProgress(); // the offer's buttons go away: focus waits on the run's status, then Pause
    void resumeStoredRun(id);
  };
  return (
    <div className="resume-offer" role="status">
      <p>A run was interrupted when this page was closed. Continue it from its last finished round?</p>
      {offers.map((o) => (
        <button key={o.id} type="button" className="primary" onClick={() => resume(o.id)}>
          Resume {o.title}
        </button>
      ))}
      <button type="button" onClick={() => setOffers([])}>
        Dismiss
      </button>
    </div>
  );
}

/** Shows stored curves when the form's config equals a stored run (debounced; never during a run). */
function useStoredCurvesForConfig(): void {
  const config = useExperimentStore((s) => selectValidation(s).config);
  const active = useImpStore(selectImpActive);
  useEffect(() => {
    const shown = useImpStore.getState();
    if (!config || active || (shown.source === 'live' && shown.runId === runId(config))) return;
    // a stored GD run opened with this experiment in the form stays shown (its ES run is overlaid on it)
    if (shown.source === 'stored' && shown.config && isGdBaselineOf(config, shown.config)) return;
    const t = setTimeout(() => {
      void showStoredIfAny(config).catch(() => false);
    }, 300);
    return () => clearTimeout(t);
  }, [config, active]);
}

export function ExperimentPanel() {
  useStoredCurvesForConfig();
  const simple = useLessonStore((s) => s.simple);
  const settings = (
    <aside className="panel settings-col" aria-labelledby="exp-h">
      <h2 id="exp-h">Experiment: ES-IMP</h2>
      <PresetBar />
      <ConfigForm />
      <ShareBar />
    </aside>
  );
  return (
    // The run column comes first in the reading and Tab order (Start is a few Tab presses from the top),
    // the full settings after it; on wide screens CSS places the settings column on its left. The simple
    // view's handful of controls come first.
    <div className="experiment-layout">
      {simple ? <SimpleForm /> : null}
      <div className="main-col">
        <ResumeOffer />
        <RunControls />
        <GdBaseline />
        <ResultTabs />
      </div>
      {simple ? null : settings}
    </div>
  );
}
