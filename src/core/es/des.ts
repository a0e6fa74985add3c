/**
 * DES, the Discovered Evolution Strategy (Lange et al., ICLR 2023), evosax 0.1.4 semantics (
 * docs/ALGORITHMS.md §2.4; evosax `strategies/des.py`). Fixed rank weights
 * w_r = softmax(−20·sigmoid(T·(r/(P−1) − ½))); with x sorted by f and the OLD mean m:
 *   m̄ = Σ_r w_r x_(r),  ŝ = √(Σ_r w_r (x_(r) − m)² + 1e−6),  m ← m + η_m(m̄ − m),  σ ← σ + η_σ(ŝ − σ).
 */
import * as tf from '@tensorflow/tfjs-core';
import { num } from '../params';
import { hostValues, rankWeightsToRows, softmax } from './common';
import { weightedRowSums } from './row-sums';
import { diagonalSampling } from './sampling';
import { argsortAsc } from './shaping';
import { defineStrategy } from './types';

/** DES recombination weights (rank 0 = best), docs/ALGORITHMS.md §2.4. */
export function desWeights(popSize: number, temperature: number): Float64Array {
  return softmax(
    Float64Array.from({ length: popSize }, (_, r) => {
      const z = temperature * (r / (popSize - 1) - 0.5);
      return -20 / (1 + Math.exp(-z));
    }),
  );
}

export const des = defineStrategy({
  id: 'des',
  label: 'DES',
  help:
    'Discovered Evolution Strategy (Lange et al. 2023): a meta-learned, fixed rank-weighted recombination of the ' +
    'mean and a per-coordinate σ that tracks the weighted spread of the population. evosax 0.1.4 des.py.',
  antithetic: 'none',
  paramSpecs: {
    temperature: num(12.5, 0, 100, 0.5, 'Temperature T', 'Sharpness of the sigmoid in the discovered rank weights.'),
    sigma_init: num(0.1, 1e-4, 10, 1e-4, 'σ₀', 'Initial per-coordinate search std.', { log: true }),
    lrate_mean: num(1.0, 0, 2, 0.01, 'η_m', 'Learning rate of the mean (1 = pure weighted recombination).'),
    lrate_sigma: num(0.1, 0, 2, 0.01, 'η_σ', 'Learning rate of σ towards the weighted population spread.'),
  },
  supportsSnr: true,

  ...diagonalSampling,

  tell(ctx, x, f, state, params) {
    const { mean, sigma } = state;
    const w = rankWeightsToRows(argsortAsc(hostValues(f)), desWeights(ctx.popSize, params.temperature));
    return tf.tidy(() => {
      // m̄ = Σ w x and Σ w (x − m)² in one pass (row-sums.ts).
      const sums = weightedRowSums(x, { center: mean, lin: w, linOnRaw: true, sq: w });
      const mBar = sums.lin as tf.Tensor1D;
      const sHat = tf.sqrt(tf.add(sums.sq as tf.Tensor1D, 1e-6));
      return {
        ...state,
        mean: tf.add(mean, tf.mul(params.lrate_mean, tf.sub(mBar, mean))) as tf.Tensor1D,
        sigma: tf.add(sigma, tf.mul(params.lrate_sigma, tf.sub(sHat, sigma))) as tf.Tensor1D,
      };
    });
  },

  perParamStd(_ctx, state) {
    return tf.clone(state.sigma);
  },
});
