// One `tell` of every strategy on a tiny fixed problem (P = 6, d = 3) against numbers computed
// independently with numpy straight from the equations (docs/ALGORITHMS.md §1.4, §2.1–2.6); the
// throwaway script is quoted in the comments per case. Shared data: mean m, population X, fitness f
// already in MINIMISE form (the strategies' internal convention), stable argsort for ties.
import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { resolveParams, type AnyParamValues } from '../../../src/core/params';
import { getStrategy } from '../../../src/core/es/registry';
import type { EsState } from '../../../src/core/es/types';

const M = [0.5, -1.0, 2.0];
const X = [
  [0.6, -1.1, 2.2],
  [0.4, -0.9, 1.8],
  [0.3, -1.3, 2.1],
  [0.7, -0.7, 1.9],
  [0.55, -0.8, 2.3],
  [0.45, -1.2, 1.7],
];
const F = [0.3, -1.2, 2.5, 0.7, -0.4, 1.1];
const ctx = { popSize: 6, dim: 3 };

/** init + `tells` tells with the fixed X, F; returns host copies of the final state. */
function runTells(id: string, given: Partial<AnyParamValues>, tells = 1): Record<string, number[] | number> {
  const s = getStrategy(id);
  const params = resolveParams(s.paramSpecs, given);
  const m = tf.tensor1d(M);
  const x = tf.tensor2d(X);
  const f = tf.tensor1d(F);
  let state: EsState = s.init(ctx, params, m);
  for (let i = 0; i < tells; i++) {
    const next = s.tell(ctx, x, f, state, params);
    for (const v of Object.values(state)) if (typeof v !== 'number' && !Object.values(next).includes(v)) v.dispose();
    state = next;
  }
  const out: Record<string, number[] | number> = {};
  for (const [k, v] of Object.entries(state)) out[k] = typeof v === 'number' ? v : Array.from(v.dataSync());
  for (const v of Object.values(state)) if (typeof v !== 'number') v.dispose();
  tf.dispose([m, x, f]);
  return out;
}

function expectClose(actual: number[] | number, expected: number[] | number, tol = 1e-5): void {
  const a = Array.isArray(actual) ? actual : [actual];
  const e = Array.isArray(expected) ? expected : [expected];
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => expect(Math.abs(v - e[i])).toBeLessThan(tol));
}

describe('one tell equals the update equations computed by hand (numpy)', () => {
  it('PGPE 0.1.4 σ quirk: adds Δσ, elite-ordered scores × pair-j noise; Adam first step = η·sign(g)', () => {
    // fp=f[0::2], fm=f[1::2], ε=(X−m)[0::2], E=argsort(min(fp,fm))=[0,2,1] (b=3), β=mean(f)=0.5,
    // Δσ=(1/3)Σ_j (½(fp+fm)[E_j]−β)(ε_j²−σ²)/σ, σ̃=σ+0.1Δσ clipped to ±20 %.
    const s = runTells('pgpe', {});
    expectClose(s.mean as number[], [0.649999968, -0.850000009, 1.8500003]);
    expectClose(s.sigma as number[], [0.09575, 0.107, 0.119833333]);
    expectClose(s.opt_lrate as number, 0.15);
  });
  it('PGPE corrected: own-noise pairing, subtracts Δσ', () => {
    const s = runTells('pgpe', { sigmaSign: 'corrected' });
    expectClose(s.sigma as number[], [0.088625, 0.08, 0.1135]);
  });
  it('PGPE elite_ratio 0.5 (b = 1): mean moves along the best pair only; Δσ = 0', () => {
    const s = runTells('pgpe', { elite_ratio: 0.5, sigmaSign: 'corrected' });
    expectClose(s.mean as number[], [0.35000002, -0.85000002, 1.85000001]);
    expectClose(s.sigma as number[], [0.1, 0.1, 0.1]);
  });
  it('PGPE gradient magnitude via two SGD tells (0.1.4 lag): m₂ = m − η·g, g = (1/b)Σ½(f⁺−f⁻)ε', () => {
    const s = runTells('pgpe', { opt_name: 'sgd', lrate_init: 0.05 }, 2);
    expectClose(s.mean as number[], [0.502375, -0.99175, 1.99975]);
  });
  it('SNES with NES utilities (T = 0) and auto η_σ = (3+ln d)/(5√d)', () => {
    // w_r = max(0, ln 4 − ln(r+1))/Σ − 1/6; s=(X−m)/σ sorted by f; m += σ⊙Σw s; σ ⊙= exp(η_σ/2 Σw(s²−1)).
    const s = runTells('snes', {});
    expectClose(s.mean as number[], [0.468229851, -0.895024213, 1.995024213]);
    expectClose(s.sigma as number[], [0.997708192, 0.993423905, 1.001888806]);
  });
  it('SNES with temperature weights (T = 12)', () => {
    const s = runTells('snes', { temperature: 12 });
    expectClose(s.mean as number[], [0.414076049, -0.893132746, 1.844300796]);
    expectClose(s.sigma as number[], [0.791038371, 0.791624451, 0.797561519]);
  });
  it('DES: weighted recombination and σ ← σ + 0.1(ŝ − σ) with the old mean', () => {
    const s = runTells('des', {});
    expectClose(s.mean as number[], [0.460459611, -0.862108758, 1.999599806]);
    expectClose(s.sigma as number[], [0.098396713, 0.104765874, 0.11442768]);
  });
  it('OpenES: Adam first step and, via two SGD tells, g = fᵀε/(Pσ)', () => {
    expectClose(runTells('open_es', {}).mean as number[], [0.55, -0.95, 1.95]);
    const s = runTells('open_es', { opt_name: 'sgd', lrate_init: 0.05 }, 2);
    expectClose(s.mean as number[], [3.138888889, 8.166666667, 1.722222222], 2e-5);
  });
  it('ARS: b = 1 at elite_ratio 0.1; b = 2 gradient /(b·σ_R) via two SGD tells', () => {
    expectClose(runTells('ars', {}).mean as number[], [0.45, -0.95, 1.95]);
    const s = runTells('ars', { elite_ratio: 0.7, opt_name: 'sgd', lrate_init: 0.05 }, 2);
    expectClose(s.mean as number[], [0.45388634, -0.95388634, 1.907772681]);
  });
  it('Sep-CMA-ES: μ = 3, paths, h_σ, C and step size after generation 0', () => {
    const s = runTells('sep_cma_es', {});
    expectClose(s.mean as number[], [0.468229851, -0.895024213, 1.995024213]);
    expectClose(s.C as number[], [0.709989057, 0.713910121, 0.718961872]);
    expectClose(s.s as number, 0.733882293);
    expectClose(s.p_sigma as number[], [-0.041731221, 0.137889432, -0.006535874]);
    expectClose(s.p_c as number[], [-0.043102918, 0.14242183, -0.006750707]);
    expect(s.gen).toBe(1);
  });
});
