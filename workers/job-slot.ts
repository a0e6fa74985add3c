/**
 * The lab engine's one job slot (docs/ARCHITECTURE.md convention 9): a worker runs one job at a time, each
 * with its own `RunControl`. A second job is refused with the name of the one in flight, as an error named
 * WORKER_BUSY_ERROR (so the page does not take it for a failing backend); pause, resume and cancel go to
 * the running job; a job stopped from outside for a reason (a lost GPU device) rejects with that reason
 * instead of ending as 'cancelled'. Also the fire-and-forget progress post every job streams through.
 */
import { WORKER_BUSY_ERROR, type ProgressSink, type RunOutcome } from '../src/protocol/worker-protocol';
import { RunCancelled, RunControl, type RunPhase } from './run-control';

interface Job {
  readonly kind: string;
  readonly ctl: RunControl;
  failure?: Error;
}

export class JobSlot {
  private job: Job | null = null;

  /** Kind of the job in flight ('demo2d', 'imp', …) or null. */
  get kind(): string | null {
    return this.job?.kind ?? null;
  }

  get phase(): RunPhase | 'idle' {
    return this.job ? this.job.ctl.phase : 'idle';
  }

  /** Pauses the running job at its next generation boundary. */
  pause(): void {
    this.job?.ctl.pause();
  }

  /** Resumes a paused job. */
  resume(): void {
    this.job?.ctl.resume();
  }

  /** Cancels the running job: it stops within one generation and frees its tensors. */
  cancel(): void {
    this.job?.ctl.cancel();
  }

  /** Stops the running job at its next generation; it rejects with `failure` instead of ending as cancelled. */
  fail(failure: Error): void {
    if (!this.job) return;
    this.job.failure = failure;
    this.job.ctl.cancel();
  }

  /** Runs `body` as the one job; maps `RunCancelled` to a 'cancelled' outcome and always frees the slot. */
  async run<R>(kind: string, body: (ctl: RunControl) => Promise<R>): Promise<RunOutcome<R>> {
    if (this.job) {
      const busy = new Error(
        `a ${this.job.kind} run is already in progress in this worker; cancel it (or wait) before starting ${kind}`,
      );
      busy.name = WORKER_BUSY_ERROR; // the page tells "busy" from a failing backend by this name
      throw busy;
    }
    const job: Job = { kind, ctl: new RunControl() };
    this.job = job;
    const t0 = performance.now();
    try {
      const result = await body(job.ctl);
      return { status: 'done', result, ms: performance.now() - t0 };
    } catch (err) {
      if (err instanceof RunCancelled && job.failure) throw job.failure;
      if (err instanceof RunCancelled) return { status: 'cancelled', ms: performance.now() - t0 };
      throw err;
    } finally {
      this.job = null;
    }
  }
}

/**
 * A poster that hands each message (its `buffers` marked for transfer) to the page's `onProgress` without
 * waiting: a job never blocks on the page, and a page that went away does not fail the job.
 */
export function progressPoster<T>(
  onProgress: ProgressSink<T>,
  transfer: <V>(value: V, buffers: ArrayBuffer[]) => V,
): (msg: T, buffers: ArrayBuffer[]) => void {
  return (msg, buffers) => {
    void Promise.resolve(onProgress(transfer(msg, buffers))).catch(() => undefined);
  };
}
