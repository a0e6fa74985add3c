/**
 * The run card's line saying what Start runs (a preset, or the user's own settings), or, when these
 * settings already ran to the end, that Start opens that finished run instead (its button then reads
 * FINISHED_START_LABEL and is described by this line). On a phone the presets are far below the button,
 * on a wide screen after every result in the Tab order: "Presets" moves focus and the view to them.
 */
import { useExperimentStore } from '../../state/experiment-store';
import { useLessonStore } from '../../state/lesson-store';
import { useViewStore } from '../../state/view-store';
import { getPreset } from '../../core/runs/presets';
import { focusResultTab } from '../tour/open-in-lab';

/** The line's id (Start's aria-describedby while it opens a finished run). */
export const STARTS_WHAT_ID = 'starts-what';
/** Start's words on settings that already ran to the end. */
export const FINISHED_START_LABEL = 'Open the finished run';

/** Moves focus to the chosen preset (or the first) and scrolls the presets into view. */
export function focusPresets(): void {
  const presets = document.querySelector<HTMLElement>('.presets');
  const chosen =
    presets?.querySelector<HTMLButtonElement>('.preset[aria-pressed="true"]') ??
    presets?.querySelector<HTMLButtonElement>('.preset');
  if (!presets || !chosen) return;
  presets.scrollIntoView({ block: 'start' });
  chosen.focus({ preventScroll: true });
}

function openRunsTab(): void {
  useViewStore.getState().setResultTab('runs');
  focusResultTab();
}

/** `finishedAt`: when the finished stored run of the form's settings was saved (ms), or null when there is none. */
export function StartsWhat({ finishedAt }: { finishedAt: number | null }) {
  const presetId = useExperimentStore((s) => s.presetId);
  const simple = useLessonStore((s) => s.simple);
  return <StartsWhatLine finishedAt={finishedAt} presetId={presetId} simple={simple} />;
}

/** The line itself, for the chosen preset (null: the user's own settings) and view (`simple`: a teacher's link). */
export function StartsWhatLine({
  finishedAt,
  presetId,
  simple,
}: {
  readonly finishedAt: number | null;
  readonly presetId: string | null;
  readonly simple: boolean;
}) {
  // the simple view (a teacher's link) has no presets column or settings to go to: its own form says it
  const presets = (
    <button type="button" className="link-button inline-link" onClick={focusPresets}>
      Presets
    </button>
  );
  if (finishedAt !== null)
    return (
      <p className="notice small" id={STARTS_WHAT_ID} data-testid="starts-what" data-finished="">
        These settings already ran to the end (saved {new Date(finishedAt).toLocaleString()}):{' '}
        {`“${FINISHED_START_LABEL}” shows that run instead of computing the same numbers again.`} To run it anew, delete
        it under{' '}
        <button type="button" className="link-button inline-link" onClick={openRunsTab}>
          Runs
        </button>{' '}
        first, or{' '}
        {simple ? (
          'choose another task, strategy or number of rounds in the form'
        ) : (
          <>choose other settings under {presets}</>
        )}
        .
      </p>
    );
  return (
    <p className="muted small" id={STARTS_WHAT_ID} data-testid="starts-what">
      Start runs {presetId ? `the preset “${getPreset(presetId).label}”` : 'your own settings'}{' '}
      {simple ? '(change the task, strategy or rounds in the form)' : <>(change it under {presets} and the settings)</>}
      .
    </p>
  );
}
