/**
 * PGPE (Sehnke et al. 2010), evosax 0.1.4 semantics (docs/ALGORITHMS.md §2.1, §13 D7; evosax
 * `strategies/pgpe.py`). Interleaved antithetic pairs x_{2k}, x_{2k+1} = m ± σ⊙z_k with scaled noise
 * ε_k = x_{2k} − m; elite pairs E = b best by min(f⁺, f⁻);
 *   g  = (1/b) Σ_{k∈E} ½(f⁺_k − f⁻_k)·ε_k,  m ← Adam(m, g), η decay;
 *   β  = mean of {f⁺_k, f⁻_k : k∈E};  Δσ = (1/b) Σ_j (½(f⁺+f⁻)_{E_j} − β)·(ε_{k(j)}² − σ²)/σ;
 *   σ̃ = σ ± η_σ·Δσ, clipped to σ(1 ± sigma_max_change), then σ ← max(σ̃·sigma_decay, sigma_limit).
 *
 * `sigmaSign` = 'evosax-0.1.4' (default, paper parity) reproduces TWO 0.1.4 quirks: the σ step ADDS
 * the minimise-form gradient (docs/ALGORITHMS.md D7), and the averaged elite scores (in elite order E_j) are paired
 * with the noise of pair k(j) = j in ORIGINAL order (`noise_1` is not indexed by `elite_idx` in 0.1.4's σ
 * update; checked in evosax v.0.1.4 pgpe.py). 0.1.4 only runs for b = P/2 or b = 1, where this rule
 * is exactly its behaviour. "corrected" uses k(j) = E_j (each elite with its own noise) and SUBTRACTS,
 * as current evosax does.
 */
import * as tf from '@tensorflow/tfjs-core';
import { choice, num } from '../params';
import { elitePairs } from './ars';
import { hostValues, requireEvenPop } from './common';
import { weightedRowSums } from './row-sums';
import { optInit, optimizerParamSpecs, optStep, type OptState } from './optimizers';
import { defineStrategy } from './types';

export type PgpeSigmaSign = 'evosax-0.1.4' | 'corrected';

/** PGPE's state: the mean, a per-coordinate σ and the mean optimizer's entries. */
export type PgpeState = { mean: tf.Tensor1D; sigma: tf.Tensor1D } & OptState;

export const pgpe = defineStrategy({
  id: 'pgpe',
  label: 'PGPE',
  help:
    'Policy Gradients with Parameter-based Exploration (Sehnke et al. 2010): antithetic pairs, Adam on the mean, ' +
    'per-coordinate σ adapted by a baseline-corrected score gradient with a ±20 % change cap. evosax 0.1.4 pgpe.py.',
  antithetic: 'interleaved',
  paramSpecs: {
    elite_ratio: num(1.0, 0, 1, 0.01, 'Elite ratio', 'Fraction of antithetic pairs used: b = max(1, ⌊(P/2)·ratio⌋).'),
    ...optimizerParamSpecs({ lrateInit: 0.15, lrateDecay: 1.0, lrateLimit: 0.001 }),
    sigma_init: num(0.1, 1e-4, 10, 1e-4, 'σ₀', 'Initial per-coordinate search std.', { log: true }),
    sigma_decay: num(1.0, 0.9, 1, 1e-4, 'σ decay', 'Per-generation multiplicative σ decay (1 = none).'),
    sigma_limit: num(0.01, 0, 1, 1e-4, 'σ floor', 'σ never decays below this value.'),
    sigma_lrate: num(0.1, 0, 1, 1e-3, 'σ learning rate', 'Step size η_σ of the σ update.'),
    sigma_max_change: num(0.2, 0, 1, 0.01, 'σ max change', 'σ may change by at most this fraction per generation.'),
    sigmaSign: choice<PgpeSigmaSign>(
      'evosax-0.1.4',
      [
        { value: 'evosax-0.1.4', label: 'as the paper’s code (paper parity)' },
        { value: 'corrected', label: 'corrected' },
      ],
      'σ update',
      'evosax 0.1.4 adds the minimise-form σ gradient and pairs elite scores with unsorted noise; ' +
        '"corrected" subtracts it with matched pairs (docs/ALGORITHMS.md §13 D7).',
    ),
  },
  supportsSnr: true,

  init(ctx, params, meanInit): PgpeState {
    requireEvenPop('pgpe', ctx);
    return {
      mean: tf.clone(meanInit),
      sigma: tf.fill([ctx.dim], params.sigma_init) as tf.Tensor1D,
      ...optInit(params, ctx.dim),
    };
  },

  sampling: (_ctx, state) => ({ mean: state.mean, scale: state.sigma }),

  tell(ctx, x, f, state, params) {
    const { mean, sigma } = state;
    const fh = hostValues(f);
    const half = ctx.popSize / 2;
    const fPlus = Float64Array.from({ length: half }, (_, k) => fh[2 * k]);
    const fMinus = Float64Array.from({ length: half }, (_, k) => fh[2 * k + 1]);
    const elite = elitePairs(fPlus, fMinus, params.elite_ratio);
    const b = elite.length;
    let baseline = 0;
    for (const k of elite) baseline += fPlus[k] + fMinus[k];
    baseline /= 2 * b;
    const quirk = params.sigmaSign === 'evosax-0.1.4';
    // Row weights on the "+" rows (2k): mean gradient c, σ gradient a.
    const c = new Float64Array(ctx.popSize);
    const a = new Float64Array(ctx.popSize);
    elite.forEach((k, j) => {
      c[2 * k] = (0.5 * (fPlus[k] - fMinus[k])) / b;
      const noiseRow = quirk ? 2 * j : 2 * k;
      a[noiseRow] += (0.5 * (fPlus[k] + fMinus[k]) - baseline) / b;
    });
    const sumA = a.reduce((s, v) => s + v, 0);
    const [grad, deltaSigma] = tf.tidy(() => {
      // ε = x − m; g = Σ c ε and Σ a ε² in one pass over the "+" rows (row-sums.ts).
      const sums = weightedRowSums(x, { center: mean, lin: c, sq: a });
      const g = sums.lin as tf.Tensor1D;
      const aEps2 = sums.sq as tf.Tensor1D;
      const ds = tf.div(tf.sub(aEps2, tf.mul(sumA, tf.square(sigma))), sigma);
      return [g, ds];
    });
    const step = optStep(params, mean, grad, state);
    const signed = quirk ? 1 : -1;
    const newSigma = tf.tidy(() => {
      const maxChange = params.sigma_max_change;
      const allowed = tf.mul(tf.abs(sigma), maxChange);
      const raw = tf.add(sigma, tf.mul(signed * params.sigma_lrate, deltaSigma));
      const clipped = tf.minimum(tf.maximum(raw, tf.sub(sigma, allowed)), tf.add(sigma, allowed));
      return tf.maximum(tf.mul(clipped, params.sigma_decay), params.sigma_limit) as tf.Tensor1D;
    });
    grad.dispose();
    deltaSigma.dispose();
    return { ...state, ...step.opt, mean: step.mean, sigma: newSigma };
  },

  perParamStd(_ctx, state) {
    return tf.clone(state.sigma);
  },
});
