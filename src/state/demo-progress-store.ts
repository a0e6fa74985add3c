/**
 * What the worker reported for the 2-D ES demo (docs/ARCHITECTURE.md convention 10, "what the worker reported"): its
 * run status and streamed frames, folded into compact arrays. Batches arrive at most ~30 times per
 * second, so the UI re-renders per batch, never per generation (convention 9).
 */
import { create } from 'zustand';
import type { Demo2dBatch } from '../protocol/worker-protocol';

import { isJobActive, type JobStatus } from './job-status';

/** One point of the best-score chart. */
export interface BestPoint {
  readonly generation: number;
  readonly bestScore: number;
  readonly popMeanScore: number;
}

/** How many mean positions the trail keeps (older ones are dropped). */
export const TRAIL_MAX_POINTS = 400;

export interface DemoProgress {
  readonly status: JobStatus;
  readonly error: string | null;
  /** Generations finished so far (1-based count). */
  readonly generation: number;
  readonly totalGenerations: number;
  /** Latest population, row-major [P × 2]. */
  readonly population: Float32Array | null;
  /** Mean positions, flat [x0, y0, x1, y1, …], at most TRAIL_MAX_POINTS points. */
  readonly meanTrail: Float32Array;
  readonly best: readonly BestPoint[];
  readonly wallMs: number | null;
  /** What this run was started with (the settings may have changed since): null before the first run. */
  readonly run: DemoRunSettings | null;
}

/** The settings a demo run started with, for describing its results. */
export interface DemoRunSettings {
  readonly fnId: string;
  readonly strategyId: string;
  readonly popSize: number;
}

export interface DemoProgressState {
  readonly demo: DemoProgress;
}

export interface DemoProgressActions {
  demoStarting(totalGenerations: number, run?: DemoRunSettings): void;
  demoBatch(batch: Demo2dBatch): void;
  demoStatus(status: 'running' | 'paused'): void;
  demoFinished(status: 'done' | 'cancelled', wallMs: number): void;
  demoFailed(message: string): void;
}

export const DEMO_PROGRESS_DEFAULT: DemoProgress = {
  status: 'idle',
  error: null,
  generation: 0,
  totalGenerations: 0,
  population: null,
  meanTrail: new Float32Array(0),
  best: [],
  wallMs: null,
  run: null,
};

export const DEMO_PROGRESS_STATE_DEFAULT: DemoProgressState = { demo: DEMO_PROGRESS_DEFAULT };

/** Appends the batch's means to the trail, keeping the newest TRAIL_MAX_POINTS. Pure; exported for tests. */
export function appendTrail(trail: Float32Array, batch: Demo2dBatch): Float32Array {
  const n = trail.length / 2 + batch.frames.length;
  const keep = Math.min(n, TRAIL_MAX_POINTS);
  const all = new Float32Array(2 * n);
  all.set(trail);
  batch.frames.forEach((f, i) => all.set(f.mean.subarray(0, 2), trail.length + 2 * i));
  return all.slice(2 * (n - keep));
}

export const useDemoProgressStore = create<DemoProgressState & DemoProgressActions>()((set) => ({
  ...DEMO_PROGRESS_STATE_DEFAULT,
  demoStarting: (totalGenerations, run) =>
    set({ demo: { ...DEMO_PROGRESS_DEFAULT, status: 'starting', totalGenerations, run: run ?? null } }),
  demoBatch: (batch) =>
    set((s) => {
      const last = batch.frames[batch.frames.length - 1];
      if (!last) return s;
      const d = s.demo;
      return {
        demo: {
          ...d,
          // A batch may land after pause was requested; keep 'paused' visible in that case.
          status: d.status === 'starting' ? 'running' : d.status,
          generation: last.generation,
          population: last.population,
          meanTrail: appendTrail(d.meanTrail, batch),
          best: [
            ...d.best,
            ...batch.frames.map((f) => ({
              generation: f.generation,
              bestScore: f.bestScore,
              popMeanScore: f.popMeanScore,
            })),
          ],
        },
      };
    }),
  demoStatus: (status) => set((s) => ({ demo: { ...s.demo, status } })),
  demoFinished: (status, wallMs) => set((s) => ({ demo: { ...s.demo, status, wallMs } })),
  demoFailed: (error) => set((s) => ({ demo: { ...s.demo, status: 'error', error } })),
}));

/** Whether a run is in flight (Start disabled, Pause/Cancel enabled). */
export function selectDemoActive(s: DemoProgressState): boolean {
  return isJobActive(s.demo.status);
}

/**
 * Best-score series for the chart, thinned to at most `maxPoints` by keeping every k-th point plus
 * the last (so the curve's end is exact). Pure; exported for tests.
 */
export function selectBestSeries(s: DemoProgressState, maxPoints = 300): readonly BestPoint[] {
  const all = s.demo.best;
  if (all.length <= maxPoints) return all;
  const stride = Math.ceil(all.length / maxPoints);
  const out: BestPoint[] = [];
  for (let i = 0; i < all.length; i += stride) out.push(all[i]);
  if (out[out.length - 1] !== all[all.length - 1]) out.push(all[all.length - 1]);
  return out;
}
