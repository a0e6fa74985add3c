/**
 * MuJoCo locomotion tasks (the lab's stand-ins for the paper's Brax tasks, docs/ALGORITHMS.md §9.2–9.3), gym-style
 * models run by the official MuJoCo WASM bindings. The TaskDefs the task registry lists, plus the
 * model registry, rollouts and the recorder/geometry of the rollout viewer.
 */
import type { TaskDef } from '../types';
import { locomotionTaskDef } from './locomotion-task';
import type { LocomotionTaskOptions } from './locomotion-task';
import { ant, halfCheetah, hopper, walker2d } from './models';
import type { LocomotionModel } from './types';

const BRAX_NOTE =
  // gym's MuJoCo v3/v4 models here, Brax v1 (legacy_spring) in the paper: said for a student
  "The robot's physics is gym's MuJoCo model, not the Brax simulator the paper used, so the scores (returns) here cannot be compared with the paper's numbers.";

const TASK_OPTIONS: readonly LocomotionTaskOptions[] = [
  {
    id: 'hopper',
    model: hopper,
    help: 'Hopper (MuJoCo WASM, gym Hopper-v3 rules): 11 observations, 3 torques; reward = forward velocity + 1 healthy bonus − 1e-3·Σa²; ends when it falls (z ≤ 0.7 or |pitch| ≥ 0.2).',
    notes: [BRAX_NOTE],
  },
  {
    id: 'halfcheetah',
    model: halfCheetah,
    help: 'HalfCheetah (MuJoCo WASM, gym HalfCheetah-v3 rules): 17 observations, 6 torques; reward = forward velocity − 0.1·Σa²; never terminates early.',
    notes: [BRAX_NOTE],
  },
  {
    id: 'walker2d',
    model: walker2d,
    help: 'Walker2d (MuJoCo WASM, gym Walker2d-v3 rules): 17 observations, 6 torques; reward = forward velocity + 1 healthy bonus − 1e-3·Σa²; ends when it falls (z ∉ (0.8, 2) or |pitch| ≥ 1).',
    notes: [BRAX_NOTE],
  },
  {
    id: 'ant',
    model: ant,
    help: 'Ant (MuJoCo WASM, gym Ant-v4 rules without contact forces): 27 observations, 8 torques; reward = forward velocity + 1 healthy bonus − 0.5·Σa²; ends when the torso leaves 0.2 ≤ z ≤ 1.',
    notes: [BRAX_NOTE],
  },
];

export const LOCOMOTION_MODELS: readonly LocomotionModel[] = TASK_OPTIONS.map((o) => o.model);
export const LOCOMOTION_TASKS: readonly TaskDef[] = TASK_OPTIONS.map(locomotionTaskDef);

export { locomotionModelOfTask } from './models';

export { loadMujoco, compileModel, MujocoLoadError } from './mujoco-loader';
export type { Mujoco } from './mujoco-loader';
export { LocomotionSim, stepReward } from './sim';
export { rolloutLocomotion } from './rollout';
export { ObsNormalizer } from './obs-norm';
export {
  locomotionTaskDef,
  locomotionTestRng,
  locomotionParamSpecs,
  modelParamsOf,
  rolloutNetLocomotion,
} from './locomotion-task';
export type { LocomotionModel, LocomotionParams, LocomotionParamSpecs, RewardTerms, SimState } from './types';
export { hopper, halfCheetah, walker2d, ant };
export { recordLocomotionEpisode, recordLocomotionTestEpisode } from './record-episode';
export type { LocomotionEpisodeRecord } from './record-episode';
export { locomotionScene } from './render-geometry';
export { GEOM_FIELDS, GEOM_TYPE, geomTableOf, writeGeomPoses } from './geom-pose';
export type { GeomInfo } from './geom-pose';
