/**
 * Heartbeat for a compute worker (if the worker dies, the UI says so and offers to continue).
 *
 * A worker that throws is reported by its `error` event (lab-client.ts), but one that stops without an
 * error (closed, wedged in native code, frozen by the browser) leaves every pending comlink call hanging
 * forever and the page would show "running" indefinitely. While a run is active the page pings the
 * worker; any reply or progress message counts as "alive". When nothing has come back for longer than
 * the silence limit, `onSilent` fires (and again every interval while silence continues, with the
 * growing duration); a later sign of life fires `onAlive`.
 *
 * Why adaptive, and why only a warning: the worker answers between generations, and one generation can
 * legitimately take many seconds (a big network on the plain-JS cpu backend). The limit is therefore
 * max(baseMs, factor × the longest gap seen so far in this run), and the UI only *offers* to stop the
 * worker; it never kills a run on its own.
 */

export interface WatchdogOptions {
  /** Sends one ping; resolves when the worker answers (never, if it is dead). */
  readonly ping: () => Promise<unknown>;
  /** Called with the silence so far and the longest gap seen before it. */
  readonly onSilent: (silentForMs: number, longestGapMs: number) => void;
  /** Called when the worker answers again after `onSilent`. */
  readonly onAlive: () => void;
  /** Ping period (default 2 s). */
  readonly intervalMs?: number;
  /** Minimum silence before warning (default 30 s). */
  readonly baseMs?: number;
  /** Multiple of the longest gap seen that still counts as normal (default 4). */
  readonly factor?: number;
  /** Clock (tests inject a fake one). */
  readonly now?: () => number;
}

export class WorkerWatchdog {
  private lastAlive: number;
  private longestGap = 0;
  private pinging = false;
  private warned = false;
  private quietUntil = -Infinity;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly baseMs: number;
  private readonly factor: number;

  constructor(private readonly opts: WatchdogOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.intervalMs = opts.intervalMs ?? 2000;
    this.baseMs = opts.baseMs ?? 30_000;
    this.factor = opts.factor ?? 4;
    this.lastAlive = this.now();
  }

  /** Silence (ms) after which the worker is reported: max(base, factor × longest normal gap). */
  get limitMs(): number {
    return Math.max(this.baseMs, this.factor * this.longestGap);
  }

  start(): void {
    if (this.timer) return;
    this.lastAlive = this.now();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** "Keep waiting": no further warning for one more silence limit (the silence is still measured). */
  snooze(): void {
    this.quietUntil = this.now() + this.limitMs;
  }

  /** A sign of life (a ping reply or any progress message). */
  alive(): void {
    const t = this.now();
    const gap = t - this.lastAlive;
    this.lastAlive = t;
    if (this.warned) {
      // The gap that ended a warning was abnormal by definition; it must not raise the limit.
      this.warned = false;
      this.opts.onAlive();
    } else if (gap > this.longestGap) this.longestGap = gap;
  }

  private tick(): void {
    const silent = this.now() - this.lastAlive;
    if (silent > this.limitMs && this.now() >= this.quietUntil) {
      this.warned = true;
      this.opts.onSilent(silent, this.longestGap);
    }
    // One ping in flight at a time: a busy worker queues them, and a dead one would pile them up.
    if (this.pinging) return;
    this.pinging = true;
    this.opts.ping().then(
      () => {
        this.pinging = false;
        if (this.timer) this.alive();
      },
      () => {
        this.pinging = false;
      },
    );
  }
}

/**
 * Runs `start(alive)` under a watchdog that does not ask: if the worker stays silent past the limit, the
 * returned promise rejects with `failure(silentMs)` (after `beforeReject`, e.g. terminating the worker).
 * `alive` is for progress messages, which count as signs of life like ping replies.
 */
export function withHeartbeat<T>(
  start: (alive: () => void) => Promise<T>,
  o: {
    readonly ping: () => Promise<unknown>;
    readonly baseMs: number;
    readonly factor: number;
    readonly failure: (silentMs: number) => Error;
    readonly beforeReject?: (err: Error) => void;
  },
): Promise<T> {
  let fail: (err: Error) => void = () => undefined;
  const silent = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const dog: WorkerWatchdog = new WorkerWatchdog({
    ping: o.ping,
    onAlive: () => undefined,
    baseMs: o.baseMs,
    factor: o.factor,
    onSilent: (ms) => {
      dog.stop();
      const err = o.failure(ms);
      o.beforeReject?.(err);
      fail(err);
    },
  });
  dog.start();
  return Promise.race([start(() => dog.alive()), silent]).finally(() => dog.stop());
}
