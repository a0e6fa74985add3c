/**
 * The Start / Pause ⇄ Resume / Cancel row of a job the page runs (the 2-D demo, an IMP run): one row, one
 * rule for which button is enabled when (state/job-status.ts), so both controls behave the same. Keyboard
 * focus stays in the row after Start, and returns to Start when the job ends (../a11y/use-focus-after-start.ts).
 */
import { useRef, type ReactNode, type RefObject } from 'react';
import { isJobActive, type JobStatus } from '../../state/job-status';
import { useFocusAfterEnd, useFocusAfterStart } from '../a11y/use-focus-after-start';

export interface JobButtonsProps {
  readonly status: JobStatus;
  /** The settings are valid (Start is also disabled while the job is in flight). */
  readonly canStart: boolean;
  readonly onStart: () => void;
  /** Start's words where it does something else (an IMP run's finished settings open the finished run). */
  readonly startLabel?: string;
  /** Id of the text saying what Start does now (aria-describedby). */
  readonly startDescribedBy?: string;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onCancel: () => void;
  /** Where focus waits while the job starts: the job's status element, with tabIndex −1. */
  readonly focusHolder: RefObject<HTMLElement | null>;
  /** Shown after the buttons (e.g. a generation counter). */
  readonly children?: ReactNode;
}

export function JobButtons({
  status,
  canStart,
  onStart,
  startLabel = 'Start',
  startDescribedBy,
  onPause,
  onResume,
  onCancel,
  focusHolder,
  children,
}: JobButtonsProps) {
  const active = isJobActive(status);
  const row = useRef<HTMLDivElement>(null);
  const keepFocus = useFocusAfterStart(row, focusHolder, status, active);
  const trackFocus = useFocusAfterEnd(row, active);
  return (
    <div className="button-row" ref={row} onFocus={trackFocus}>
      <button
        type="button"
        className="primary"
        disabled={!canStart || active}
        aria-describedby={startDescribedBy}
        onClick={(e) => {
          keepFocus(e);
          onStart();
        }}
      >
        {startLabel}
      </button>
      {status === 'paused' ? (
        <button type="button" onClick={onResume}>
          Resume
        </button>
      ) : (
        <button type="button" disabled={status !== 'running'} onClick={onPause}>
          Pause
        </button>
      )}
      <button type="button" disabled={!active} onClick={onCancel}>
        Cancel
      </button>
      {children}
    </div>
  );
}
