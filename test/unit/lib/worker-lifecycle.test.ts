/**
 * The one worker lifecycle (src/lib/worker-lifecycle.ts) with stand-in workers: a live one (comlink over a
 * MessageChannel) and a dead one (an endpoint that never answers). A worker starts once, runs its setup
 * once, a death rejects pending calls with the reason and tells the listeners, a silent worker is
 * terminated after the heartbeat limit, and the next use after any stop starts a fresh worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expose, type Endpoint } from 'comlink';
import { ManagedWorker, type WorkerHandle } from '../../../src/lib/worker-lifecycle';

class FakeHandle implements WorkerHandle {
  terminated = false;
  private readonly errorListeners: ((m: string) => void)[] = [];
  constructor(readonly endpoint: Endpoint) {}
  onError(listener: (m: string) => void): void {
    this.errorListeners.push(listener);
  }
  /** The worker dies with an error event. */
  fail(message: string): void {
    for (const l of this.errorListeners) l(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

interface Api {
  add(a: number, b: number): number;
  hang(): Promise<number>;
  status(): string;
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
  vi.useRealTimers();
});

/** A worker that answers: the API exposed on one end of a MessageChannel. */
function liveHandle(): FakeHandle {
  const ch = new MessageChannel();
  channels.push(ch);
  const api: Api = { add: (a, b) => a + b, hang: () => new Promise<number>(() => undefined), status: () => 'ok' };
  expose(api, ch.port1 as unknown as Endpoint);
  return new FakeHandle(ch.port2 as unknown as Endpoint);
}

/** A worker that never answers anything. */
function deadHandle(): FakeHandle {
  return new FakeHandle({
    postMessage: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  });
}

describe('ManagedWorker', () => {
  it('starts one worker on first use, runs its setup once, and starts a fresh one after a clean terminate', async () => {
    const handles: FakeHandle[] = [];
    let setups = 0;
    const w = new ManagedWorker<Api>({
      name: 'the test worker',
      create: () => {
        handles.push(liveHandle());
        return handles[handles.length - 1];
      },
      setup: async (api) => {
        setups++;
        expect(await api.status()).toBe('ok');
      },
    });
    expect(w.started).toBe(false);
    await w.ready();
    expect(await w.call((api) => api.add(2, 3))).toBe(5);
    expect(await w.api().add(1, 1)).toBe(2);
    expect([handles.length, setups]).toEqual([1, 1]);
    const heard: string[] = [];
    w.onStopped((r) => heard.push(r));
    w.terminate();
    expect(handles[0].terminated).toBe(true);
    expect(heard).toEqual([]); // a clean shutdown is not a failure
    expect(await w.call((api) => api.add(4, 4))).toBe(8);
    expect([handles.length, setups]).toEqual([2, 2]);
  });

  it('a worker that dies rejects its pending calls with the reason, tells the listeners, and is replaced', async () => {
    const handles: FakeHandle[] = [];
    const w = new ManagedWorker<Api>({
      name: 'the test worker',
      create: () => {
        handles.push(handles.length === 0 ? deadHandle() : liveHandle());
        return handles[handles.length - 1];
      },
    });
    const heard: string[] = [];
    const unsubscribe = w.onStopped((r) => heard.push(r));
    const pending = w.call((api) => api.add(1, 2));
    handles[0].fail('out of memory');
    await expect(pending).rejects.toThrow('the test worker stopped: out of memory');
    expect(heard).toEqual(['the test worker stopped: out of memory']);
    expect(handles[0].terminated).toBe(true);
    expect(w.started).toBe(false);
    unsubscribe();
    expect(await w.call((api) => api.add(1, 2))).toBe(3);
    expect(handles.length).toBe(2);
    w.terminate('given up');
    expect(heard).toHaveLength(1); // unsubscribed
  });

  it('ready() rejects when the setup fails or the worker dies during it', async () => {
    const failing = new ManagedWorker<Api>({
      name: 'w',
      create: liveHandle,
      setup: () => Promise.reject(new Error('no backend')),
    });
    await expect(failing.ready()).rejects.toThrow('no backend');
    let handle: FakeHandle | null = null;
    const dying = new ManagedWorker<Api>({
      name: 'w',
      create: () => (handle = deadHandle()),
      setup: (api) => api.status(),
    });
    const ready = dying.ready();
    handle!.fail('crash');
    await expect(ready).rejects.toThrow('w stopped: crash');
  });

  it('watched: a silent worker is terminated with the failure message after the limit', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    let handle: FakeHandle | null = null;
    const w = new ManagedWorker<Api>({ name: 'w', create: () => (handle = deadHandle()), ping: (api) => api.status() });
    const heard: string[] = [];
    w.onStopped((r) => heard.push(r));
    const result = w
      .watched((api) => api.hang(), { baseMs: 10_000, factor: 4, failure: (ms) => new Error(`silent ${ms} ms`) })
      .then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    await vi.advanceTimersByTimeAsync(12_000);
    expect(await result).toBe('silent 12000 ms');
    expect(heard).toEqual(['silent 12000 ms']);
    expect(handle!.terminated).toBe(true);
    expect(w.started).toBe(false);
  });
});
