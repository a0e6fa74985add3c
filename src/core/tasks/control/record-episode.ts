/**
 * Records one member's episode for the UI's rollout viewer (docs/ALGORITHMS.md §9.2 rollout rules,
 * §11 dynamics): the state before every step, the actions and rewards, up to and including the first
 * done. With `rng = episodeRng(testEpisodeRng(env), e)` it replays test episode e exactly as
 * `evaluateTest` scored it.
 */
import type { Rng } from '../../rng';
import { allocStepResult, stateRow } from './envs/common';
import type { ControlEnv, EnvParams } from './envs/types';
import { mapAction } from './rollout';
import type { RowPolicy } from './rollout';

export interface EpisodeRecord {
  readonly envId: string;
  /** states[k] is the state (env `stateNames` order) before step k; the last entry is the final state. */
  readonly states: number[][];
  /** actions[k]: the mapped action taken at step k (discrete index or raw continuous value). */
  readonly actions: number[];
  readonly rewards: number[];
  /** Sum of `rewards`: the episode return. */
  readonly episodeReturn: number;
  /** True if the episode ended at t ≥ maxSteps rather than in a terminal state. */
  readonly truncated: boolean;
}

/**
 * Plays one episode of `env` from the start state drawn with `rng` (as `env.reset(rng, 1)`), acting
 * with member `memberIdx` of `policy` (e.g. `mlpRowPolicy(layout, params)` over a [P·D] buffer).
 */
export function recordEpisode(
  env: ControlEnv,
  envParams: EnvParams,
  policy: RowPolicy,
  rng: Rng,
  memberIdx = 0,
): EpisodeRecord {
  const state = env.reset(rng, 1, envParams);
  const maxSteps = envParams.maxSteps;
  const obs = new Float32Array(env.obsDim);
  const outputs = new Float32Array(env.outputSize);
  const member = Int32Array.of(memberIdx);
  const action = new Float64Array(1);
  const res = allocStepResult(1);
  const states = [stateRow(state, 0)];
  const actions: number[] = [];
  const rewards: number[] = [];
  let episodeReturn = 0;
  for (let k = 0; k < maxSteps; k++) {
    env.observe(state, 0, obs, 0);
    policy(member, obs, 1, outputs);
    action[0] = mapAction(env, outputs, 0);
    env.step(state, action, envParams, undefined, res);
    actions.push(action[0]);
    rewards.push(res.reward[0]);
    episodeReturn += res.reward[0];
    states.push(stateRow(state, 0));
    if (res.done[0]) break;
  }
  const truncated = res.done[0] === 1 && res.terminal[0] === 0;
  return { envId: env.id, states, actions, rewards, episodeReturn, truncated };
}
