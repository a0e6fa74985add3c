/**
 * Which tensor formulation each backend uses for the population forward pass. Chosen by measurement
 * (bench/nets; results in bench/results/nets.json): on wasm, batched 3-D matMul is 4–6× slower than
 * 2-D products (docs/ARCHITECTURE.md "Platform notes"); one shared-input matMul wins for small activations and per-member
 * 2-D matMuls for large ones (784-100-10, P=128, B=1024: 4.4 s vs 7.0 s per forward on a loaded 2-core
 * machine, the shared form paying for transposes of [B, P·N] activations): 'auto' picks by size
 * (dense-ops.ts); for the CNN, one conv2d with all
 * members' filters beats im2col + matMul (1.7 s vs 4.1 s, P=32, B=128). GPU backends prefer few large
 * ops (batched). The table is static on purpose: plans agree only up to float rounding, so picking one
 * by timing at run time would make results depend on machine load (docs/ARCHITECTURE.md convention 7).
 * Every plan computes the same function (tests check each against a plain-JS reference).
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

const CPU_LIKE: ForwardPlan = { mlp: { first: 'auto', hidden: 'auto' }, cnn: { conv1: 'conv', dense: 'auto' } };
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
