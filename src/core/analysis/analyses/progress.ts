/**
 * One progress bar over a whole analysis, however many core calls it makes: each step declares how many
 * units (networks evaluated, or records) it covers, and the grid calls inside report their own rows on top
 * of the steps already done. The gate (the worker's pause/cancel point) is awaited between chunks.
 */
import type { GridRunOptions } from '../run/evaluate-grid';
import type { AnalysisContext } from './types';

export interface ProgressTracker {
  /** Runs a grid job covering `units` networks; the job gets GridRunOptions that report into this bar. */
  step<T>(units: number, label: string, job: (opts: GridRunOptions) => Promise<T>): Promise<T>;
  /** One unit of CPU work (e.g. one record): awaits the gate, then counts it. */
  tick(label: string): Promise<void>;
}

export function progressTracker(
  ctx: Pick<AnalysisContext, 'onProgress' | 'gate' | 'chunkRows'>,
  total: number,
): ProgressTracker {
  let base = 0;
  const report = (done: number, label: string) => ctx.onProgress?.({ done, total, label });
  return {
    async step(units, label, job) {
      const start = base;
      report(start, label);
      const r = await job({
        gate: ctx.gate,
        chunkRows: ctx.chunkRows,
        onProgress: (done) => report(start + done, label),
      });
      base = start + units;
      report(base, label);
      return r;
    },
    async tick(label) {
      if (ctx.gate) await ctx.gate();
      base += 1;
      report(base, label);
    },
  };
}
