// Shared test helpers for the classic-control suite: single-copy states and one-step transitions.
import { resolveParams } from '../../../src/core/params';
import type { AnyParamValues } from '../../../src/core/params';
import type { ControlEnv, EnvParams, EnvState, StepResult } from '../../../src/core/tasks/control/envs/types';

/** A state of n copies, each set to `rows[i]` (variables in `env.stateNames` order) at step `t[i]`. */
export function stateOf(env: ControlEnv, rows: readonly (readonly number[])[], t: readonly number[] = []): EnvState {
  const n = rows.length;
  const vars = env.stateNames.map((_, k) => Float64Array.from(rows, (r) => r[k]));
  return { n, vars, t: Int32Array.from({ length: n }, (_, i) => t[i] ?? 0) };
}

/** The env's params: its defaults with `overrides` (each checked against its spec). */
export function envDefaults(env: ControlEnv, overrides: Partial<AnyParamValues> = {}): EnvParams {
  return resolveParams(env.paramSpecs, overrides);
}

/** One step of a single copy from `row` with `action`; returns the new state row, reward and done. */
export function stepOne(
  env: ControlEnv,
  row: readonly number[],
  action: number,
  params: EnvParams = envDefaults(env),
  t = 0,
): { next: number[]; reward: number; done: boolean; t: number } {
  const s = stateOf(env, [row], [t]);
  const res: StepResult = env.step(s, Float64Array.of(action), params);
  return { next: s.vars.map((v) => v[0]), reward: res.reward[0], done: res.done[0] === 1, t: s.t[0] };
}

export function expectClose(actual: readonly number[], expected: readonly number[], tol = 1e-6): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  actual.forEach((a, k) => {
    if (!(Math.abs(a - expected[k]) <= tol))
      throw new Error(`entry ${k}: ${a} vs expected ${expected[k]} (tol ${tol})`);
  });
}
