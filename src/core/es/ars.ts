/**
 * ARS, Augmented Random Search (Mania et al. 2018), evosax 0.1.4 semantics (docs/ALGORITHMS.md §2.6;
 * evosax `strategies/ars.py`). Blocked antithetic pairs (k, k+P/2); the b = max(1, ⌊(P/2)·elite_ratio⌋)
 * pairs with the smallest min(f⁺, f⁻) are used: σ_R = std(elite f⁺ ∪ f⁻) + 1e−5,
 * g = (1/(b·σ_R))·Σ_{k∈E}(f⁺_k − f⁻_k)·ε_k with unit noise ε_k, m ← Adam(m, g), η decay, scalar σ decay.
 */
import * as tf from '@tensorflow/tfjs-core';
import { num } from '../params';
import { hostValues, sigmaScheduleSpecs } from './common';
import { weightedRowSums } from './row-sums';
import { isotropicBlockedSampling, isotropicStep } from './sampling';
import { optimizerParamSpecs } from './optimizers';
import { argsortAsc } from './shaping';
import { defineStrategy } from './types';

/** Elite pair indices (0-based pair k) ordered by min(f⁺_k, f⁻_k), best first: shared with PGPE. */
export function elitePairs(fPlus: ArrayLike<number>, fMinus: ArrayLike<number>, eliteRatio: number): Int32Array {
  const half = fPlus.length;
  const b = Math.max(1, Math.floor(half * eliteRatio));
  const key = Float64Array.from({ length: half }, (_, k) => Math.min(fPlus[k], fMinus[k]));
  return argsortAsc(key).slice(0, b);
}

export const ars = defineStrategy({
  id: 'ars',
  label: 'ARS',
  help:
    'Augmented Random Search (Mania et al. 2018): antithetic pairs, only the best b directions, gradient scaled ' +
    'by the std of the elite returns, Adam on the mean. evosax 0.1.4 ars.py; the "ES" of the paper\'s LMC analysis. ' +
    'Isotropic σ ⇒ no SNR pruning.',
  antithetic: 'blocked',
  paramSpecs: {
    elite_ratio: num(0.1, 0, 1, 0.01, 'Elite ratio', 'Fraction of antithetic pairs used: b = max(1, ⌊(P/2)·ratio⌋).'),
    ...optimizerParamSpecs({ lrateInit: 0.05, lrateDecay: 1.0, lrateLimit: 0.001 }),
    ...sigmaScheduleSpecs(0.03),
  },
  supportsSnr: false,

  ...isotropicBlockedSampling('ars'),

  tell(ctx, x, f, state, params) {
    const { mean, sigma } = state;
    const half = ctx.popSize / 2;
    const fh = hostValues(f);
    const fPlus = fh.subarray(0, half);
    const fMinus = fh.subarray(half);
    const elite = elitePairs(fPlus, fMinus, params.elite_ratio);
    const b = elite.length;
    let mu = 0;
    for (const k of elite) mu += fPlus[k] + fMinus[k];
    mu /= 2 * b;
    let v = 0;
    for (const k of elite) v += (fPlus[k] - mu) ** 2 + (fMinus[k] - mu) ** 2;
    const sigmaR = Math.sqrt(v / (2 * b)) + 1e-5;
    // Row weights on the "+" rows only: c_k = (f⁺_k − f⁻_k)/(b·σ_R).
    const c = new Float64Array(ctx.popSize);
    for (const k of elite) c[k] = (fPlus[k] - fMinus[k]) / (b * sigmaR);
    // Σ_k c_k·(x_k − m)/σ over the b elite "+" rows only (row-sums.ts).
    const grad = weightedRowSums(x, { center: mean, divisor: sigma, lin: c }).lin as tf.Tensor1D;
    return isotropicStep(params, state, grad);
  },

  perParamStd(ctx, state) {
    return tf.fill([ctx.dim], state.sigma) as tf.Tensor1D;
  },
});
