/**
 * One scheduler for the CPU threads a lab uses (population-parallel evaluation): the evaluation threads
 * W of one run, and how many seeds of a multi-seed sweep run side by side. Seeds are shared first (they
 * need no talk between threads), the threads left over split each seed's population, and seeds × W
 * never exceeds the budget, so a sweep of split runs does not oversubscribe the cores.
 */

/** At most this many seeds run side by side (memory: each holds its own copy of the task data). */
export const MAX_SEED_LANES = 4;

/** W by default: the machine's cores minus one (for the page / the rest of the system), at least 1. */
export function defaultWorkers(cores: number | undefined): number {
  const c = cores && Number.isFinite(cores) ? Math.floor(cores) : 2;
  return Math.max(1, c - 1);
}

export interface ThreadPlan {
  /** Seeds that run side by side. */
  readonly lanes: number;
  /** Evaluation threads per seed's run (W). */
  readonly workersPerRun: number;
}

/**
 * How `seeds` seeds share a budget of `workers` threads (default: `defaultWorkers(cores)`):
 * lanes = min(seeds, budget, MAX_SEED_LANES), W = ⌊budget / lanes⌋, so lanes · W ≤ budget.
 */
export function planThreads(o: { seeds: number; cores?: number; workers?: number }): ThreadPlan {
  const budget = Math.max(1, Math.floor(o.workers ?? defaultWorkers(o.cores)));
  const lanes = Math.max(1, Math.min(o.seeds, budget, MAX_SEED_LANES));
  return { lanes, workersPerRun: threadsPerLane(budget, lanes) };
}

/** Threads each of `lanes` lanes (seeds here, run processes of a sweep) gets from `budget`: at least 1. */
export function threadsPerLane(budget: number, lanes: number): number {
  return Math.max(1, Math.floor(budget / Math.max(1, lanes)));
}
