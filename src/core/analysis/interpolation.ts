/**
 * Linear mode connectivity (paper §5; docs/ALGORITHMS.md §6; Frankle et al. 2020).
 * θ(α) = α·θ_A + (1 − α)·θ_B over all parameters (biases included, masks not re-applied), evaluated on an
 * α grid; two readings of the barrier are computed: Frankle et al.'s endpoint-mean barrier
 * B = max_α E(θ(α)) − ½(E(θ_A) + E(θ_B)) and the excess barrier over the straight line between the endpoints
 * (the raw path max is kept too).
 */
import { combinationRows } from './rows';

/**
 * α grid: `n` evenly spaced points in [0, 1] (paper preset 30, reduced 15; docs/ALGORITHMS.md §6 [U]). With `extended`,
 * the same spacing continues outside to cover [−0.5, 1.5], so 0 and 1 stay exactly on the grid.
 */
export function alphaGrid(n: number, extended = false): number[] {
  if (!Number.isInteger(n) || n < 2) throw new Error(`alphaGrid: n must be an integer ≥ 2, got ${n}`);
  const step = 1 / (n - 1);
  const extra = extended ? Math.ceil(0.5 / step - 1e-9) : 0;
  const out: number[] = [];
  // Start at 0 − extra, not −extra: −0 would make the first α −0 instead of 0.
  for (let i = 0 - extra; i < n + extra; i++) out.push(i === n - 1 ? 1 : i * step);
  return out;
}

/** Interpolated networks as population rows [alphas.length, D]: row i = α_i·θ_A + (1 − α_i)·θ_B. */
export function interpolateRows(thetaA: Float32Array, thetaB: Float32Array, alphas: readonly number[]): Float32Array {
  return combinationRows(
    [thetaA, thetaB],
    alphas.map((a) => [a, 1 - a]),
  );
}

/** Indices of α = 0 (θ_B) and α = 1 (θ_A) in the grid; defaults to first/last when no grid is given. */
function endpointIndices(
  n: number,
  alphas?: readonly number[],
): { iB: number; iA: number; inside: (i: number) => boolean; alphaAt: (i: number) => number } {
  if (!alphas) return { iB: 0, iA: n - 1, inside: () => true, alphaAt: (i) => i / (n - 1) };
  if (alphas.length !== n) throw new Error(`barrier: ${n} values for ${alphas.length} alphas`);
  const find = (t: number) => {
    const i = alphas.findIndex((a) => Math.abs(a - t) < 1e-9);
    if (i < 0) throw new Error(`barrier: α = ${t} is not on the grid`);
    return i;
  };
  return {
    iB: find(0),
    iA: find(1),
    inside: (i) => alphas[i] >= -1e-9 && alphas[i] <= 1 + 1e-9,
    alphaAt: (i) => alphas[i],
  };
}

/**
 * The lab's connectivity threshold (docs/ALGORITHMS.md §6 [U]): two classification networks count as
 * linearly connected when the excess barrier is below 2 % test error (0.02 as a fraction). It is read on
 * the EXCESS barrier, not on B: with unequal endpoints B is positive even for a straight ramp between them,
 * which is no barrier at all. For equal endpoints the two readings coincide.
 */
export const LMC_CONNECTED_BELOW = 0.02;

export interface ErrorBarrier {
  /**
   * Frankle et al.'s endpoint-mean barrier B = max_{α∈[0,1]} E(θ(α)) − ½(E(θ_A) + E(θ_B)). With unequal
   * endpoints a straight line between them already gives half their gap.
   */
  readonly endpointBarrier: number;
  /**
   * Excess barrier over the straight line between the endpoint errors (Entezari et al. 2022):
   * max_{α∈[0,1]} [E(θ(α)) − (α·E(θ_A) + (1 − α)·E(θ_B))]. It is 0 for any error linear in α, so it is the
   * reading to use when the two networks differ in accuracy.
   */
  readonly excessBarrier: number;
  /** Raw max_{α∈[0,1]} E(θ(α)) (the paper's displayed expression, without the endpoint baseline). */
  readonly maxError: number;
  readonly argmaxIndex: number;
  readonly endpointMean: number;
}

/**
 * Error barrier of a path (classification; E = 1 − test accuracy).
 * @param errors E(θ(α_i)) along the grid.
 * @param alphas the grid; if given, the max is taken over α ∈ [0, 1] only and endpoints are found by value;
 *   if not, the values are taken as evenly spaced over [0, 1].
 */
export function errorBarrier(errors: ArrayLike<number>, alphas?: readonly number[]): ErrorBarrier {
  const { iA, iB, inside, alphaAt } = endpointIndices(errors.length, alphas);
  let maxError = -Infinity,
    argmaxIndex = -1,
    excessBarrier = -Infinity;
  for (let i = 0; i < errors.length; i++) {
    if (!inside(i)) continue;
    if (errors[i] > maxError) {
      maxError = errors[i];
      argmaxIndex = i;
    }
    const a = alphaAt(i);
    excessBarrier = Math.max(excessBarrier, errors[i] - (a * errors[iA] + (1 - a) * errors[iB]));
  }
  const endpointMean = 0.5 * (errors[iA] + errors[iB]);
  return { endpointBarrier: maxError - endpointMean, excessBarrier, maxError, argmaxIndex, endpointMean };
}

export interface ReturnBarrier {
  /** B_R = ½(R(θ_A) + R(θ_B)) − min_{α∈[0,1]} R(θ(α)) (docs/ALGORITHMS.md §6, control extension [U]). */
  readonly endpointBarrier: number;
  /** max_{α∈[0,1]} [(α·R(θ_A) + (1 − α)·R(θ_B)) − R(θ(α))]: the return lost below the straight line. */
  readonly excessBarrier: number;
  readonly minReturn: number;
  readonly argminIndex: number;
  readonly endpointMean: number;
  /** endpointBarrier / |denseReturn| (the source chain's round-1 return), NaN when not given. */
  readonly normalised: number;
}

/** Return barrier of a path (control tasks; returns over the same episode seeds for every α). */
export function returnBarrier(
  returns: ArrayLike<number>,
  alphas?: readonly number[],
  denseReturn?: number,
): ReturnBarrier {
  const { iA, iB, inside, alphaAt } = endpointIndices(returns.length, alphas);
  let minReturn = Infinity,
    argminIndex = -1,
    excessBarrier = -Infinity;
  for (let i = 0; i < returns.length; i++) {
    if (!inside(i)) continue;
    if (returns[i] < minReturn) {
      minReturn = returns[i];
      argminIndex = i;
    }
    const a = alphaAt(i);
    excessBarrier = Math.max(excessBarrier, a * returns[iA] + (1 - a) * returns[iB] - returns[i]);
  }
  const endpointMean = 0.5 * (returns[iA] + returns[iB]);
  const endpointBarrier = endpointMean - minReturn;
  return {
    endpointBarrier,
    excessBarrier,
    minReturn,
    argminIndex,
    endpointMean,
    normalised: denseReturn === undefined ? NaN : endpointBarrier / Math.abs(denseReturn),
  };
}

/**
 * "Linearly connected": the excess barrier (error fraction) is below the lab's threshold
 * (LMC_CONNECTED_BELOW, 2 %). Defined for classification only; control returns have no common scale.
 */
export function isLinearlyConnected(excessBarrier: number, thresholdFrac = LMC_CONNECTED_BELOW): boolean {
  return excessBarrier < thresholdFrac;
}
