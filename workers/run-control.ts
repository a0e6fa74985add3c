/**
 * Run control for worker-hosted runs (docs/ARCHITECTURE.md convention 9): pause, resume, cancel.
 *
 * A worker is single-threaded: pause/cancel requests arrive as messages, and messages are only handled
 * when the run loop yields to the event loop. `RunControl.step()` is called once per generation; it
 * yields when enough time has passed since the last yield (so the loop stays fast), waits while paused,
 * and throws `RunCancelled` once cancel was requested — so a run stops within one generation of the
 * cancel message being handled. `ProgressBatcher` turns per-generation items into batches sent at most
 * every `minIntervalMs` or every `everyNGens` items (whichever comes first), plus a forced flush at the
 * end of a round or run. Both are plain classes with injectable clocks so they are tested in Node.
 */

/** Thrown from `RunControl.step()` after `cancel()`; run bodies let it propagate after cleanup. */
export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelled';
  }
}

export type RunPhase = 'running' | 'paused' | 'cancelled';

export interface RunControlOptions {
  /** Yield to the event loop at least this often while running (ms). Keeps cancel/pause latency low. */
  readonly yieldEveryMs?: number;
  /** Clock in ms (default performance.now). */
  readonly now?: () => number;
  /** How to yield (default: a macrotask via setTimeout 0, so queued messages are handled). */
  readonly yieldFn?: () => Promise<void>;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Pause / resume / cancel token shared by a run body and the façade that receives user requests. */
export class RunControl {
  private phaseNow: RunPhase = 'running';
  private resumeWaiters: (() => void)[] = [];
  private lastYieldMs: number;
  private readonly yieldEveryMs: number;
  private readonly now: () => number;
  private readonly yieldFn: () => Promise<void>;

  constructor(opts: RunControlOptions = {}) {
    this.yieldEveryMs = opts.yieldEveryMs ?? 8;
    this.now = opts.now ?? (() => performance.now());
    this.yieldFn = opts.yieldFn ?? macrotask;
    this.lastYieldMs = this.now();
  }

  get phase(): RunPhase {
    return this.phaseNow;
  }
  get cancelled(): boolean {
    return this.phaseNow === 'cancelled';
  }

  /** Requests a pause; the run stops at its next `step()`. No effect once cancelled. */
  pause(): void {
    if (this.phaseNow === 'running') this.phaseNow = 'paused';
  }

  /** Resumes a paused run. */
  resume(): void {
    if (this.phaseNow !== 'paused') return;
    this.phaseNow = 'running';
    this.wakeWaiters();
  }

  /** Requests cancellation; a paused run is woken so it can clean up. Idempotent. */
  cancel(): void {
    this.phaseNow = 'cancelled';
    this.wakeWaiters();
  }

  /**
   * Call once per generation. Throws `RunCancelled` if cancelled; waits while paused; otherwise yields
   * to the event loop if `yieldEveryMs` passed since the last yield (so pause/cancel messages get in).
   */
  async step(): Promise<void> {
    this.throwIfCancelled();
    if (this.now() - this.lastYieldMs >= this.yieldEveryMs) {
      await this.yieldFn();
      this.lastYieldMs = this.now();
    }
    this.throwIfCancelled();
    while (this.phaseNow === 'paused') {
      await new Promise<void>((resolve) => this.resumeWaiters.push(resolve));
      this.lastYieldMs = this.now();
    }
    this.throwIfCancelled();
  }

  /** Sleeps `ms` (used to throttle demo speed) while staying responsive to pause and cancel. */
  async sleep(ms: number): Promise<void> {
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    this.lastYieldMs = this.now();
    await this.step();
  }

  private throwIfCancelled(): void {
    if (this.phaseNow === 'cancelled') throw new RunCancelled();
  }

  private wakeWaiters(): void {
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const w of waiters) w();
  }
}

export interface BatcherOptions {
  /** Flush at most this often by time (ms); ~33 ms ≈ 30 updates/s, one per animation frame at 30 Hz. */
  readonly minIntervalMs?: number;
  /** …or whenever this many items are pending. */
  readonly everyN?: number;
  readonly now?: () => number;
}

/** Collects per-generation items and hands them to `sink` in throttled batches. */
export class ProgressBatcher<T> {
  private pending: T[] = [];
  private lastFlushMs: number;
  private readonly minIntervalMs: number;
  private readonly everyN: number;
  private readonly now: () => number;

  constructor(
    private readonly sink: (batch: T[]) => void,
    opts: BatcherOptions = {},
  ) {
    this.minIntervalMs = opts.minIntervalMs ?? 33;
    this.everyN = opts.everyN ?? 50;
    this.now = opts.now ?? (() => performance.now());
    // Start "long ago" so the very first item is shown immediately (the user sees the run start).
    this.lastFlushMs = -Infinity;
  }

  /** Number of items waiting for the next flush. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Adds one item; flushes if the interval elapsed or `everyN` items are pending. */
  push(item: T): void {
    this.pending.push(item);
    if (this.pending.length >= this.everyN || this.now() - this.lastFlushMs >= this.minIntervalMs) this.flush();
  }

  /** Sends everything pending now (call at a round's end and at the end of a run). No-op when empty. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.lastFlushMs = this.now();
    this.sink(batch);
  }
}
