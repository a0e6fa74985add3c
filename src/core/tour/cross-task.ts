/**
 * The ticket effect across tasks at matched sparsity (paper §3, Fig. 1–2; claim R2 of docs/ALGORITHMS.md
 * §10: the effect is larger on classification and Pendulum, smaller on Hopper and HalfCheetah). Returns
 * and accuracies have different scales, so the effect is normalised as docs/RESULTS.md §0.9 does: the mean
 * over seeds of (ticket − random mask with new weights), divided by the task's range (mean dense result −
 * mean untrained result, the test after the first generation of round 1); the per-seed range divides each
 * seed's own difference by the same range. From the `crossTask` rows of a tour analysis file.
 */
import type { CrossTaskRow, TourAnalysis } from './analysis-file';
import type { Curve } from './analysis-curves';
import { meanOf } from './run-curves';
import { missing, sentence, type Sentence } from './sentence';
import { minus, pct, remainingText, seedsText } from './words';

export interface TaskEffectPoint {
  readonly roundNum: number;
  readonly remainingPct: number;
  /** Mean effect ÷ (mean dense − mean untrained), as a fraction. */
  readonly normalised: number;
  /** Smallest and largest per-seed effect ÷ the same range. */
  readonly lo: number;
  readonly hi: number;
}

export interface TaskEffects {
  readonly task: string;
  readonly setting: string;
  readonly metric: CrossTaskRow['metric'];
  readonly seeds: number;
  readonly dense: number;
  readonly untrained: number;
  readonly points: readonly TaskEffectPoint[];
}

/** Per task (in file order): the normalised effect at every round that has the ticket and the baseline. */
export function taskEffects(a: TourAnalysis): TaskEffects[] {
  const rows = a.crossTask ?? [];
  return [...new Set(rows.map((r) => r.task))].map((task) => {
    const mine = rows.filter((r) => r.task === task);
    const bySeed = new Map(mine.map((r) => [r.seed, r]));
    const dense = meanOf([...bySeed.values()].map((r) => r.dense));
    const untrained = meanOf([...bySeed.values()].map((r) => r.untrained));
    const range = dense - untrained;
    const rounds = [...new Set(mine.map((r) => r.roundNum))].sort((x, y) => x - y);
    return {
      task,
      setting: mine[0].setting,
      metric: mine[0].metric,
      seeds: bySeed.size,
      dense,
      untrained,
      points: rounds.map((k) => {
        const at = mine.filter((r) => r.roundNum === k);
        const perSeed = at.map((r) => (r.ticket - r.baseline) / range);
        return {
          roundNum: k,
          remainingPct: meanOf(at.map((r) => r.remainingPct)),
          normalised: meanOf(perSeed), // = (mean ticket − mean baseline) / range
          lo: Math.min(...perSeed),
          hi: Math.max(...perSeed),
        };
      }),
    };
  });
}

/** The chart's curves, one per task: the normalised effect (a fraction) against weights remaining. */
export function crossTaskChartCurves(a: TourAnalysis): Curve[] {
  return taskEffects(a).map((t) => ({
    key: t.task,
    name: `${t.task} (${seedsText(t.seeds)})`,
    points: t.points.map((p) => [p.remainingPct, p.normalised] as const),
  }));
}

/** Two sparsities count as matched within this ratio (21.0 % vs 21.6 %; 13.4 % vs 13.0 %). */
export const MATCHED_WITHIN = 1.05;

/**
 * Sparsities where every task has a round: for each round of the task with the fewest rounds, every other
 * task's nearest round within MATCHED_WITHIN; dense rounds (100 %) are left out (no effect is possible).
 */
export function matchedPoints(tasks: readonly TaskEffects[]): { at: number; points: TaskEffectPoint[] }[] {
  if (!tasks.length) return [];
  const fewest = [...tasks].sort((x, y) => x.points.length - y.points.length)[0];
  return fewest.points
    .filter((p) => p.remainingPct < 99.9)
    .flatMap((p) => {
      const near = tasks.map((t) => {
        const best = [...t.points].sort(
          (x, y) =>
            Math.abs(Math.log(x.remainingPct / p.remainingPct)) - Math.abs(Math.log(y.remainingPct / p.remainingPct)),
        )[0];
        const ratio = Math.max(best.remainingPct, p.remainingPct) / Math.min(best.remainingPct, p.remainingPct);
        return ratio <= MATCHED_WITHIN ? best : null;
      });
      return near.every((x) => x !== null) ? [{ at: p.remainingPct, points: near as TaskEffectPoint[] }] : [];
    });
}

/**
 * R2 in one sentence: at the sparsest matched sparsity, each task's normalised effect; the tasks of the
 * claim that the evidence lacks are named. The sentence gives no verdict: the claim orders vision and
 * Pendulum against locomotion tasks, and a reader compares the numbers (docs/RESULTS.md §0.9 has the verdict).
 */
export function crossTaskSentence(a: TourAnalysis): Sentence {
  const tasks = taskEffects(a);
  const matched = matchedPoints(tasks);
  if (tasks.length < 2 || !matched.length)
    return missing('the analysis file has no two tasks measured at a matched sparsity');
  const m = matched[matched.length - 1];
  const parts = tasks.map((t, i) => `${minus(pct(100 * m.points[i].normalised, 0))} on ${t.task}`);
  const seeds = Math.min(...tasks.map((t) => t.seeds));
  const lacking = a.crossTaskMissing ?? [];
  const values: Record<string, number> = { at: m.at, tasks: tasks.length };
  m.points.forEach((p, i) => (values[`task${i}`] = p.normalised));
  const text =
    `At about ${remainingText(m.at)} of the weights, the ticket's lead over a random mask with new weights, as a ` +
    `share of each task's range from untrained to dense, is ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)} (${seeds > 1 ? `${seedsText(seeds)} each` : `at least ${seedsText(1)}`})` +
    (lacking.length
      ? `; ${lacking.map((x) => x.task).join(' and ')} ${lacking.length > 1 ? 'are' : 'is'} not in this evidence, so ` +
        `the paper's comparison with ${lacking.length > 1 ? 'them' : 'it'} cannot be checked here.`
      : '.');
  return sentence(text, null, values);
}
