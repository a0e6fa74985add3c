/**
 * Where a job the page started stands — the 2-D demo, an IMP run, a ticket transfer — as one status type
 * with one rule for "in flight" (Start disabled, Pause/Cancel enabled). Stored runs have their own status
 * (storage/run-store.ts StoredRunStatus: what IndexedDB says about a run, which outlives the page).
 */
export type JobStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

/** Whether a job is in flight: starting, running or paused. */
export function isJobActive(status: JobStatus): boolean {
  return status === 'starting' || status === 'running' || status === 'paused';
}

/** What a status badge says (its class and data-status keep the machine word). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  idle: 'not started',
  starting: 'starting…',
  running: 'running',
  paused: 'paused',
  done: 'finished',
  cancelled: 'cancelled',
  error: 'stopped',
};
