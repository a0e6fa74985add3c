/**
 * The result of the run on screen in one sentence, at the top of the results (core/tour/run-sentences.ts
 * runResultSentence): for every finished or reopened run, not only in the tour. When a run finishes in
 * this tab, the results scroll into view.
 */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runResultSentence } from '../../core/tour/run-sentences';
import { useImpStore } from '../../state/imp-store';
import { ResultSentence } from './ResultSentence';
import { useScrollOnFinish } from './scroll-on-finish';
import './tour.css';

export function RunResult() {
  const { status, records, config, source } = useImpStore(
    useShallow((s) => ({ status: s.status, records: s.records, config: s.config, source: s.source })),
  );
  const ref = useRef<HTMLDivElement>(null);
  useScrollOnFinish(status, ref, '.results');
  const show =
    records.length > 0 &&
    !!config &&
    (status === 'done' || status === 'cancelled' || status === 'error' || source === 'stored');
  const sentence = useMemo(
    () => (show && config ? runResultSentence({ records, config }) : null),
    [show, records, config],
  );
  return (
    <div ref={ref} className="run-result" aria-live="polite">
      {sentence && (
        <ResultSentence
          sentence={sentence}
          lead={status === 'cancelled' || status === 'error' ? 'The run stopped early.' : 'Result:'}
          testId="run-result"
        />
      )}
    </div>
  );
}
