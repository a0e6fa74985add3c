/**
 * The init/ask pairs that several strategies share verbatim (docs/ALGORITHMS.md §1.2, §2): written once
 * so each strategy file holds only what is its own (mostly `tell`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { requireEvenPop, samplePopulation, type sigmaScheduleSpecs, type SigmaScheduleParams } from './common';
import { expDecay, optInit, optStep, type optimizerParamSpecs, type OptimizerParams } from './optimizers';
import type { NumberParamSpec } from '../params';
import type { EsState, StrategyDef } from './types';

/** The params every isotropic strategy has: an optimizer for the mean and a σ schedule. */
type IsotropicSpecs = ReturnType<typeof optimizerParamSpecs> & ReturnType<typeof sigmaScheduleSpecs>;

/**
 * Isotropic search with blocked mirrored pairs and a mean optimizer (OpenES §2.5, ARS §2.6):
 * state {mean, scalar sigma, opt_*}.
 */
export function isotropicBlockedSampling(strategyId: string): Pick<StrategyDef<IsotropicSpecs>, 'init' | 'ask'> {
  return {
    init(ctx, params, meanInit) {
      requireEvenPop(strategyId, ctx);
      return { mean: tf.clone(meanInit), sigma: params.sigma_init, ...optInit(params, ctx.dim) };
    },
    ask(ctx, state, _params, rng) {
      requireEvenPop(strategyId, ctx);
      return samplePopulation(state.mean as tf.Tensor1D, state.sigma as number, 'blocked', rng, ctx);
    },
  };
}

/** Diagonal Gaussian with independent draws (SNES §2.2, DES §2.4): state {mean, sigma vector}. */
export const diagonalSampling: Pick<StrategyDef<{ sigma_init: NumberParamSpec }>, 'init' | 'ask'> = {
  init(ctx, params, meanInit) {
    return { mean: tf.clone(meanInit), sigma: tf.fill([ctx.dim], params.sigma_init) as tf.Tensor1D };
  },
  ask(ctx, state, _params, rng) {
    return samplePopulation(state.mean as tf.Tensor1D, state.sigma as tf.Tensor1D, 'none', rng, ctx);
  },
};

/**
 * The shared end of an isotropic strategy's tell (OpenES §2.5, ARS §2.6): one optimizer step of the mean
 * on `grad` (disposed here), then the scalar σ schedule σ ← max(σ·decay, limit).
 */
export function isotropicStep(
  params: OptimizerParams & SigmaScheduleParams,
  state: EsState,
  grad: tf.Tensor1D,
): EsState {
  const step = optStep(params, state.mean as tf.Tensor1D, grad, state);
  grad.dispose();
  return {
    ...state,
    ...step.opt,
    mean: step.mean,
    sigma: expDecay(state.sigma as number, params.sigma_decay, params.sigma_limit),
  };
}
