/**
 * Masked gradient-descent training of one network: the GD baseline's counterpart of TRAIN_ES (
 * docs/ALGORITHMS.md §4.1; paper §2 "GD-IMP"). The same PopulationNet forward pass (P = 1, the flat parameter
 * vector as a tf.Variable [1, D]) is differentiated by tfjs; the loss is the softmax cross-entropy on the
 * log-softmax outputs, averaged over the batch; Adam (β1 0.9, β2 0.999, ε 1e-8) or SGD; shuffled epochs
 * from a seeded Rng, the last partial batch dropped (as the ES epoch sampler does).
 *
 * Sparsity is exact: every gradient is multiplied by the mask (with Adam a zero gradient keeps both
 * moments at 0, so the update is 0/(0+ε) = 0) and the mask is re-applied after every step, so pruned
 * weights stay bit-exactly 0 whatever the optimizer. Test accuracy is measured after each epoch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ensureGradients } from './gradients';
import type { PopulationNet } from '../../nets/types';
import type { TaskInstance } from '../../tasks/types';
import type { VisionSplit } from '../../tasks/vision/datasets';
import { meanLogLikelihood, NUM_CLASSES } from '../../tasks/vision/vision-task';
import { applyMask } from '../../prune/layout';
import type { Rng } from '../../rng';
import type { EvalPoint } from '../events';
import { DivergenceError, PRUNED_SIGMA, type RoundOutcome } from '../train-round';
import type { GdOptions } from './gd-options';
import { gdBackendProblem } from './gd-eligibility';

/** The training split on the tfjs backend, uploaded once per run and shared by all rounds and chains. */
export class GdTrainSet {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor1D;
  readonly count: number;
  readonly inputSize: number;

  constructor(split: VisionSplit) {
    this.count = split.count;
    this.inputSize = split.side * split.side;
    this.x = tf.keep(tf.tensor2d(split.x, [split.count, this.inputSize]));
    this.y = tf.keep(tf.tensor1d(Int32Array.from(split.labels), 'int32'));
  }

  dispose(): void {
    tf.dispose([this.x, this.y]);
  }
}

/**
 * Mean softmax cross-entropy of the single network `params` [1, D] on (x [B, K], one-hot y [B, C]):
 * −(1/B) Σ_b log softmax(f(x_b))[y_b]. The scalar GD minimises (the ES fitness is its negation).
 */
export function crossEntropyLoss(
  net: PopulationNet,
  params: tf.Tensor2D,
  x: tf.Tensor2D,
  oneHot: tf.Tensor2D,
): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.sum(meanLogLikelihood(net.forward(params, x), oneHot))) as tf.Scalar);
}

/**
 * Frees an optimizer's state. tfjs 4.22's MomentumOptimizer.dispose() forgets its SGD base's kept
 * learning-rate scalar `c` (one leaked tensor per round), so that one is freed here too.
 */
export function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  if (opt instanceof tf.MomentumOptimizer) {
    const c = (opt as unknown as { c?: tf.Tensor }).c;
    if (c && !c.isDisposed) c.dispose();
  }
}

/** A trainable tf.Variable [1, D] holding `values` (the initial tensor is freed: tf.variable copies it). */
export function variableOf(values: Float32Array): tf.Variable<tf.Rank.R2> {
  const t = tf.tensor2d(values, [1, values.length]);
  const v = tf.variable(t, true);
  t.dispose();
  return v;
}

/** tfjs optimizer for the options (Adam with optax's ε = 1e-8, not tfjs's backend default 1e-7). */
export function makeOptimizer(o: GdOptions): tf.Optimizer {
  if (o.optimizer === 'adam') return tf.train.adam(o.lr, 0.9, 0.999, 1e-8);
  return o.momentum > 0 ? tf.train.momentum(o.lr, o.momentum) : tf.train.sgd(o.lr);
}

export interface GdEpochMetrics {
  /** 1-based epoch within the round. */
  readonly epoch: number;
  readonly epochs: number;
  /** Optimizer steps done so far in this round, and in the whole round. */
  readonly step: number;
  readonly totalSteps: number;
  /** Mean training cross-entropy over this epoch's batches. */
  readonly trainLoss: number;
  readonly lastEval: EvalPoint;
  readonly examplesPerSec: number;
}

export interface GdRoundSpec {
  readonly net: PopulationNet;
  /** Test protocol (evaluateTest); training data come from `train`. */
  readonly task: TaskInstance;
  readonly train: GdTrainSet;
  readonly mask: Uint8Array;
  /** Starting weights (full length D); entries outside the mask are zeroed. */
  readonly init: Float32Array;
  readonly options: GdOptions;
  /** Shuffling stream of this round; epoch e uses rng.split(e). */
  readonly rng: Rng;
  readonly onEpoch?: (m: GdEpochMetrics) => void;
  /** Called after every step; may await (pause) or throw (cancel). */
  readonly gate?: () => Promise<void> | void;
}

