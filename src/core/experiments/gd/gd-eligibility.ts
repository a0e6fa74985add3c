/**
 * When the gradient-descent baseline can run (docs/ALGORITHMS.md §4.1), in one place: the config check,
 * the GD-IMP loop, the worker jobs, the CLI and the form all ask these functions, so they refuse the same
 * things with the same words.
 *   - tasks: GD covers the vision tasks; the paper's control baseline is PPO (§4.2), not in the lab;
 *   - pruning: SNR needs a per-parameter σ, which GD does not have;
 *   - backends: GD of a convolutional net needs tfjs's Conv2DBackpropFilter kernel, which
 *     tfjs-backend-wasm 4.22 lacks (the cpu backend has it but takes seconds per step).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PopulationNet } from '../../nets/types';
import type { PruneMethod } from '../../prune/types';
import type { TaskDef } from '../../tasks/types';

/** Why GD cannot train `task`, or null. */
export function gdTaskProblem(task: Pick<TaskDef, 'label' | 'kind' | 'supportsGd'>): string | null {
  if (task.supportsGd) return null;
  return `the GD baseline covers vision tasks; ${task.label} is a ${task.kind} task, whose GD baseline in the paper is PPO, which the lab does not include (docs/ALGORITHMS.md §4.2)`;
}

/** Why GD-IMP cannot prune with `method`, or null. */
export function gdPruneProblem(method: Pick<PruneMethod, 'label' | 'needsStd'>): string | null {
  if (!method.needsStd) return null;
  return `${method.label} needs a per-parameter σ, which gradient descent does not have: use magnitude or a baseline`;
}

/** Whether `backend` has the gradient of a convolution's filters (asks the tfjs kernel registry). */
export function hasConvFilterGradient(backend: string): boolean {
  return !!tf.getKernel('Conv2DBackpropFilter', backend);
}

/**
 * Why GD of `net` cannot run on `backend`, or null. `hasKernel` is the kernel lookup: the registry where
 * the backends are loaded (the workers, the CLI); the page, which loads none, passes what it knows.
 */
export function gdBackendProblem(
  net: Pick<PopulationNet, 'layers' | 'describe'>,
  backend: string,
  hasKernel: (backend: string) => boolean = hasConvFilterGradient,
): string | null {
  if (!net.layers.some((l) => l.kind === 'conv') || hasKernel(backend)) return null;
  return (
    `gradient descent on ${net.describe} needs the Conv2DBackpropFilter kernel, which the ${backend} backend lacks ` +
    '(tfjs 4.22): choose the WebGL or WebGPU backend, the cpu backend (complete but seconds per step), or an MLP network'
  );
}
