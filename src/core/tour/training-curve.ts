/**
 * The dense round's learning curve (paper §3: round 1 of every IMP chain trains the dense network): test
 * performance of the ES mean at each evaluated generation of round 1, mean over seeds with a ±1 s.d. band
 * (sample s.d.). Round 1 is shared by all chains of a run, so each seed counts once.
 */
import type { RoundRecord } from '../experiments/events';
import { meanOf } from './run-curves';

export interface CurvePoint {
  readonly gen: number;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
}

export function denseLearningCurve(records: readonly RoundRecord[]): CurvePoint[] {
  const bySeed = new Map<number, RoundRecord>();
  for (const r of records) if (r.roundNum === 1 && !bySeed.has(r.seed)) bySeed.set(r.seed, r);
  const byGen = new Map<number, number[]>();
  for (const r of bySeed.values())
    for (const e of r.evals) if (Number.isFinite(e.perf)) byGen.set(e.gen, [...(byGen.get(e.gen) ?? []), e.perf]);
  return [...byGen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([gen, vs]) => {
      const mean = meanOf(vs);
      const sd = vs.length > 1 ? Math.sqrt(vs.reduce((s, v) => s + (v - mean) ** 2, 0) / (vs.length - 1)) : 0;
      return { gen, mean, lo: mean - sd, hi: mean + sd, n: vs.length };
    });
}
