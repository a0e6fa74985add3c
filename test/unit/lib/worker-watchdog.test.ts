/**
 * The worker heartbeat (src/lib/worker-watchdog.ts: if the worker dies, the UI says so):
 * a silent worker is reported after the silence limit, a slow-but-alive one is not, the limit adapts
 * to the longest normal gap, "keep waiting" snoozes, and pings never pile up. Fake timers and clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerWatchdog, withHeartbeat } from '../../../src/lib/worker-watchdog';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

function harness(ping: () => Promise<unknown>) {
  const silent: Array<[number, number]> = [];
  let alive = 0;
  const dog = new WorkerWatchdog({
    ping,
    onSilent: (ms, gap) => silent.push([ms, gap]),
    onAlive: () => {
      alive++;
    },
    intervalMs: 2000,
    baseMs: 30_000,
    factor: 4,
    now: () => Date.now(),
  });
  return { dog, silent, alive: () => alive };
}

describe('WorkerWatchdog', () => {
  it('reports a worker that never answers once the silence passes the limit, with the growing duration', async () => {
    let pings = 0;
    const h = harness(() => {
      pings++;
      return new Promise(() => undefined);
    });
    h.dog.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.silent).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.silent).toEqual([[32_000, 0]]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(h.silent.map(([ms]) => ms)).toEqual([32_000, 34_000, 36_000]);
    expect(pings).toBe(1); // one ping in flight at a time: a dead worker does not collect a queue of them
    h.dog.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.silent).toHaveLength(3);
  });

  it('never reports a worker that answers only between 10-s generations (the limit grows to 4 × 10 s)', async () => {
    // The worker replies to a ping when its current generation ends: every 10 s.
    const h = harness(
      () =>
        new Promise((resolve) => {
          setTimeout(resolve, 10_000 - (Date.now() % 10_000));
        }),
    );
    h.dog.start();
    await vi.advanceTimersByTimeAsync(200_000);
    expect(h.silent).toEqual([]);
    expect(h.dog.limitMs).toBe(40_000);
  });

  it('a long but normal first gap raises the limit; progress messages count as signs of life', async () => {
    const h = harness(() => new Promise(() => undefined));
    h.dog.start();
    await vi.advanceTimersByTimeAsync(20_000);
    h.dog.alive(); // a progress message after a 20-s generation
    expect(h.dog.limitMs).toBe(80_000);
    await vi.advanceTimersByTimeAsync(78_000);
    expect(h.silent).toEqual([]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(h.silent[0][0]).toBeGreaterThan(80_000);
    expect(h.silent[0][1]).toBe(20_000);
  });

  it('a worker that answers again after the warning clears it, and that abnormal gap does not raise the limit', async () => {
    const h = harness(() => new Promise(() => undefined));
    h.dog.start();
    await vi.advanceTimersByTimeAsync(34_000);
    expect(h.silent.length).toBeGreaterThan(0);
    h.dog.alive();
    expect(h.alive()).toBe(1);
    expect(h.dog.limitMs).toBe(30_000);
  });

  it('"keep waiting" snoozes the warning for one more limit while the silence keeps counting', async () => {
    const h = harness(() => new Promise(() => undefined));
    h.dog.start();
    await vi.advanceTimersByTimeAsync(32_000);
    expect(h.silent).toHaveLength(1);
    h.dog.snooze(); // at 32 s: quiet until 62 s
    await vi.advanceTimersByTimeAsync(28_000);
    expect(h.silent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.silent).toHaveLength(2);
    expect(h.silent[1][0]).toBe(62_000);
  });

  it('withHeartbeat rejects a call whose worker falls silent (after beforeReject) and passes a live one through', async () => {
    const terminated: string[] = [];
    const opts = {
      baseMs: 10_000,
      factor: 4,
      failure: (ms: number) => new Error(`silent ${ms}`),
      beforeReject: (e: Error) => terminated.push(e.message),
    };
    const dead = withHeartbeat(() => new Promise<string>(() => undefined), {
      ...opts,
      ping: () => new Promise(() => undefined),
    });
    const deadResult = dead.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    await vi.advanceTimersByTimeAsync(12_000);
    expect(await deadResult).toBe('silent 12000');
    expect(terminated).toEqual(['silent 12000']);
    // a slow call on a worker that answers pings (and sends progress) finishes normally
    const live = withHeartbeat(
      (alive) =>
        new Promise<string>((resolve) => {
          const beat = setInterval(alive, 5000);
          setTimeout(() => {
            clearInterval(beat);
            resolve('done');
          }, 60_000);
        }),
      { ...opts, ping: () => Promise.resolve() },
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await live).toBe('done');
    expect(terminated).toHaveLength(1);
  });
});
