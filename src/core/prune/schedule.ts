/**
 * IMP sparsity schedule (paper §3; docs/ALGORITHMS.md §3.2, discrepancy D1).
 *
 * The paper prunes a fraction p = 0.2 of the *remaining* weights per round; es-lottery stores the keep
 * fraction (`prune_ratio: 0.8`). Round k (1-based, round 1 dense) trains at s_k = 1 − keep^(k−1).
 * This is the ONE place the schedule is computed: the IMP loop, presets, charts and tests all call it.
 */

function checkArgs(roundNum: number, keepFrac: number): void {
  if (!Number.isInteger(roundNum) || roundNum < 1)
    throw new Error(`roundNum must be an integer ≥ 1 (1-based), got ${roundNum}`);
  if (!(keepFrac > 0 && keepFrac <= 1)) throw new Error(`keepFrac must be in (0, 1], got ${keepFrac}`);
}

/**
 * Sparsity (fraction of prunable weights removed) at which round `roundNum` trains: 1 − keep^(roundNum−1).
 * @param roundNum 1-based IMP round (1 = dense).
 * @param keepFrac fraction of remaining weights kept per round (paper: 0.8, i.e. p = 0.2).
 */
export function sparsityOfRound(roundNum: number, keepFrac: number): number {
  checkArgs(roundNum, keepFrac);
  return 1 - Math.pow(keepFrac, roundNum - 1);
}

/** Remaining prunable weights of round `roundNum`, in percent: 100·keep^(roundNum−1) (docs/ALGORITHMS.md §3.2 table). */
export function remainingPercent(roundNum: number, keepFrac: number): number {
  return 100 * (1 - sparsityOfRound(roundNum, keepFrac));
}

/** Number of prunable entries pruned at `sparsityFrac` out of `prunableCount`: round(s·N) (docs/ALGORITHMS.md §3.4, lab rule). */
export function prunedCountAt(sparsityFrac: number, prunableCount: number): number {
  if (!(sparsityFrac >= 0 && sparsityFrac <= 1)) throw new Error(`sparsityFrac must be in [0, 1], got ${sparsityFrac}`);
  return Math.round(sparsityFrac * prunableCount);
}
