/**
 * The header's controls for a lesson: projector mode on/off, and "copy teacher link", a link that opens
 * what is on screen (the tour step, the experiment's preset or settings, the demo) for the students, with
 * the simple view and projector mode as chosen (core/tour/lesson-url.ts teacherQuery).
 */
import { useState } from 'react';
import { teacherQuery, type LessonTarget } from '../../core/tour/lesson-url';
import { selectValidation, useExperimentStore } from '../../state/experiment-store';
import { useLessonStore } from '../../state/lesson-store';
import { closeDetailsOnEscape } from '../a11y/details-escape';

export function ProjectorToggle() {
  const on = useLessonStore((s) => s.projector);
  const set = useLessonStore((s) => s.setProjector);
  return (
    <button type="button" className="header-button" aria-pressed={on} onClick={() => set(!on)}>
      {on ? 'Leave projector mode' : 'Projector mode'}
    </button>
  );
}

export function TeacherMenu({ view }: { view: 'tour' | 'experiment' | 'demo' }) {
  const tourStep = useLessonStore((s) => s.tourStep);
  const projectorNow = useLessonStore((s) => s.projector);
  const presetId = useExperimentStore((s) => s.presetId);
  const config = useExperimentStore((s) => selectValidation(s).config);
  const [simple, setSimple] = useState(true);
  const [projector, setProjector] = useState<boolean | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const withProjector = projector ?? projectorNow;
  const target: LessonTarget =
    view === 'tour' ? { view, tourStep } : view === 'demo' ? { view } : { view, presetId, config };
  const url = `${location.origin}${location.pathname}?${teacherQuery(target, { simple, projector: withProjector })}`;
  const what =
    view === 'tour'
      ? `step ${tourStep} of the paper tour`
      : view === 'demo'
        ? 'the 2-D demo'
        : presetId
          ? 'the experiment with the preset chosen now'
          : 'the experiment with the settings chosen now';
  const copy = () =>
    void navigator.clipboard?.writeText(url).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  return (
    <details className="teacher-menu" onToggle={() => setCopied(null)} onKeyDown={closeDetailsOnEscape}>
      <summary className="header-button">
        Teacher link
        <span className="header-caret" aria-hidden="true">
          ▾
        </span>
      </summary>
      <div className="teacher-pop">
        <p>
          A link that opens <strong>{what}</strong> for your students.
        </p>
        {view === 'experiment' && (
          <label className="inline-check">
            <input type="checkbox" checked={simple} onChange={(e) => setSimple(e.target.checked)} /> simple view: task,
            strategy, rounds and Start only
          </label>
        )}
        <label className="inline-check">
          <input type="checkbox" checked={withProjector} onChange={(e) => setProjector(e.target.checked)} /> open in
          projector mode
        </label>
        <input
          className="share-url"
          readOnly
          value={url}
          aria-label="Teacher link"
          onFocus={(e) => e.target.select()}
        />
        <div className="button-row">
          <button type="button" className="primary" onClick={copy}>
            Copy teacher link
          </button>
          <span className="small" role="status">
            {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Copying was blocked: select the link and copy it.' : ''}
          </span>
        </div>
      </div>
    </details>
  );
}