/** A GD round: same shape as an ES round; `evals[].gen` counts optimizer steps at each epoch's end. */
export interface GdOutcome extends RoundOutcome {
  readonly steps: number;
}

function checkSpec(spec: GdRoundSpec): void {
  const { net, train, mask, init, options } = spec;
  if (net.inputSize !== train.inputSize || net.outputSize !== NUM_CLASSES) {
    throw new Error(
      `${net.describe} expects ${net.inputSize} inputs → ${net.outputSize} outputs, but the training data have ${train.inputSize} inputs → ${NUM_CLASSES} classes`,
    );
  }
  if (mask.length !== net.paramCount || init.length !== net.paramCount) {
    throw new Error(
      `mask (${mask.length}) and init (${init.length}) must both have the network's ${net.paramCount} parameters`,
    );
  }
  const backendProblem = gdBackendProblem(net, tf.getBackend());
  if (backendProblem) throw new Error(backendProblem);
  if (options.batchSize > train.count)
    throw new Error(`GD batch size ${options.batchSize} exceeds the ${train.count} training images`);
}

/** Trains M ⊙ init with masked GD for `options.epochs` epochs (docs/ALGORITHMS.md §4.1). */
export async function trainGd(spec: GdRoundSpec): Promise<GdOutcome> {
  checkSpec(spec);
  ensureGradients();
  const { net, train, options } = spec;
  const t0 = Date.now();
  const D = net.paramCount;
  const batchesPerEpoch = Math.floor(train.count / options.batchSize);
  const totalSteps = batchesPerEpoch * options.epochs;
  let active = 0;
  for (const m of spec.mask) active += m;
  const maskT = tf.tensor2d(Float32Array.from(spec.mask), [1, D]);
  const theta = variableOf(applyMask(spec.init, spec.mask));
  const optimizer = makeOptimizer(options);
  const evals: EvalPoint[] = [];
  let step = 0;
  // Declared out here so a cancel thrown by `gate` mid-epoch still frees the running loss sum.
  let lossSum: tf.Scalar | null = null;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const perm = spec.rng.split(epoch).permutation(train.count);
      lossSum = tf.scalar(0);
      for (let b = 0; b < batchesPerEpoch; b++) {
        const next = tf.tidy(() => {
          const idx = tf.tensor1d(perm.subarray(b * options.batchSize, (b + 1) * options.batchSize), 'int32');
          const x = tf.gather(train.x, idx) as tf.Tensor2D;
          const y = tf.oneHot(tf.gather(train.y, idx), NUM_CLASSES) as tf.Tensor2D;
          const { value, grads } = tf.variableGrads(() => crossEntropyLoss(net, theta, x, y), [theta]);
          optimizer.applyGradients({ [theta.name]: tf.mul(grads[theta.name], maskT) });
          theta.assign(tf.mul(theta, maskT)); // belt and braces: pruned entries are exactly 0 after every step
          return tf.add(lossSum!, value) as tf.Scalar;
        });
        lossSum.dispose();
        lossSum = next;
        step++;
        await spec.gate?.();
      }
      const trainLoss = (await lossSum.data())[0] / batchesPerEpoch;
      lossSum.dispose();
      lossSum = null;
      if (!Number.isFinite(trainLoss))
        throw new DivergenceError(`GD training loss became non-finite in epoch ${epoch} — lower the learning rate`);
      const [res] = await spec.task.evaluateTest(net, theta);
      evals.push({ gen: step, perf: res.perf, loss: res.loss });
      spec.onEpoch?.({
        epoch,
        epochs: options.epochs,
        step,
        totalSteps,
        trainLoss,
        lastEval: evals[evals.length - 1],
        examplesPerSec: (step * options.batchSize) / Math.max(1e-3, (Date.now() - t0) / 1000),
      });
    }
    const mean = new Float32Array(await theta.data());
    // GD has no per-parameter σ: NaN where trained (so an SNR score of a GD run is visibly undefined), 1e20 at pruned.
    const std = new Float32Array(D).fill(NaN);
    for (let i = 0; i < D; i++) if (!spec.mask[i]) std[i] = PRUNED_SIGMA;
    return { mean, std, evals, esDim: active, wallMs: Date.now() - t0, steps: step };
  } finally {
    lossSum?.dispose();
    disposeOptimizer(optimizer);
    theta.dispose();
    maskT.dispose();
  }
}
