/**
 * Locomotion model registry: task id → gym-style MuJoCo model. The TaskDefs (../index.ts),
 * the episode recorder and the UI look models up here.
 */
import type { LocomotionModel } from '../types';
import { ant } from './ant';
import { halfCheetah } from './half-cheetah';
import { hopper } from './hopper';
import { walker2d } from './walker2d';

/** Task registry id → model. */
export const MODEL_OF_TASK: Readonly<Record<string, LocomotionModel>> = {
  hopper,
  halfcheetah: halfCheetah,
  walker2d,
  ant,
};

/** The model behind locomotion task `taskId`, or undefined for other tasks. */
export function locomotionModelOfTask(taskId: string): LocomotionModel | undefined {
  return Object.prototype.hasOwnProperty.call(MODEL_OF_TASK, taskId) ? MODEL_OF_TASK[taskId] : undefined;
}

export { hopper, halfCheetah, walker2d, ant };
