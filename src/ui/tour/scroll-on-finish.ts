/**
 * When a run that streamed in this tab finishes, bring its result into view: the sentence sits at the
 * top of the results, and a student watching the progress bar should not have to look for it.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { isJobActive, type JobStatus } from '../../state/job-status';

/**
 * Scrolls the element of `ref` (or its nearest ancestor matching `closest`) into view when `status` goes
 * from a running state to 'done'.
 */
export function useScrollOnFinish(status: JobStatus, ref: RefObject<Element | null>, closest?: string): void {
  const was = useRef(status);
  useEffect(() => {
    const before = was.current;
    was.current = status;
    if (status !== 'done' || !isJobActive(before)) return;
    const el = ref.current;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    (closest ? (el?.closest(closest) ?? el) : el)?.scrollIntoView({
      block: 'start',
      behavior: reduced ? 'auto' : 'smooth',
    });
  }, [status, ref, closest]);
}
