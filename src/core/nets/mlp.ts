/**
 * Population MLP (docs/ALGORITHMS.md §9.2 control MLPs; §12 reduced vision preset MLP 196-32-10):
 * in → [width]×hiddenLayers (relu | tanh) → out (none | tanh). Kernels lecun_normal, biases U[0, 0.05)
 * (docs/ALGORITHMS.md §9.2). Returns logits / raw actions; log-softmax or argmax is the task's job.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import type { LayerSpec, PopulationNet } from './types';
import { buildLayout, type LayerDecl } from './layout';
import { initParams } from './init';
import { firstDense, hiddenDense, toStacked, type Activation, type PopActs } from './dense-ops';
import { planFor, type MlpPlan } from './plans';
import { hostMlpForward } from './host-mlp';

export interface MlpOptions {
  readonly id: string;
  readonly inputSize: number;
  readonly outputSize: number;
  /** 1–3 hidden layers (the paper's control MLPs: "1 to 3 layers", configs use 2). */
  readonly hiddenLayers: number;
  readonly width: number;
  readonly activation: 'relu' | 'tanh';
  readonly outputActivation: 'none' | 'tanh';
  /** Forces a formulation (tests, benchmarks); default: `planFor(tf.getBackend()).mlp`. */
  readonly plan?: MlpPlan;
}

/** Dense_0 … Dense_L declarations for in → width^L → out. */
export function mlpLayerDecls(inputSize: number, hiddenLayers: number, width: number, outputSize: number): LayerDecl[] {
  const sizes = [inputSize, ...Array<number>(hiddenLayers).fill(width), outputSize];
  return sizes.slice(1).map((n, i) => ({ name: `Dense_${i}`, kind: 'dense', kernelShape: [sizes[i], n] }));
}

/**
 * Runs a stack of dense layers for the population and returns [P, B, out]. `input` is either the
 * shared batch x [B, in] (the first layer then uses `plan.first`) or per-member activations (the CNN's
 * dense head); member-specific layers use `plan.hidden`.
 */
export function denseStack(
  input: tf.Tensor2D | PopActs,
  params: tf.Tensor2D,
  layers: readonly LayerSpec[],
  acts: readonly Activation[],
  plan: MlpPlan,
): tf.Tensor3D {
  const shared = !Array.isArray(input) && input.rank === 2;
  let h: PopActs = shared
    ? firstDense(input as tf.Tensor2D, params, layers[0], acts[0], plan.first)
    : (input as PopActs);
  for (let i = shared ? 1 : 0; i < layers.length; i++) h = hiddenDense(h, params, layers[i], acts[i], plan.hidden);
  return toStacked(h);
}

export function buildMlp(o: MlpOptions): PopulationNet {
  if (!Number.isInteger(o.hiddenLayers) || o.hiddenLayers < 1 || o.hiddenLayers > 3) {
    throw new Error(`MLP hiddenLayers must be 1, 2 or 3 (got ${o.hiddenLayers})`);
  }
  const layout = buildLayout(mlpLayerDecls(o.inputSize, o.hiddenLayers, o.width, o.outputSize));
  const acts: Activation[] = layout.layers.map((_, i) => (i < o.hiddenLayers ? o.activation : o.outputActivation));
  const host = hostMlpForward(layout.layers, acts);
  const widths = [o.inputSize, ...Array<number>(o.hiddenLayers).fill(o.width), o.outputSize].join('-');
  return {
    id: o.id,
    describe: `MLP ${widths} (${o.activation}${o.outputActivation === 'tanh' ? ', tanh out' : ''})`,
    inputSize: o.inputSize,
    outputSize: o.outputSize,
    layers: layout.layers,
    paramCount: layout.paramCount,
    prunableCount: layout.prunableCount,
    init: (rng: Rng) => initParams(layout.layers, layout.paramCount, rng, () => 'uniform'),
    forward: (params, x) => tf.tidy(() => denseStack(x, params, layout.layers, acts, o.plan ?? planFor().mlp)),
    forwardHost: host,
    hostParamsBuffer: host.paramsBuffer,
  };
}
