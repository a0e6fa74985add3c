/**
 * The Start / Pause ⇄ Resume / Cancel row of a job the page runs (the 2-D demo, an IMP run): one row, one
 * rule for which button is enabled when (state/job-status.ts), so both controls behave the same.
 */
import type { ReactNode } from 'react';
import { isJobActive, type JobStatus } from '../../state/job-status';

export interface JobButtonsProps {
  readonly status: JobStatus;
  /** The settings are valid (Start is also disabled while the job is in flight). */
  readonly canStart: boolean;
  readonly onStart: () => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onCancel: () => void;
  /** Shown after the buttons (e.g. a generation counter). */
  readonly children?: ReactNode;
}

export function JobButtons({ status, canStart, onStart, onPause, onResume, onCancel, children }: JobButtonsProps) {
  const active = isJobActive(status);
  return (
    <div className="button-row">
      <button type="button" className="primary" disabled={!canStart || active} onClick={onStart}>
        Start
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
