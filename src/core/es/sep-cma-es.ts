/**
 * Sep-CMA-ES (Ros & Hansen 2008), evosax 0.1.4 semantics (docs/ALGORITHMS.md §2.3, §1.5, §13 D2;
 * evosax `strategies/sep_cma_es.py`). Diagonal covariance C, scalar step size s, paths p_σ and p_c,
 * positive log-weights on the μ = max(1, ⌊P·elite_ratio⌋) best. Constants use d̃ = min(d, 40000) in
 * the squared terms only (0.1.4's int32 guard), c_σ has "+3" (not the textbook +5), and c_μ carries
 * the separable (d+2)/3 scaling while c_1 does not. No negative weights, no clamping, no restarts.
 *
 * perParamStd (SNR pruning σ, docs/ALGORITHMS.md §1.5): 'paper' = C_ii (what es-lottery pruned with),
 * 'sC' = s·C_ii (es-lottery's best checkpoint), 'true' = s·√C_ii (the actual search std).
 */
import * as tf from '@tensorflow/tfjs-core';
import { num } from '../params';
import { hostValues, rankWeightsToRows } from './common';
import { weightedRowSums } from './row-sums';
import { argsortAsc } from './shaping';
import { defineStrategy } from './types';

/** All derived Sep-CMA-ES constants for popsize P, dimension d and elite ratio (docs/ALGORITHMS.md §2.3). */
export interface SepCmaConstants {
  mu: number;
  weights: Float64Array;
  muEff: number;
  c1: number;
  cMu: number;
  cSigma: number;
  dSigma: number;
  cC: number;
  chiN: number;
}

export function sepCmaConstants(popSize: number, dim: number, eliteRatio: number): SepCmaConstants {
  const mu = Math.max(1, Math.floor(popSize * eliteRatio));
  const wp = Float64Array.from({ length: mu }, (_, i) => Math.log(mu + 1) - Math.log(i + 1));
  const sw = wp.reduce((a, b) => a + b, 0);
  const weights = wp.map((v) => v / sw);
  const muEff = 1 / weights.reduce((a, w) => a + w * w, 0);
  const dt = Math.min(dim, 40000);
  const c1 = 2 / ((dt + 1.3) ** 2 + muEff);
  const cMuFull =
    2 / muEff / (dt + Math.SQRT2) ** 2 + (1 - 1 / muEff) * Math.min(1, (2 * muEff - 1) / ((dt + 2) ** 2 + muEff));
  const cMu = ((dim + 2) / 3) * cMuFull;
  const cSigma = (muEff + 2) / (dim + muEff + 3);
  const dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (dim + 1)) - 1) + cSigma;
  const cC = 4 / (dim + 4);
  const chiN = Math.sqrt(dim) * (1 - 1 / (4 * dim) + 1 / (21 * dt * dt));
  return { mu, weights, muEff, c1, cMu, cSigma, dSigma, cC, chiN };
}

/** D = √C with 0.1.4's guard (negative entries → 1e−20). */
function sqrtC(c: tf.Tensor1D): tf.Tensor1D {
  return tf.sqrt(tf.where(tf.less(c, 0), tf.fill(c.shape, 1e-20), c)) as tf.Tensor1D;
}

/** Sep-CMA-ES state: mean, diagonal covariance C, evolution paths, step size s and the generation counter. */
export type SepCmaState = {
  mean: tf.Tensor1D;
  C: tf.Tensor1D;
  p_sigma: tf.Tensor1D;
  p_c: tf.Tensor1D;
  s: number;
  gen: number;
};

