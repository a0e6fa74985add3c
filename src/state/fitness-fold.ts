/**
 * The round in progress as the fitness chart shows it : reported generations folded
 * into one series per (seed, method, round). Shared by the IMP store and the sweep reducer (seed-runs.ts).
 */
import type { GenerationMetrics } from '../core/experiments/events';

/** One reported generation of the round in progress. */
export interface FitnessPoint {
  readonly gen: number;
  readonly best: number;
  readonly mean: number;
  readonly testPerf: number | null;
}

export interface CurrentRound {
  readonly seed: number;
  readonly method: string;
  readonly roundNum: number;
  readonly generations: number;
  readonly points: readonly FitnessPoint[];
}

/** Folds one generation batch into the current round (a new round key starts a new series). Pure. */
export function foldGenerations(cur: CurrentRound | null, metrics: readonly GenerationMetrics[]): CurrentRound | null {
  let out = cur;
  for (const m of metrics) {
    if (!out || out.seed !== m.seed || out.method !== m.method || out.roundNum !== m.roundNum) {
      out = { seed: m.seed, method: m.method, roundNum: m.roundNum, generations: m.generations, points: [] };
    }
    out = {
      ...out,
      points: [
        ...out.points,
        {
          gen: m.gen,
          best: m.bestScore,
          mean: m.meanScore,
          testPerf: m.lastEval && m.lastEval.gen === m.gen ? m.lastEval.perf : null,
        },
      ],
    };
  }
  return out;
}
