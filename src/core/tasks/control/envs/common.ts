/**
 * Helpers shared by the batched classic-control environments (docs/ALGORITHMS.md §11): state
 * allocation, the active-copy iteration used by `step`, angle wrapping and clipping.
 */
import type { Rng } from '../../../rng';
import type { EnvState, StepResult } from './types';

/** Zeroed state for n copies with `varCount` variables. */
export function allocState(n: number, varCount: number): EnvState {
  const vars: Float64Array[] = [];
  for (let k = 0; k < varCount; k++) vars.push(new Float64Array(n));
  return { n, vars, t: new Int32Array(n) };
}

/**
 * Reset helper: draws every copy's variables from U[lo_k, hi_k), copy by copy and variable by
 * variable (`bounds[k] = [lo, hi]`), as gymnax's `uniform(key, shape=(nVars,))` does per copy.
 */
export function resetUniform(rng: Rng, n: number, bounds: readonly (readonly [number, number])[]): EnvState {
  const s = allocState(n, bounds.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < bounds.length; k++) s.vars[k][i] = rng.uniformRange(bounds[k][0], bounds[k][1]);
  }
  return s;
}

/** Records copy i's outcome: terminal state or horizon reached (t ≥ maxSteps). */
export function setDone(res: StepResult, i: number, terminal: boolean, t: number, maxSteps: number): void {
  res.terminal[i] = terminal ? 1 : 0;
  res.done[i] = terminal || t >= maxSteps ? 1 : 0;
}

export function allocStepResult(n: number): StepResult {
  return { reward: new Float64Array(n), done: new Uint8Array(n), terminal: new Uint8Array(n) };
}

/** Calls `body(i)` for every copy in `active`, or for 0…n−1 when `active` is omitted. */
export function forEachActive(n: number, active: ArrayLike<number> | undefined, body: (i: number) => void): void {
  if (active === undefined) {
    for (let i = 0; i < n; i++) body(i);
    return;
  }
  for (let j = 0; j < active.length; j++) body(active[j]);
}

export function clip(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** ((θ + π) mod 2π) − π with a floored modulo: the result lies in [−π, π) (gymnax `angle_normalize`/`wrap`). */
export function wrapAngle(theta: number): number {
  const twoPi = 2 * Math.PI;
  const shifted = theta + Math.PI;
  return shifted - twoPi * Math.floor(shifted / twoPi) - Math.PI;
}

/** Index of the largest entry of out[offset … offset+count); ties go to the lowest index (jnp.argmax). */
export function argmax(out: Float32Array, offset: number, count: number): number {
  let best = 0;
  let bestVal = out[offset];
  for (let k = 1; k < count; k++) {
    if (out[offset + k] > bestVal) {
      bestVal = out[offset + k];
      best = k;
    }
  }
  return best;
}

/** Copy i of `src` as a plain vector of its variables (for recording and rendering). */
export function stateRow(src: EnvState, i: number): number[] {
  return src.vars.map((v) => v[i]);
}
