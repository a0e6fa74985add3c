/**
 * Classic-control tasks (docs/ALGORITHMS.md §9.2, §9.3, §11, §12): the TaskDefs the task registry
 * lists, plus the env registry, rollouts and render geometry for the UI's rollout viewer.
 * Defaults follow gymnax v0.0.6 and the es-lottery gym config (8 training episodes); the reduced
 * presets of §12 override episodes / maxSteps.
 */
import type { TaskDef } from '../types';
import { controlTaskDef } from './control-task';
import type { ControlTaskOptions } from './control-task';
import { acrobot, cartPole, mountainCarContinuous, pendulum } from './envs';
import type { ControlEnv } from './envs';

const TASK_OPTIONS: readonly ControlTaskOptions[] = [
  {
    id: 'cartpole',
    env: cartPole,
    episodes: 8,
    testEpisodes: 64,
    help: "CartPole-v1 (gymnax): supported by the paper's code, not in its figures. Return = steps balanced (max 500).",
    notes: ["Not in the paper's figures; CartPole is easy, so the ticket effect may saturate."],
  },
  {
    id: 'pendulum',
    env: pendulum,
    episodes: 8,
    testEpisodes: 32,
    help: "Pendulum-v1 (gymnax): the paper's gym control task (MLP 3-64-64-1, tanh, linear output; 8 episodes; 32 test episodes).",
    notes: [
      // for a student: the lab's episode length against the paper's code (docs/ALGORITHMS.md, deviation D8)
      'An episode lasts 200 steps here, as in gymnax; the paper’s code runs 500. To match the paper, set “Max steps T_max” to 500.',
    ],
  },
  {
    id: 'acrobot',
    env: acrobot,
    episodes: 8,
    testEpisodes: 64,
    help: 'Acrobot-v1 (gymnax "book" dynamics, one RK4 step per env step). Return = −steps to swing up (≥ −500).',
    notes: ["Not in the paper's figures (code-supported task)."],
  },
  {
    id: 'mcc',
    env: mountainCarContinuous,
    episodes: 8,
    testEpisodes: 64,
    help: 'MountainCarContinuous-v0 (gymnax): +100 at the goal, −0.1·a² per step. Use a tanh output unit.',
    notes: [
      'Not in the paper. The lab gives the policy a tanh output (between −1 and 1): the reward penalises the size of the action, so an output without bounds could be punished without limit.',
      'Like gymnax, the lab stops the car when it is past the goal and rolling back (that counts as reaching the goal); the “Gym wall rule” setting uses gym’s rule instead, which stops the car at the left wall.',
    ],
  },
];

export const CONTROL_TASKS: readonly TaskDef[] = TASK_OPTIONS.map(controlTaskDef);

/** The environment behind control task `taskId` (for the rollout viewer and the policy's output activation). */
export function controlEnvOfTask(taskId: string): ControlEnv {
  const o = TASK_OPTIONS.find((t) => t.id === taskId);
  if (!o) throw new Error(`unknown control task "${taskId}" (known: ${TASK_OPTIONS.map((t) => t.id).join(', ')})`);
  return o.env;
}

export { controlEnvParams, controlTaskDef, rolloutNet, testEpisodeRng } from './control-task';
export type { ControlTaskOptions } from './control-task';
export { CONTROL_ENVS, getControlEnv } from './envs';
export type { ControlEnv, EnvParams, EnvParamSpecs, EnvState, StepResult } from './envs';
export { rolloutPopulation, mlpRowPolicy, sharedResetState, episodeRng, mapAction } from './rollout';
export type { RowPolicy, RolloutResult, RolloutSpec } from './rollout';
export { forwardRows, mlpLayoutFromLayers, mlpLayoutFromSizes } from './policy-forward';
export type { MlpLayout } from './policy-forward';
export { rowPolicyFor, verifiedMlpLayout } from './policy-net';
export { recordEpisode } from './record-episode';
export type { EpisodeRecord } from './record-episode';
export { RENDER_SCENES, sceneOf } from './render-geometry';
export type { Primitive, PrimitiveRole, Scene, SceneFn } from './render-geometry';
