/**
 * Start buttons are disabled while their job runs, and a focused button that becomes disabled drops
 * keyboard focus to the page (the next Tab starts again at the top). This keeps it in the controls: while
 * the job starts, focus waits on `holder` (a status element with tabIndex -1); once it runs, it moves to
 * the row's Pause button — never to Cancel, where a second Enter would stop the job. A user who has moved
 * focus elsewhere meanwhile is left alone.
 */
import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';

export function useFocusAfterStart(
  row: RefObject<HTMLElement | null>,
  holder: RefObject<HTMLElement | null>,
  status: string,
  active: boolean,
): (e: MouseEvent<HTMLButtonElement>) => void {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    const a = document.activeElement;
    if (a && a !== document.body && a !== holder.current) {
      pending.current = false;
      return;
    }
    const pause = [...(row.current?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Pause');
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
