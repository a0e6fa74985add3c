/**
 * θ0, the paper's network initialisation (docs/ALGORITHMS.md §9.1, §9.2): kernels use flax's
 * `lecun_normal` = variance_scaling(1, "fan_in", "truncated_normal"), i.e. a standard normal truncated to
 * [−2, 2] scaled by √(1/fan_in)/0.879625661 (the division restores unit variance after truncation);
 * biases are U[0, 0.05) or 0 (flax's default for Dense, e.g. the CNN's output layer).
 */
import type { Rng } from '../rng';
import type { LayerSpec } from './types';

/** Std of a standard normal truncated to [−2, 2] (flax's correction constant). */
export const TRUNCNORM_2SIGMA_STD = 0.87962566103423978;
/** Upper end of the U[0, 0.05) bias init (evojax / es-lottery MLPs and conv layers). */
export const BIAS_UNIFORM_MAX = 0.05;

/** lecun_normal std for a fan-in: √(1/fan_in)/0.8796… (before truncation). */
export function lecunStd(fanIn: number): number {
  return Math.sqrt(1 / fanIn) / TRUNCNORM_2SIGMA_STD;
}

export type BiasInit = 'uniform' | 'zero';

/**
 * Fills a fresh parameter vector of length `paramCount`: every kernel from lecun_normal, every bias
 * from `biasInit(layer)`. Layers are drawn in order from one rng stream, so θ0 is a function of the seed.
 */
export function initParams(
  layers: readonly LayerSpec[],
  paramCount: number,
  rng: Rng,
  biasInit: (layer: LayerSpec, layerIdx: number) => BiasInit,
): Float32Array {
  const out = new Float32Array(paramCount);
  layers.forEach((l, layerIdx) => {
    const std = lecunStd(l.fanIn);
    for (let i = 0; i < l.kernelSize; i++) out[l.kernelOffset + i] = std * rng.truncatedNormal(-2, 2);
    if (biasInit(l, layerIdx) === 'uniform') {
      for (let i = 0; i < l.biasSize; i++) out[l.biasOffset + i] = rng.uniformRange(0, BIAS_UNIFORM_MAX);
    }
  });
  return out;
}
