// 2-D demo progress store (what the worker reported), backend store and view store: folding streamed batches, trail cap,
// chart thinning, backend skip reasons, one-help-at-a-time.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Demo2dBatch, Demo2dFrame } from '../../../src/protocol/worker-protocol';
import {
  DEMO_PROGRESS_STATE_DEFAULT,
  TRAIL_MAX_POINTS,
  appendTrail,
  selectBestSeries,
  selectDemoActive,
  useDemoProgressStore,
} from '../../../src/state/demo-progress-store';
import { BACKEND_DEFAULT, selectSkippedBackends, useBackendStore } from '../../../src/state/backend-store';
import { VIEW_DEFAULT, useViewStore } from '../../../src/state/view-store';

const frame = (g: number): Demo2dFrame => ({
  generation: g,
  population: new Float32Array([g, -g, 2 * g, 0]),
  mean: new Float32Array([g, 10 + g]),
  bestScore: -100 / g,
  popMeanScore: -200 / g,
});
const batch = (from: number, to: number): Demo2dBatch => ({
  kind: 'demo2d',
  frames: Array.from({ length: to - from + 1 }, (_, i) => frame(from + i)),
});
const st = () => useDemoProgressStore.getState();

beforeEach(() => {
  useDemoProgressStore.setState(DEMO_PROGRESS_STATE_DEFAULT);
  useViewStore.setState(VIEW_DEFAULT);
});

describe('demo progress store', () => {
  it('folds batches: latest population and generation, all best points, mean trail in order', () => {
    st().demoStarting(50);
    expect(st().demo.status).toBe('starting');
    expect(selectDemoActive(st())).toBe(true);
    st().demoBatch(batch(1, 3));
    st().demoBatch(batch(4, 4));
    const d = st().demo;
    expect(d.status).toBe('running');
    expect(d.generation).toBe(4);
    expect(Array.from(d.population!)).toEqual([4, -4, 8, 0]);
    expect(d.best.map((b) => b.generation)).toEqual([1, 2, 3, 4]);
    expect(d.best[1]).toEqual({ generation: 2, bestScore: -50, popMeanScore: -100 });
    expect(Array.from(d.meanTrail)).toEqual([1, 11, 2, 12, 3, 13, 4, 14]);
  });

  it('a run keeps the settings it started with (the sentence describes that run, not later choices)', () => {
    st().demoStarting(10, { fnId: 'sphere', strategyId: 'pgpe', popSize: 16 });
    st().demoBatch(batch(1, 2));
    expect(st().demo.run).toEqual({ fnId: 'sphere', strategyId: 'pgpe', popSize: 16 });
    st().demoStarting(10);
    expect(st().demo.run).toBeNull();
  });

  it('a batch arriving after pause keeps the paused status; finish records status and time', () => {
    st().demoStarting(10);
    st().demoBatch(batch(1, 1));
    st().demoStatus('paused');
    st().demoBatch(batch(2, 2));
    expect(st().demo.status).toBe('paused');
    st().demoFinished('cancelled', 123);
    expect(st().demo).toMatchObject({ status: 'cancelled', wallMs: 123, generation: 2 });
    expect(selectDemoActive(st())).toBe(false);
    st().demoFailed('boom');
    expect(st().demo).toMatchObject({ status: 'error', error: 'boom' });
    st().demoStarting(5);
    expect(st().demo).toMatchObject({ status: 'starting', error: null, generation: 0, best: [] });
  });

  it('the trail keeps only the newest TRAIL_MAX_POINTS means', () => {
    let trail: Float32Array = new Float32Array(0);
    trail = appendTrail(trail, batch(1, TRAIL_MAX_POINTS - 2));
    expect(trail.length).toBe(2 * (TRAIL_MAX_POINTS - 2));
    trail = appendTrail(trail, batch(TRAIL_MAX_POINTS - 1, TRAIL_MAX_POINTS + 5));
    expect(trail.length).toBe(2 * TRAIL_MAX_POINTS);
    // oldest kept is generation 6 (1..5 dropped), newest is TRAIL_MAX_POINTS + 5
    expect(trail[0]).toBe(6);
    expect(trail[trail.length - 2]).toBe(TRAIL_MAX_POINTS + 5);
    expect(trail[trail.length - 1]).toBe(10 + TRAIL_MAX_POINTS + 5);
  });

  it('selectBestSeries thins to ≤ maxPoints + 1, keeps the first and the exact last point', () => {
    st().demoStarting(1000);
    st().demoBatch(batch(1, 1000));
    const s = selectBestSeries(st(), 300);
    expect(s.length).toBeLessThanOrEqual(301);
    expect(s.length).toBeGreaterThan(200);
    expect(s[0].generation).toBe(1);
    expect(s[s.length - 1].generation).toBe(1000);
    for (let i = 1; i < s.length; i++) expect(s[i].generation).toBeGreaterThan(s[i - 1].generation);
    // short series pass through unchanged
    useDemoProgressStore.setState(DEMO_PROGRESS_STATE_DEFAULT);
    st().demoBatch(batch(1, 10));
    expect(selectBestSeries(st(), 300)).toBe(st().demo.best);
  });
});

describe('backend store', () => {
  it('lists skipped backends with reasons', () => {
    const st = () => useBackendStore.getState();
    useBackendStore.setState(BACKEND_DEFAULT);
    st().backendReady({
      active: 'wasm',
      pref: 'auto',
      attempts: [
        { backend: 'webgpu', ok: false, reason: 'failed to initialise', ms: 3 },
        { backend: 'webgl', ok: false, reason: 'self-check failed', ms: 40 },
        { backend: 'wasm', ok: true, reason: 'self-check passed', ms: 90 },
      ],
    });
    expect(st().backendStatus).toBe('ready');
    expect(selectSkippedBackends(st())).toEqual([
      { backend: 'webgpu', reason: 'failed to initialise' },
      { backend: 'webgl', reason: 'self-check failed' },
    ]);
  });
});

describe('view store', () => {
  it('only one help text is open at a time; toggles flip', () => {
    const v = () => useViewStore.getState();
    v().toggleHelp('a.x');
    expect(v().openHelp).toBe('a.x');
    v().toggleHelp('b.y');
    expect(v().openHelp).toBe('b.y');
    v().toggleHelp('b.y');
    expect(v().openHelp).toBeNull();
    v().toggleTrail();
    v().toggleChartTable('best');
    v().setHeatmapScale('linear');
    expect(v()).toMatchObject({ showTrail: false, chartAsTable: { best: true }, heatmapScale: 'linear' });
  });
});
