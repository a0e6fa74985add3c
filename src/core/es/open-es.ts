/**
 * OpenES (Salimans et al. 2017) with evosax 0.1.4 semantics (docs/ALGORITHMS.md §2.5; evosax
 * `strategies/open_es.py`). Blocked antithetic sampling x = m ± σ·z with a scalar σ;
 * g = (1/(P·σ))·Σ_i f_i·ε_i with unit noise ε_i = (x_i − m)/σ; m ← Adam(m, g); η decay;
 * σ ← max(σ·sigma_decay, sigma_limit).
 */
import * as tf from '@tensorflow/tfjs-core';
import { hostValues, sigmaScheduleSpecs } from './common';
import { weightedRowSums } from './row-sums';
import { isotropicBlockedSampling, isotropicStep } from './sampling';
import { optimizerParamSpecs } from './optimizers';
import { defineStrategy } from './types';

export const openEs = defineStrategy({
  id: 'open_es',
  label: 'OpenES',
  help:
    'OpenAI-ES (Salimans et al. 2017): antithetic isotropic Gaussian search, score-function gradient of the mean ' +
    'fed to Adam (β1 = 0.99); scalar σ with optional decay. evosax 0.1.4 open_es.py. Isotropic σ ⇒ no SNR pruning.',
  antithetic: 'blocked',
  paramSpecs: {
    ...optimizerParamSpecs({ lrateInit: 0.05, lrateDecay: 1.0, lrateLimit: 0.001 }),
    ...sigmaScheduleSpecs(0.03),
  },
  supportsSnr: false,

  ...isotropicBlockedSampling('open_es'),

  tell(ctx, x, f, state, params) {
    const { mean, sigma } = state;
    const fh = hostValues(f);
    const grad = tf.tidy(() => {
      // fᵀε with unit noise ε = (x − m)/σ (row-sums.ts), then the 1/(P·σ) factor.
      const fEps = weightedRowSums(x, { center: mean, divisor: sigma, lin: fh }).lin as tf.Tensor1D;
      return tf.mul(1 / (ctx.popSize * sigma), fEps) as tf.Tensor1D;
    });
    return isotropicStep(params, state, grad);
  },

  perParamStd(ctx, state) {
    return tf.fill([ctx.dim], state.sigma) as tf.Tensor1D;
  },
});
