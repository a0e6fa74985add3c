/**
 * The init/sampling pairs that several strategies share verbatim (docs/ALGORITHMS.md §1.2, §2): written once
 * so each strategy file holds only what is its own (mostly `tell`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { requireEvenPop, type sigmaScheduleSpecs, type SigmaScheduleParams } from './common';
import {
  expDecay,
  optInit,
  optStep,
  type optimizerParamSpecs,
  type OptimizerParams,
  type OptState,
} from './optimizers';
import type { NumberParamSpec } from '../params';
import type { StrategyDef } from './types';

/** The params every isotropic strategy has: an optimizer for the mean and a σ schedule. */
type IsotropicSpecs = ReturnType<typeof optimizerParamSpecs> & ReturnType<typeof sigmaScheduleSpecs>;

/** State of an isotropic strategy (OpenES, ARS): the mean, a scalar σ and the mean optimizer's entries. */
export type IsotropicState = { mean: tf.Tensor1D; sigma: number } & OptState;

/** State of a diagonal Gaussian (SNES, DES): the mean and a per-coordinate σ. */
export type DiagonalState = { mean: tf.Tensor1D; sigma: tf.Tensor1D };

/**
 * Isotropic search with blocked mirrored pairs and a mean optimizer (OpenES §2.5, ARS §2.6):
 * state {mean, scalar sigma, opt_*}.
 */
export function isotropicBlockedSampling(
  strategyId: string,
): Pick<StrategyDef<IsotropicSpecs, IsotropicState>, 'init' | 'sampling'> {
  return {
    init(ctx, params, meanInit): IsotropicState {
      requireEvenPop(strategyId, ctx);
      return { mean: tf.clone(meanInit), sigma: params.sigma_init, ...optInit(params, ctx.dim) };
    },
    sampling: (_ctx, state) => ({ mean: state.mean, scale: state.sigma }),
  };
}

/** Diagonal Gaussian with independent draws (SNES §2.2, DES §2.4): state {mean, sigma vector}. */
export const diagonalSampling: Pick<
  StrategyDef<{ sigma_init: NumberParamSpec }, DiagonalState>,
  'init' | 'sampling'
> = {
  init(ctx, params, meanInit): DiagonalState {
    return { mean: tf.clone(meanInit), sigma: tf.fill([ctx.dim], params.sigma_init) as tf.Tensor1D };
  },
  sampling: (_ctx, state) => ({ mean: state.mean, scale: state.sigma }),
};

/**
 * The shared end of an isotropic strategy's tell (OpenES §2.5, ARS §2.6): one optimizer step of the mean
 * on `grad` (disposed here), then the scalar σ schedule σ ← max(σ·decay, limit).
 */
export function isotropicStep(
  params: OptimizerParams & SigmaScheduleParams,
  state: IsotropicState,
  grad: tf.Tensor1D,
): IsotropicState {
  const step = optStep(params, state.mean, grad, state);
  grad.dispose();
  return {
    ...state,
    ...step.opt,
    mean: step.mean,
    sigma: expDecay(state.sigma, params.sigma_decay, params.sigma_limit),
  };
}
