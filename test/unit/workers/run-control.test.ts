// RunControl and ProgressBatcher (workers/run-control.ts): pause/resume/cancel semantics and throttled
// batching, driven with a fake clock so the timing rules are checked exactly.
import { describe, expect, it } from 'vitest';
import { ProgressBatcher, RunCancelled, RunControl } from '../../../workers/run-control';

/** A controllable clock. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

describe('RunControl', () => {
  it('runs freely, yields only after yieldEveryMs', async () => {
    const clock = fakeClock();
    let yields = 0;
    const ctl = new RunControl({
      yieldEveryMs: 10,
      now: clock.now,
      yieldFn: async () => {
        yields++;
      },
    });
    for (let i = 0; i < 5; i++) {
      await ctl.step();
      clock.advance(3);
    }
    // steps at t=0,3,6,9 do not yield; t=12 ≥ 10 does
    expect(yields).toBe(1);
    expect(ctl.phase).toBe('running');
  });

  it('step() blocks while paused and continues after resume', async () => {
    const ctl = new RunControl();
    ctl.pause();
    expect(ctl.phase).toBe('paused');
    let passed = false;
    const p = ctl.step().then(() => {
      passed = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(passed).toBe(false);
    ctl.resume();
    await p;
    expect(passed).toBe(true);
    expect(ctl.phase).toBe('running');
  });

  it('cancel() throws RunCancelled from step(), also when it was paused', async () => {
    const ctl = new RunControl();
    ctl.pause();
    const p = ctl.step();
    ctl.cancel();
    await expect(p).rejects.toBeInstanceOf(RunCancelled);
    await expect(ctl.step()).rejects.toBeInstanceOf(RunCancelled);
    // pause/resume after cancel do not revive the run
    ctl.resume();
    ctl.pause();
    expect(ctl.phase).toBe('cancelled');
  });

  it('a loop stops within one generation of a cancel delivered as a macrotask', async () => {
    const ctl = new RunControl({ yieldEveryMs: 0 });
    let gens = 0;
    setTimeout(() => ctl.cancel(), 15);
    const loop = (async () => {
      for (;;) {
        await ctl.step();
        gens++;
        const t = Date.now();
        while (Date.now() - t < 2);
      }
    })();
    await expect(loop).rejects.toBeInstanceOf(RunCancelled);
    const atCancel = gens;
    expect(atCancel).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(gens).toBe(atCancel);
  });
});

describe('ProgressBatcher', () => {
  it('first item goes out at once; then batches by time interval', () => {
    const clock = fakeClock();
    const batches: number[][] = [];
    const b = new ProgressBatcher<number>((x) => batches.push(x), { minIntervalMs: 33, everyN: 1000, now: clock.now });
    b.push(0);
    expect(batches).toEqual([[0]]);
    for (let i = 1; i <= 10; i++) {
      clock.advance(5);
      b.push(i);
    }
    // items at t=5..30 wait; the item at t=35 (≥ 33 after t=0) flushes 1..7
    expect(batches).toEqual([[0], [1, 2, 3, 4, 5, 6, 7]]);
    expect(b.pendingCount).toBe(3);
    b.flush();
    expect(batches[2]).toEqual([8, 9, 10]);
    b.flush();
    expect(batches.length).toBe(3);
  });

  it('flushes every N items even when the clock does not move', () => {
    const clock = fakeClock();
    const sizes: number[] = [];
    const b = new ProgressBatcher<number>((x) => sizes.push(x.length), {
      minIntervalMs: 1e9,
      everyN: 4,
      now: clock.now,
    });
    for (let i = 0; i < 13; i++) b.push(i);
    expect(sizes).toEqual([1, 4, 4, 4]);
    b.flush();
    expect(sizes.reduce((a, c) => a + c, 0)).toBe(13);
  });
});
