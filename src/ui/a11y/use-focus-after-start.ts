/**
 * Keyboard focus across a job's start and end. Start buttons are disabled (or replaced) while their job
 * runs, and Pause / Cancel / Stop buttons are disabled (or replaced) once it ends; a focused button that
 * becomes disabled or leaves the page drops keyboard focus to the page (the next Tab starts again at the
 * top).
 *
 * `useFocusAfterStart` keeps it in the controls: while the job starts, focus waits on `holder` (a status
 * element with tabIndex -1); once it runs, it moves to the row's Pause button — never to Cancel or Stop,
 * where a second Enter would stop the job. `useFocusAfterEnd` moves it, once the job has ended (done,
 * cancelled or failed), from the row's button that can no longer be used to the row's first enabled
 * button (Start again). A user who has moved focus elsewhere meanwhile is left alone.
 *
 * A job started from elsewhere on the page (Resume in the Runs tab, far below the controls) calls
 * `focusJobStatus` (an IMP run: `focusRunProgress`): focus and the view move to the job's status element at
 * once, and from there to Pause once the job runs, as after Start.
 */
import { useEffect, useRef, type FocusEvent, type MouseEvent, type RefObject } from 'react';

const firstEnabledButton = (row: HTMLElement | null) =>
  Array.from(row?.querySelectorAll('button') ?? []).find((b) => !b.disabled);

const unusable = (el: Element) => !el.isConnected || (el as HTMLButtonElement).disabled === true;

export function useFocusAfterStart(
  row: RefObject<HTMLElement | null>,
  holder: RefObject<HTMLElement | null>,
  status: string,
  active: boolean,
): (e: MouseEvent<HTMLButtonElement>) => void {
  const pending = useRef(false);
  useEffect(() => {
    // focus waiting on the holder (put there by Start or by focusJobStatus) follows the job as well
    if (!pending.current && (!holder.current || document.activeElement !== holder.current)) return;
    const a = document.activeElement;
    if (a && a !== document.body && a !== holder.current && !unusable(a)) {
      pending.current = false;
      return;
    }
    const pause = Array.from(row.current?.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Pause');
    if (status === 'running' && pause && !pause.disabled) {
      pause.focus();
      pending.current = false;
    } else if (active) holder.current?.focus();
    else pending.current = false;
  }, [row, holder, status, active]);
  // Called from Start's onClick: remember whether Start had the focus (a mouse click may not give it).
  return (e) => {
    pending.current = document.activeElement === e.currentTarget;
  };
}

/**
 * Moves keyboard focus to a job's status element (`holder`, tabIndex −1, in the job's panel) and scrolls
 * that panel into view: the page shows where the job started from elsewhere runs. useFocusAfterStart then
 * moves focus on to Pause once the job runs.
 */
export function focusJobStatus(holder: HTMLElement | null): void {
  if (!holder) return;
  (holder.closest('section') ?? holder).scrollIntoView({ block: 'start' });
  holder.focus({ preventScroll: true });
}

/**
 * Where an IMP run started from elsewhere on the page (Resume in the Runs tab or in the interrupted-run
 * offer) shows its progress: the Run panel's status (RunControls.tsx), which holds focus until Pause can.
 */
export const focusRunProgress = (): void =>
  focusJobStatus(document.querySelector<HTMLElement>('[data-testid="imp-status"]'));

/** Returns the row's onFocus handler (it records what had the focus last inside `row`). */
export function useFocusAfterEnd(
  row: RefObject<HTMLElement | null>,
  active: boolean,
): (e: FocusEvent<HTMLElement>) => void {
  const last = useRef<Element | null>(null);
  useEffect(() => {
    const was = last.current;
    if (active || !was) return;
    const a = document.activeElement;
    if ((a === was || !a || a === document.body) && unusable(was)) firstEnabledButton(row.current)?.focus();
  }, [row, active]);
  return (e) => {
    last.current = e.target;
  };
}
