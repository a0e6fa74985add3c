/**
 * SNES, separable natural evolution strategy (Wierstra et al. 2014), evosax 0.1.4 semantics (
 * docs/ALGORITHMS.md §2.2; evosax `strategies/snes.py`). Rank weights w_r (r = 0 best): temperature T > 0
 * gives w = softmax(−T·(r/(P−1) − ½)); T = 0 gives NES utilities max(0, ln(P/2+1) − ln(r+1)),
 * normalised, minus 1/P. With s_i = (x_i − m)/σ sorted by f:
 *   ∇m = Σ_r w_r s_(r),  ∇σ = Σ_r w_r (s_(r)² − 1),  m ← m + η_m σ⊙∇m,  σ ← σ⊙exp(½ η_σ ∇σ).
 */
import * as tf from '@tensorflow/tfjs-core';
import { num } from '../params';
import { hostValues, rankWeightsToRows, softmax } from './common';
import { weightedRowSums } from './row-sums';
import { diagonalSampling } from './sampling';
import { argsortAsc } from './shaping';
import { defineStrategy } from './types';

/** SNES rank weights (rank 0 = best), docs/ALGORITHMS.md §2.2. */
export function snesWeights(popSize: number, temperature: number): Float64Array {
  if (temperature > 0) {
    return softmax(Float64Array.from({ length: popSize }, (_, r) => -temperature * (r / (popSize - 1) - 0.5)));
  }
  const u = Float64Array.from({ length: popSize }, (_, r) => Math.max(0, Math.log(popSize / 2 + 1) - Math.log(r + 1)));
  const s = u.reduce((a, b) => a + b, 0);
  return u.map((v) => v / s - 1 / popSize);
}

/** η_σ: the param value, or evosax's dimension-dependent default (3 + ln d)/(5√d) when it is 0 ("auto"). */
export function snesSigmaLrate(lrateSigma: number, dim: number): number {
  return lrateSigma > 0 ? lrateSigma : (3 + Math.log(dim)) / (5 * Math.sqrt(dim));
}

export const snes = defineStrategy({
  id: 'snes',
  label: 'SNES',
  help:
    'Separable Natural ES (Wierstra et al. 2014): natural-gradient updates of a diagonal Gaussian with rank-based ' +
    'weights (NES utilities, or DES-style temperature weights when T > 0). evosax 0.1.4 snes.py.',
  antithetic: 'none',
  paramSpecs: {
    sigma_init: num(1.0, 1e-4, 10, 1e-4, 'σ₀', 'Initial per-coordinate search std.', { log: true }),
    temperature: num(
      0,
      0,
      100,
      0.5,
      'Temperature T',
      'T > 0: softmax rank weights (es-lottery uses 12–48); T = 0: NES utilities.',
    ),
    lrate_mean: num(1.0, 0, 2, 0.01, 'η_m', 'Learning rate of the mean.'),
    lrate_sigma: num(
      0,
      0,
      2,
      1e-4,
      'η_σ (0 = auto)',
      '0 = auto: (3 + ln d)/(5·√d), recomputed from the active dimension d every IMP round (≈ 0.0232 at d = 11 274).',
    ),
  },
  supportsSnr: true,

  ...diagonalSampling,

  tell(ctx, x, f, state, params) {
    const { mean, sigma } = state;
    const w = rankWeightsToRows(argsortAsc(hostValues(f)), snesWeights(ctx.popSize, params.temperature));
    const sumW = w.reduce((a, b) => a + b, 0);
    const etaSigma = snesSigmaLrate(params.lrate_sigma, ctx.dim);
    return tf.tidy(() => {
      // s = (x − m)/σ; Σ_r w_r s_r and Σ_r w_r s_r² in one pass (row-sums.ts).
      const sums = weightedRowSums(x, { center: mean, divisor: sigma, lin: w, sq: w });
      const gMean = sums.lin as tf.Tensor1D;
      const gSigma = tf.sub(sums.sq as tf.Tensor1D, sumW);
      return {
        ...state,
        mean: tf.add(mean, tf.mul(tf.mul(params.lrate_mean, sigma), gMean)) as tf.Tensor1D,
        sigma: tf.mul(sigma, tf.exp(tf.mul(etaSigma / 2, gSigma))) as tf.Tensor1D,
      };
    });
  },

  perParamStd(_ctx, state) {
    return tf.clone(state.sigma);
  },
});
