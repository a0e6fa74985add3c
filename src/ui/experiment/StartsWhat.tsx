/**
 * The run card's line saying what Start runs (a preset, or the user's own settings), or, when these
 * settings already ran to the end, that Start opens that finished run instead (its button then reads
 * FINISHED_START_LABEL and is described by this line) — or, once that run is the one the results below
 * show, that the button takes the student to them (FINISHED_SHOWN_LABEL; opening it again would only
 * repeat what is on screen). On a phone the presets are far below the button, on a wide screen after every
 * result in the Tab order: "Presets" moves focus and the view to them.
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
/** Start's words once that finished run is the one shown below. */
export const FINISHED_SHOWN_LABEL = 'Go to the finished run';

/**
 * What Start does on the form's settings (startModeOf): 'start' computes them; 'open' opens their finished
 * stored run; 'go-to' moves to that run, already shown below.
 */
export type StartMode = 'start' | 'open' | 'go-to';

/** Start's mode: 'open' once the settings' run is `finished`, 'go-to' when the stored run shown (`shownId`) is it (`formId`). */
export function startModeOf(finished: boolean, formId: string | null, shownId: string | null): StartMode {
  if (!finished) return 'start';
  return shownId !== null && shownId === formId ? 'go-to' : 'open';
}

/**
 * Whether Start can be pressed. A preset too big for a browser tab computes nothing here, but its finished
 * stored run (an imported one) can still be opened or gone to. While the 2-D demo runs the button waits for
 * it, whatever it would do: the compute worker, which reads stored runs too, does one job at a time.
 */
export function startEnabled(s: {
  readonly valid: boolean;
  readonly mode: StartMode;
  readonly tooBig: boolean;
  readonly demoActive: boolean;
}): boolean {
  return s.valid && !s.demoActive && (s.mode !== 'start' || !s.tooBig);
}

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

/**
 * FINISHED_SHOWN_LABEL's action: focus and the view move to the results of the run shown (from the Runs list,
 * to the first result tab: the list is not the run's results).
 */
export function goToFinishedRun(): void {
  const view = useViewStore.getState();
  if (view.resultTab === 'runs') view.setResultTab('sparsity');
  focusResultTab();
}

/**
 * `finishedAt`: when the finished stored run of the form's settings was saved (ms), or null when there is
 * none; `shown`: that run is the one the results below show.
 */
export function StartsWhat({ finishedAt, shown }: { finishedAt: number | null; shown: boolean }) {
  const presetId = useExperimentStore((s) => s.presetId);
  const simple = useLessonStore((s) => s.simple);
  return <StartsWhatLine finishedAt={finishedAt} shown={shown} presetId={presetId} simple={simple} />;
}

/** The line itself, for the chosen preset (null: the user's own settings) and view (`simple`: a teacher's link). */
export function StartsWhatLine({
  finishedAt,
  shown = false,
  presetId,
  simple,
}: {
  readonly finishedAt: number | null;
  readonly shown?: boolean;
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
        These settings already ran to the end (saved {new Date(finishedAt).toLocaleString()})
        {shown
          ? `, and that run is shown below: “${FINISHED_SHOWN_LABEL}” takes you to its results instead of computing the same numbers again.`
          : `: “${FINISHED_START_LABEL}” shows that run instead of computing the same numbers again.`}{' '}
        To run it anew, delete it under{' '}
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
