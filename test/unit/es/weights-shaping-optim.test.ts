// Check values (docs/ALGORITHMS.md §2.2–2.4), fitness shaping (§1.3) and the optimizers (§1.4).
// Optimizer expectations come from test/unit/es/reference_numpy.py (independent numpy, two steps).
import { describe, it, expect } from 'vitest';
import { snesWeights, snesSigmaLrate } from '../../../src/core/es/snes';
import { desWeights } from '../../../src/core/es/des';
import { sepCmaConstants } from '../../../src/core/es/sep-cma-es';
import { argsortAsc, centeredRanks, shapeFitness, zScore } from '../../../src/core/es/shaping';
import type { OptimizerParams } from '../../../src/core/es/optimizers';
import { optimizerSteps } from './optimizer-steps';

const rel = (a: number, e: number): number => Math.abs(a - e) / Math.abs(e);

describe('check values of docs/ALGORITHMS.md §2.2–2.4', () => {
  it('SNES temperature weights at P = 128, T = 12', () => {
    const w = snesWeights(128, 12);
    expect(rel(w[0], 0.0902)).toBeLessThan(2e-3);
    expect(rel(w[1], 0.082)).toBeLessThan(2e-3);
    expect(rel(w[127], 5.5e-7)).toBeLessThan(1e-2);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('SNES NES utilities at P = 128 sum to 0', () => {
    const w = snesWeights(128, 0);
    expect(rel(w[0], 0.0595)).toBeLessThan(2e-3);
    expect(w[127]).toBeCloseTo(-1 / 128, 12);
    expect(Math.abs(w.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);
  });
  it('SNES auto η_σ ≈ 0.0232 at d = 11 274', () => {
    expect(snesSigmaLrate(0, 11274)).toBeCloseTo(0.0232, 4);
    expect(snesSigmaLrate(0.3, 11274)).toBe(0.3);
  });
  it('DES weights at P = 128, T = 12.5', () => {
    const w = desWeights(128, 12.5);
    expect(rel(w[0], 0.03364)).toBeLessThan(1e-3);
    expect(rel(w[127], 7.5e-11)).toBeLessThan(1e-2);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('Sep-CMA-ES constants at P = 128, d = 11 274', () => {
    const k = sepCmaConstants(128, 11274, 0.5);
    expect(k.mu).toBe(64);
    expect(rel(k.muEff, 34.433)).toBeLessThan(1e-4);
    expect(rel(k.weights[0], 0.06734)).toBeLessThan(1e-4);
    expect(rel(k.weights[63], 2.5e-4)).toBeLessThan(1e-3);
    expect(rel(k.c1, 1.57e-8)).toBeLessThan(3e-3);
    expect(rel(k.cMu, 1.95e-3)).toBeLessThan(3e-3);
    expect(rel(k.cSigma, 3.22e-3)).toBeLessThan(3e-3);
    expect(rel(k.dSigma, 1.0032)).toBeLessThan(1e-4);
    expect(rel(k.cC, 3.55e-4)).toBeLessThan(3e-3);
    expect(rel(k.chiN, 106.18)).toBeLessThan(1e-4);
  });
});

describe('fitness shaping (maximise-form scores in, minimise-form out)', () => {
  it('stable argsort breaks ties by index and puts NaN last', () => {
    expect(Array.from(argsortAsc([2, 1, 2, NaN, 1]))).toEqual([1, 4, 0, 2, 3]);
  });
  it('centered ranks: best (lowest f) → −0.5, worst → +0.5, ties by index', () => {
    expect(Array.from(centeredRanks([3, 1, 2, 1, 5]))).toEqual([0.25, -0.5, 0, -0.25, 0.5]);
  });
  it('z-score uses the population std', () => {
    const z = zScore([1, 2, 3, 4]);
    const std = Math.sqrt(1.25);
    expect(z[0]).toBeCloseTo(-1.5 / std, 6);
    expect(z[3]).toBeCloseTo(1.5 / std, 6);
  });
  it('flips the sign; weight decay adds λ·MEAN of x² before ranking', () => {
    expect(Array.from(shapeFitness([1, -2, 3]))).toEqual([-1, 2, -3]);
    // f = −F + 0.5·meanSq: [−1+0.5·4, 2+0, −3+0.5·10] = [1, 2, 2] → ranks [0, 1, 2]
    const f = shapeFitness([1, -2, 3], { wDecay: 0.5, centeredRank: true }, [4, 0, 10]);
    expect(Array.from(f)).toEqual([-0.5, 0, 0.5]);
  });
  it('NaN and −∞ scores are ranked worst and stay finite under raw shaping', () => {
    // min-form f = [bad, −1, bad, −3]; bad = worst finite + range = −1 + 2 = 1, ties by index →
    // ranks [2, 1, 3, 0] → r/3 − ½.
    const ranked = shapeFitness([NaN, 1, -Infinity, 3], { centeredRank: true });
    [1 / 6, -1 / 6, 0.5, -0.5].forEach((e, i) => expect(ranked[i]).toBeCloseTo(e, 6));
    expect(Array.from(shapeFitness([NaN, 1, -Infinity, 3]))).toEqual([1, -1, 1, -3]);
    expect(Array.from(shapeFitness([NaN, NaN]))).toEqual([0, 0]);
  });
  it('rejects centeredRank together with zScore', () => {
    expect(() => shapeFitness([1, 2], { centeredRank: true, zScore: true })).toThrow(/mutually exclusive/);
  });
});

describe('optimizers (two steps from m0 with g1, g2)', () => {
  const m0 = [1.0, -2.0, 0.5];
  const g1 = [0.4, -0.1, 2.0];
  const g2 = [-0.3, 0.2, 1.0];
  const twoSteps = (params: OptimizerParams) => optimizerSteps(params, m0, [g1, g2]);
  const close = (a: number[], e: number[]): void => a.forEach((v, i) => expect(Math.abs(v - e[i])).toBeLessThan(1e-5));

  it('Adam with β1 = 0.99 and η decay after each step', () => {
    const { mean, ...st } = twoSteps({ opt_name: 'adam', lrate_init: 0.05, lrate_decay: 0.9, lrate_limit: 0.001 });
    close(mean, [0.943859468, -1.964442613, 0.407374363]);
    expect(st.lrate).toBeCloseTo(0.0405, 12);
    expect(st.steps).toBe(2);
  });
  it('SGD 0.1.4 lag: step 1 is zero, step 2 uses g1', () => {
    close(twoSteps({ opt_name: 'sgd', lrate_init: 0.1, lrate_decay: 1, lrate_limit: 0 }).mean, [0.96, -1.99, 0.3]);
  });
  it('ClipUp 0.1.4: normalised gradient, velocity clipped at 0.3, η applied twice', () => {
    const { mean, ...st } = twoSteps({ opt_name: 'clipup', lrate_init: 0.15, lrate_decay: 0.999, lrate_limit: 0.05 });
    close(mean, [0.997967233, -2.002132297, 0.437026395]);
    close(st.m, [-0.015846193, 0.021582426, 0.273186589]);
  });
});
