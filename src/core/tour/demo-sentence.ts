/**
 * The 2-D demo's result in one sentence (paper §2: an evolution strategy improves a search distribution
 * from the scores of sampled candidates alone; docs/ALGORITHMS.md §1): how far the best value fell and how
 * close the search mean came to the minimum, read from the demo's streamed frames.
 */
import { missing, sentence, type Sentence } from './sentence';
import { countText, minus } from './words';

export interface DemoRun {
  readonly strategyLabel: string;
  readonly popSize: number;
  /** Best score so far per generation (score = −f: the lab maximises), in generation order. */
  readonly bestScores: readonly number[];
  /** Search mean [x, y] after the first and after the last generation shown. */
  readonly firstMean: readonly number[];
  readonly lastMean: readonly number[];
  /** One minimiser of the function. */
  readonly optimum: readonly number[];
}

/**
 * A number for running text, for students: 3 significant figures, plain decimals down to a millionth
 * (0.0004, never 4e-4), thousands separated above 10,000.
 */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a < 1e-6) return v < 0 ? '\u2212less than 0.000001' : 'less than 0.000001';
  if (a >= 1e4) return minus(`${v < 0 ? '-' : ''}${countText(a)}`);
  return minus(String(Number(v.toPrecision(a < 1e-3 ? 2 : 3))));
}

const point = (p: readonly number[]) => `(${p.map((v) => shortNumber(v)).join(', ')})`;

export function demoSentence(run: DemoRun): Sentence {
  const n = run.bestScores.length;
  if (n < 2 || run.firstMean.length < 2 || run.lastMean.length < 2)
    return missing('the demo has not run yet: press Start');
  const fFirst = -run.bestScores[0],
    fLast = -run.bestScores[n - 1];
  const dist = (p: readonly number[]) => Math.hypot(p[0] - run.optimum[0], p[1] - run.optimum[1]);
  const d0 = dist(run.firstMean),
    d1 = dist(run.lastMean);
  return sentence(
    `In ${n} generations of ${run.popSize} samples each, ${run.strategyLabel} lowered the best value of f from ` +
      `${shortNumber(fFirst)} to ${shortNumber(fLast)} and moved its mean from ${shortNumber(d0)} to ` +
      `${shortNumber(d1)} away from the minimum at ${point(run.optimum)}, without computing a gradient.`,
    null,
    { generations: n, bestFirst: fFirst, bestLast: fLast, distFirst: d0, distLast: d1 },
  );
}
