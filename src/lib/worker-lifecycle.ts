/**
 * The one lifecycle of every comlink worker the app starts — the lab worker, the sweep workers, the
 * bundle decoder, the evaluation workers of a population split (workers/eval-peer.ts; as Node worker
 * threads through node-thread.ts), and any further compute worker: create on first use and run its
 * setup, notice when it dies (error event), race calls against that death and, when asked, against
 * silence (a heartbeat, worker-watchdog.ts), terminate, and start a fresh one on the next use.
 *
 * Why one module: a worker that dies leaves its pending comlink calls unsettled forever, so every caller
 * must race its calls against the worker's death, and a worker that stops silently needs a heartbeat.
 * Written four times, those rules drifted (which messages, whether the proxy is released, whether a new
 * worker starts). The module has no DOM or app imports: a browser Worker is adapted by `webWorkerHandle`;
 * anything else with an Endpoint, terminate and an error callback fits `WorkerHandle` as well (Node's
 * worker_threads: node-thread.ts).
 */
import { releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import { WorkerWatchdog, withHeartbeat, type WatchdogOptions } from './worker-watchdog';

/** What the lifecycle needs of a started worker. */
export interface WorkerHandle {
  /** The comlink endpoint (a Web Worker is one). */
  readonly endpoint: Endpoint;
  terminate(): void;
  /** Registers `listener`, called with a message if the worker dies with an error. */
  onError(listener: (message: string) => void): void;
}

/** A browser Web Worker (or a nested worker inside a worker) as a WorkerHandle. */
export function webWorkerHandle(worker: Worker): WorkerHandle {
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onError: (listener) => worker.addEventListener('error', (ev) => listener(ev.message || 'unknown error')),
  };
}

export interface ManagedWorkerOptions<Api> {
  /** Names the worker in messages: "<name> stopped: …". */
  readonly name: string;
  /** Starts a new worker. Write `new Worker(new URL('…', import.meta.url))` here so the bundler finds the file. */
  readonly create: () => WorkerHandle;
  /** Runs once on every new worker before `ready()` resolves (e.g. tell it where the data is, pick a backend). */
  readonly setup?: (api: Remote<Api>) => Promise<unknown>;
  /** A cheap call the worker answers even while a job runs (between its steps), for heartbeats. */
  readonly ping?: (api: Remote<Api>) => Promise<unknown>;
}

/** How long silence may last in `watched` before the worker counts as stopped (worker-watchdog.ts). */
export interface HeartbeatLimits {
  /** Minimum silence before giving up. */
  readonly baseMs: number;
  /** Multiple of the longest normal gap between answers that still counts as normal. */
  readonly factor: number;
  /** The error a silent worker's call rejects with. */
  readonly failure: (silentMs: number) => Error;
}

interface Running<Api> {
  readonly handle: WorkerHandle;
  readonly api: Remote<Api>;
  /** Rejects with the reason when this worker stops (error event or terminate with a reason). */
  readonly stopped: Promise<never>;
  readonly stop: (reason: Error) => void;
  readonly ready: Promise<void>;
}

export class ManagedWorker<Api> {
  private running: Running<Api> | null = null;
  private readonly listeners = new Set<(reason: string) => void>();

  constructor(private readonly opts: ManagedWorkerOptions<Api>) {}

  /** The API of the running worker; starts one (and its setup) if none runs. */
  api(): Remote<Api> {
    return this.start().api;
  }

  /** Resolves when the running (or a new) worker has finished its setup; rejects if it dies or setup fails. */
  ready(): Promise<void> {
    const r = this.start();
    return Promise.race([r.ready, r.stopped]);
  }

  /** `fn(api)`, rejecting with the reason if the worker dies before it settles. */
  call<T>(fn: (api: Remote<Api>) => Promise<T>): Promise<T> {
    const r = this.start();
    return Promise.race([fn(r.api), r.stopped]);
  }

  /**
   * `fn(api, alive)` under a heartbeat that does not ask: if the worker stays silent past the limit it is
   * terminated with `limits.failure`'s message (so `onStopped` listeners hear it and the next call starts a
   * fresh worker) and the call rejects with that error. `alive` is for progress messages, which count as
   * signs of life like ping replies.
   */
  watched<T>(fn: (api: Remote<Api>, alive: () => void) => Promise<T>, limits: HeartbeatLimits): Promise<T> {
    const r = this.start();
    return withHeartbeat((alive) => Promise.race([fn(r.api, alive), r.stopped]), {
      ping: () => this.ping(r),
      baseMs: limits.baseMs,
      factor: limits.factor,
      failure: limits.failure,
      beforeReject: (err) => {
        if (this.running === r) this.terminate(err.message);
      },
    });
  }

  /** A heartbeat that only reports silence (the caller decides what to do); the caller starts and stops it. */
  watchdog(opts: Omit<WatchdogOptions, 'ping'>): WorkerWatchdog {
    const r = this.start();
    return new WorkerWatchdog({ ...opts, ping: () => this.ping(r) });
  }

  /** Calls `listener` with the reason whenever the running worker stops unexpectedly. Returns an unsubscribe. */
  onStopped(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Terminates the running worker (if any); the next use starts a fresh one. With a `reason` the stop counts
   * as a failure: pending calls reject with it and `onStopped` listeners hear it. Without, it is a clean
   * shutdown.
   */
  terminate(reason?: string): void {
    const r = this.running;
    if (!r) return;
    this.running = null;
    r.stop(new Error(reason ?? `${this.opts.name} was shut down`));
    r.api[releaseProxy]();
    r.handle.terminate();
    if (reason !== undefined) for (const l of this.listeners) l(reason);
  }

  /** Whether a worker is running now. */
  get started(): boolean {
    return this.running !== null;
  }

  private ping(r: Running<Api>): Promise<unknown> {
    if (!this.opts.ping) return Promise.reject(new Error(`${this.opts.name} has no ping`));
    return this.opts.ping(r.api);
  }

  private start(): Running<Api> {
    if (this.running) return this.running;
    const handle = this.opts.create();
    let stop: (reason: Error) => void = () => undefined;
    const stopped = new Promise<never>((_, reject) => {
      stop = reject;
    });
    stopped.catch(() => undefined); // observed through the races above
    const api = wrap<Api>(handle.endpoint);
    const ready = this.opts.setup ? this.opts.setup(api).then(() => undefined) : Promise.resolve();
    ready.catch(() => undefined); // reported through ready()
    const r: Running<Api> = { handle, api, stopped, stop, ready };
    this.running = r;
    handle.onError((message) => {
      if (this.running === r) this.terminate(`${this.opts.name} stopped: ${message}`);
    });
    return r;
  }
}