export const sepCmaEs = defineStrategy({
  id: 'sep_cma_es',
  label: 'Sep-CMA-ES',
  help:
    'Separable CMA-ES (Ros & Hansen 2008): CMA-ES restricted to a diagonal covariance, with cumulative step-size ' +
    'adaptation. evosax 0.1.4 sep_cma_es.py. SNR pruning uses C_ii by default, as es-lottery did (docs/ALGORITHMS.md §1.5).',
  antithetic: 'none',
  paramSpecs: {
    elite_ratio: num(0.5, 0, 1, 0.01, 'Elite ratio', 'μ = max(1, ⌊P·ratio⌋) best members are recombined.'),
    sigma_init: num(1.0, 1e-4, 10, 1e-4, 'Step size s₀', 'Initial global step size (0.1.4 constructor default 1.0).', {
      log: true,
    }),
    c_m: num(1.0, 0, 2, 0.01, 'c_m', 'Learning rate of the mean.'),
  },
  supportsSnr: true,

  init(ctx, params, meanInit): SepCmaState {
    return {
      mean: tf.clone(meanInit),
      C: tf.ones([ctx.dim]) as tf.Tensor1D,
      p_sigma: tf.zeros([ctx.dim]) as tf.Tensor1D,
      p_c: tf.zeros([ctx.dim]) as tf.Tensor1D,
      s: params.sigma_init,
      gen: 0,
    };
  },

  sampling: (_ctx, state) => ({
    mean: state.mean,
    scale: tf.tidy(() => tf.mul(state.s, sqrtC(state.C)) as tf.Tensor1D),
  }),

  tell(ctx, x, f, state, params) {
    const k = sepCmaConstants(ctx.popSize, ctx.dim, params.elite_ratio);
    const { mean, C, s, gen } = state;
    const w = rankWeightsToRows(argsortAsc(hostValues(f)), k.weights); // zero beyond the μ elites
    const sumW = k.weights.reduce((a, b) => a + b, 0);
    const out = tf.tidy(() => {
      // y = (x − m)/s; y_w = Σ w y and the rank-μ term Σ w y² in one pass (row-sums.ts).
      const sums = weightedRowSums(x, { center: mean, divisor: s, lin: w, sq: w });
      const yW = sums.lin as tf.Tensor1D;
      const newMean = tf.add(mean, tf.mul(params.c_m * s, yW));
      const pSigma = tf.add(
        tf.mul(1 - k.cSigma, state.p_sigma),
        tf.mul(Math.sqrt(k.cSigma * (2 - k.cSigma) * k.muEff), tf.div(yW, sqrtC(C))),
      ) as tf.Tensor1D;
      const normPSigma = tf.norm(pSigma).dataSync()[0];
      const hLeft = normPSigma / Math.sqrt(1 - (1 - k.cSigma) ** (2 * (gen + 1)));
      const hSigma = hLeft < (1.4 + 2 / (ctx.dim + 1)) * k.chiN ? 1 : 0;
      const pC = tf.add(
        tf.mul(1 - k.cC, state.p_c),
        tf.mul(hSigma * Math.sqrt(k.cC * (2 - k.cC) * k.muEff), yW),
      ) as tf.Tensor1D;
      const deltaH = (1 - hSigma) * k.cC * (2 - k.cC);
      const rankMu = sums.sq as tf.Tensor1D;
      const newC = tf.addN([
        tf.mul(1 + k.c1 * deltaH - k.c1 - k.cMu * sumW, C),
        tf.mul(k.c1, tf.square(pC)),
        tf.mul(k.cMu, rankMu),
      ]);
      const newS = s * Math.exp((k.cSigma / k.dSigma) * (normPSigma / k.chiN - 1));
      return {
        ...state,
        mean: newMean as tf.Tensor1D,
        p_sigma: pSigma,
        p_c: pC,
        C: newC as tf.Tensor1D,
        s: newS,
        gen: gen + 1,
      };
    });
    return out;
  },

  perParamStd(_ctx, state, _params, mode) {
    const { C, s } = state;
    switch (mode) {
      case 'paper':
        return tf.clone(C);
      case 'sC':
        return tf.mul(s, C) as tf.Tensor1D;
      case 'true':
        return tf.tidy(() => tf.mul(s, sqrtC(C)) as tf.Tensor1D);
    }
  },
});
