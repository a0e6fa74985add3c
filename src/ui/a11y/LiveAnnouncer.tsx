/**
 * A visually hidden polite live region for long jobs (runs, the 2-D demo, analyses, transfers): screen
 * readers hear the events that matter (started, a round finished, done) at once, and the running
 * progress at most once every `everyMs` — never one announcement per generation. The visible progress
 * bars and counters around it are not live regions.
 */
import { useEffect, useRef, useState } from 'react';

export interface LiveAnnouncerProps {
  /** Said at once whenever it changes (e.g. "Round 3 of 6 finished: …"). */
  readonly event: string | null;
  /** Said when it changes, at most once every `everyMs` and never sooner than `everyMs` after an event. */
  readonly progress?: string | null;
  readonly everyMs?: number;
}

export function LiveAnnouncer({ event, progress = null, everyMs = 10_000 }: LiveAnnouncerProps) {
  const [text, setText] = useState('');
  const lastAt = useRef(0);
  useEffect(() => {
    if (!event) return;
    lastAt.current = performance.now();
    setText(event);
  }, [event]);
  useEffect(() => {
    if (!progress) return;
    const now = performance.now();
    if (now - lastAt.current < everyMs) return;
    lastAt.current = now;
    setText(progress);
  }, [progress, everyMs]);
  return (
    <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {text}
    </p>
  );
}
