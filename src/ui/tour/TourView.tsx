/**
 * The paper tour (the lab's front door for a class): the list of steps, the step on screen
 * (TourStepView) and previous / next. The step lives in the lesson store and in the address bar
 * (`?tour=3`), so a reload or a copied address opens the same step.
 */
import { useEffect } from 'react';
import { TOUR_STEPS, stepAt } from '../../core/tour/steps';
import { useLessonStore } from '../../state/lesson-store';
import { TourStepView, type OpenLab } from './TourStepView';
import { replaceQuery, withParam } from './url-sync';
import './tour.css';

export function TourView({ onOpenLab }: { onOpenLab: OpenLab }) {
  const stepNum = useLessonStore((s) => s.tourStep);
  const setStep = useLessonStore((s) => s.setTourStep);
  const step = stepAt(stepNum);
  const total = TOUR_STEPS.length;
  const last = stepNum >= total;
  useEffect(() => {
    replaceQuery((q) => withParam(withParam(q, 'view', null), 'tour', String(stepNum)));
  }, [stepNum]);
  useEffect(() => () => replaceQuery((q) => withParam(q, 'tour', null)), []);
  return (
    <main className="tour" id="tour">
      <nav className="tour-steps" aria-label="Tour steps">
        <ol>
          {TOUR_STEPS.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                aria-current={i + 1 === stepNum ? 'step' : undefined}
                onClick={() => setStep(i + 1)}
                data-tour-step={i + 1}
              >
                <span className="tour-step-num">{i + 1}</span>
                <span className="tour-step-short">{s.short}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <TourStepView key={step.id} step={step} stepNum={stepNum} total={total} onOpenLab={onOpenLab} />
      <div className="tour-pager">
        <button type="button" disabled={stepNum <= 1} onClick={() => setStep(stepNum - 1)}>
          ← Previous
        </button>
        {last && (
          <button key="restart" type="button" onClick={() => setStep(1)}>
            ↺ Back to step 1
          </button>
        )}
        {/* one element on every step (keyed): pressing Next onto the last step keeps focus in the pager,
            so the step's title can take it as on every other step */}
        <button
          key="primary"
          type="button"
          className="primary"
          onClick={() => (last ? void onOpenLab('sparsity', null) : setStep(stepNum + 1))}
        >
          {last ? 'Open the lab →' : `Next: ${stepAt(stepNum + 1).short} →`}
        </button>
      </div>
      {last && (
        <p className="tour-end muted">
          That was the last step. In the lab you can run the experiment yourself: choose a preset, press Start, and
          compare your curves with the ones in this tour.
        </p>
      )}
    </main>
  );
}
