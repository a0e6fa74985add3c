/**
 * Keyboard focus across a job's Start and Stop. Start buttons are disabled (or replaced) while their job
 * runs, and Stop / Cancel buttons are disabled (or replaced) once it ends; a focused button that becomes
 * disabled or leaves the page drops keyboard focus to the page (the next Tab starts again at the top).
 *
 * `useFocusAfterStart` keeps it in the controls: while the job starts, focus waits on `holder` (a status
 * element with tabIndex -1); once it runs, it moves to the row's Pause button — never to Cancel or Stop,
 * where a second Enter would stop the job. `useFocusAfterStop` moves it, once the job has ended, to the
 * row's first enabled button (Start again), as `useFocusAfterStart` does when the job ends before it ran
 * (it failed while starting). A user who has moved focus elsewhere meanwhile is left alone.
 */
import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';

/** Whether focus has fallen out of the controls: to the page, or onto a button that can no longer be used. */
function focusLost(holder?: HTMLElement | null): boolean {
  const a = document.activeElement;
  return !a || a === document.body || a === holder || !a.isConnected || (a as HTMLButtonElement).disabled === true;
}

const firstEnabledButton = (row: HTMLElement | null) =>
  [...(row?.querySelectorAll('button') ?? [])].find((b) => !b.disabled);

export function useFocusAfterStart(
  row: RefObject<HTMLElement | null>,
  holder: RefObject<HTMLElement | null>,
  status: string,
  active: boolean,
): (e: MouseEvent<HTMLButtonElement>) => void {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    if (!focusLost(holder.current)) {
      pending.current = false;
      return;
    }
    const pause = [...(row.current?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Pause');
    if (status === 'running' && pause && !pause.disabled) {
      pause.focus();
      pending.current = false;
    } else if (active) holder.current?.focus();
    else {
      // The job ended before it ran (it failed, or was cancelled while starting): back to Start.
      pending.current = false;
      firstEnabledButton(row.current)?.focus();
    }
  }, [row, holder, status, active]);
  // Called from Start's onClick: remember whether Start had the focus (a mouse click may not give it).
  return (e) => {
    pending.current = document.activeElement === e.currentTarget;
  };
}

export function useFocusAfterStop(
  row: RefObject<HTMLElement | null>,
  active: boolean,
): (e: MouseEvent<HTMLButtonElement>) => void {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current || active) return;
    pending.current = false;
    if (!focusLost()) return;
    firstEnabledButton(row.current)?.focus();
  }, [row, active]);
  // Called from Stop's / Cancel's onClick: remember whether it had the focus.
  return (e) => {
    pending.current = document.activeElement === e.currentTarget;
  };
}
