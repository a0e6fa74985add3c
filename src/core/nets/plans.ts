/**
 * Which tensor formulation each backend uses for the population forward pass. Chosen by measurement
 * (bench/nets, numbers in the module's report / docs): on wasm and cpu, 3-D batched matMul is slow
 * (PLATFORM.md), so the first layer uses one shared-input 2-D matMul and later layers per-member
 * 2-D matMuls; GPU backends prefer few large ops (batched). Every plan computes the same function
 * (tests check each against a plain-JS reference), so a plan only changes speed.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { FirstLayerMode, HiddenLayerMode } from './dense-ops';

export interface MlpPlan {
  readonly first: FirstLayerMode;
  readonly hidden: HiddenLayerMode;
}

export interface CnnPlan {
  /** First conv on the shared batch: tf.conv2d with all members' filters side by side, or im2col + one matMul. */
  readonly conv1: 'conv' | 'im2col';
  /** Later layers: per-member conv2d (+ dense) or the same through stacked/batched ops where they exist. */
  readonly dense: HiddenLayerMode;
}

export interface ForwardPlan {
  readonly mlp: MlpPlan;
  readonly cnn: CnnPlan;
}

const CPU_LIKE: ForwardPlan = { mlp: { first: 'shared', hidden: 'perMember' }, cnn: { conv1: 'conv', dense: 'perMember' } };
const GPU_LIKE: ForwardPlan = { mlp: { first: 'shared', hidden: 'batched' }, cnn: { conv1: 'conv', dense: 'batched' } };

/** Measured choices per tfjs backend name; unknown backends get the CPU-like plan. */
export const FORWARD_PLANS: Readonly<Record<string, ForwardPlan>> = {
  wasm: CPU_LIKE,
  cpu: CPU_LIKE,
  webgl: GPU_LIKE,
  webgpu: GPU_LIKE,
};

/** The plan for the active (or named) backend. */
export function planFor(backend: string = tf.getBackend()): ForwardPlan {
  return FORWARD_PLANS[backend] ?? CPU_LIKE;
}
