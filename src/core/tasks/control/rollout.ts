/**
 * Population rollouts with evojax semantics (docs/ALGORITHMS.md §9.2, [J `evojax/sim_mgr.py`]):
 * P members × E episodes in lockstep; episode e starts from the same state for every member (reset
 * keys shared across the population); a copy's return is the undiscounted sum of rewards up to and
 * including its first `done`, after which it is no longer stepped; a member's fitness is the mean
 * return over its E episodes.
 */
import type { Rng } from '../../rng';
import { allocStepResult, argmax } from './envs/common';
import type { ControlEnv, EnvParams, EnvState } from './envs/types';
import { ForwardScratch, forwardRows } from './policy-forward';
import type { MlpLayout } from './policy-forward';

/**
 * Computes network outputs for `rows` observations; row r belongs to member `memberOfRow[r]`.
 * Writes `out[r·outputSize …]`.
 */
export type RowPolicy = (memberOfRow: Int32Array, obs: Float32Array, rows: number, out: Float32Array) => void;

/** RowPolicy over a flat population parameter buffer [P·D] with the typed-array MLP forward. */
export function mlpRowPolicy(layout: MlpLayout, params: Float32Array): RowPolicy {
  const scratch = new ForwardScratch(layout);
  return (memberOfRow, obs, rows, out) => forwardRows(layout, params, memberOfRow, obs, rows, out, scratch);
}

/** The env action (docs/ALGORITHMS.md §11.5) from one row of network outputs. */
export function mapAction(env: ControlEnv, outputs: Float32Array, offset: number): number {
  return env.actionMapping === 'argmax' ? argmax(outputs, offset, env.outputSize) : outputs[offset];
}

/** Episode rng for episode index e: the same for every member, and independent of E (prefix-stable). */
export function episodeRng(rng: Rng, episodeIdx: number): Rng {
  return rng.split(episodeIdx);
}

/**
 * P·E copies where copy p·E + e starts from the state drawn with `episodeRng(rng, e)`
 * (so every member sees the same E start states).
 */
export function sharedResetState(
  env: ControlEnv,
  rng: Rng,
  members: number,
  episodes: number,
  params: EnvParams,
): EnvState {
  const starts = Array.from({ length: episodes }, (_, e) => env.reset(episodeRng(rng, e), 1, params));
  const n = members * episodes;
  const vars = env.stateNames.map(() => new Float64Array(n));
  for (let p = 0; p < members; p++) {
    for (let e = 0; e < episodes; e++) {
      for (let k = 0; k < vars.length; k++) vars[k][p * episodes + e] = starts[e].vars[k][0];
    }
  }
  return { n, vars, t: new Int32Array(n) };
}

export interface RolloutSpec {
  readonly env: ControlEnv;
  /** Resolved env params (constants and `maxSteps`). */
  readonly envParams: EnvParams;
  readonly members: number;
  readonly episodes: number;
  readonly policy: RowPolicy;
  /** Episode reset stream; episode e uses `episodeRng(rng, e)`. */
  readonly rng: Rng;
}

export interface RolloutResult {
  /** [P·E] return of member p's episode e at index p·E + e. */
  readonly episodeReturns: Float64Array;
  /** [P] mean return over the E episodes: the fitness. */
  readonly meanReturns: Float64Array;
  /** [P·E] steps taken until done. */
  readonly episodeSteps: Int32Array;
  /** Total env steps simulated (for throughput numbers). */
  readonly totalSteps: number;
}

/** Runs all P·E episodes to their first done in lockstep, stepping only live copies. */
export function rolloutPopulation(spec: RolloutSpec): RolloutResult {
  const { env, envParams, members, episodes, policy, rng } = spec;
  const n = members * episodes;
  const state = sharedResetState(env, rng, members, episodes, envParams);
  const maxSteps = envParams.maxSteps;
  const obsDim = env.obsDim;
  const outDim = env.outputSize;
  const active = new Int32Array(n);
  for (let i = 0; i < n; i++) active[i] = i;
  let count = n;
  const memberOfRow = new Int32Array(n);
  const obs = new Float32Array(n * obsDim);
  const outputs = new Float32Array(n * outDim);
  const actions = new Float64Array(n);
  const stepOut = allocStepResult(n);
  const returns = new Float64Array(n);
  let totalSteps = 0;
  for (let stepIdx = 0; count > 0; stepIdx++) {
    if (stepIdx > maxSteps) throw new Error(`rollout: ${count} copies still live after maxSteps = ${maxSteps}`);
    for (let r = 0; r < count; r++) {
      const i = active[r];
      memberOfRow[r] = Math.floor(i / episodes);
      env.observe(state, i, obs, r * obsDim);
    }
    policy(memberOfRow, obs, count, outputs);
    for (let r = 0; r < count; r++) actions[active[r]] = mapAction(env, outputs, r * outDim);
    env.step(state, actions, envParams, active.subarray(0, count), stepOut);
    totalSteps += count;
    let kept = 0;
    for (let r = 0; r < count; r++) {
      const i = active[r];
      returns[i] += stepOut.reward[i];
      if (!stepOut.done[i]) active[kept++] = i;
    }
    count = kept;
  }
  const meanReturns = new Float64Array(members);
  for (let p = 0; p < members; p++) {
    let s = 0;
    for (let e = 0; e < episodes; e++) s += returns[p * episodes + e];
    meanReturns[p] = s / episodes;
  }
  return { episodeReturns: returns, meanReturns, episodeSteps: state.t, totalSteps };
}
