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
import { interruptedRunIds, showStoredIfAny } from '../run/run-db';
import { resumeStoredRun } from '../run/imp-client';
import { ShareBar } from '../run/ShareBar';
import { ConfigForm } from './ConfigForm';
import { GdBaseline } from './GdBaseline';
import { PresetBar } from './PresetBar';
import { ResultTabs } from './ResultTabs';
import { RunControls } from './RunControls';
import { useLessonStore } from '../../state/lesson-store';
import { SimpleForm } from '../tour/SimpleForm';
import './experiment.css';

function ResumeOffer() {
  const [ids, setIds] = useState<string[]>([]);
  const active = useImpStore(selectImpActive);
  useEffect(() => {
    void interruptedRunIds().then(setIds, () => setIds([]));
  }, []);
  if (!ids.length || active) return null;
  const resume = (id: string) => {
    setIds((x) => x.filter((y) => y !== id));
    void resumeStoredRun(id);
  };
  return (
    <div className="resume-offer" role="status">
      <p>A run was interrupted when this page was closed. Continue it from its last finished round?</p>
      {ids.map((id) => (
        <button key={id} type="button" className="primary" onClick={() => resume(id)}>
          Resume run {id.slice(0, 8)}
        </button>
      ))}
      <button type="button" onClick={() => setIds([])}>
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
    const t = setTimeout(() => {
      void showStoredIfAny(config).catch(() => false);
    }, 300);
    return () => clearTimeout(t);
  }, [config, active]);
}

export function ExperimentPanel() {
  useStoredCurvesForConfig();
  const simple = useLessonStore((s) => s.simple);
  return (
    <div className="experiment-layout">
      {simple ? (
        <SimpleForm />
      ) : (
        <aside className="panel settings-col" aria-labelledby="exp-h">
          <h2 id="exp-h">Experiment: ES-IMP</h2>
          <PresetBar />
          <ConfigForm />
          <ShareBar />
        </aside>
      )}
      <div className="main-col">
        <ResumeOffer />
        <RunControls />
        <GdBaseline />
        <ResultTabs />
      </div>
    </div>
  );
}
