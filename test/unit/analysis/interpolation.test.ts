import { describe, expect, it } from 'vitest';
import {
  alphaGrid,
  errorBarrier,
  interpolateRows,
  isLinearlyConnected,
  LMC_CONNECTED_BELOW,
  returnBarrier,
} from '../../../src/core/analysis/interpolation';
import { rowOf } from '../../../src/core/analysis/rows';

describe('alpha grid', () => {
  it('n evenly spaced points in [0, 1], exact endpoints', () => {
    expect(alphaGrid(5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const g = alphaGrid(30);
    expect(g.length).toBe(30);
    expect(g[0]).toBe(0);
    expect(g[29]).toBe(1);
    expect(g[1]).toBeCloseTo(1 / 29, 12);
  });
  it('extended grid keeps the spacing, covers [−0.5, 1.5] and still contains 0 and 1', () => {
    expect(alphaGrid(5, true)).toEqual([-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]);
    const g = alphaGrid(30, true);
    expect(Math.min(...g)).toBeLessThanOrEqual(-0.5);
    expect(Math.max(...g)).toBeGreaterThanOrEqual(1.5);
    expect(g).toContain(0);
    expect(g).toContain(1);
    expect(() => alphaGrid(1)).toThrow();
  });
});

describe('interpolateRows', () => {
  it('row i is α_i·θ_A + (1 − α_i)·θ_B, endpoints exact (a grid is a population)', () => {
    const A = Float32Array.from([1, 2, 0, -4]),
      B = Float32Array.from([3, 0, 5, 0.1]);
    const rows = interpolateRows(A, B, [0, 0.25, 1]);
    expect(rows.length).toBe(12);
    expect(Array.from(rowOf(rows, 4, 0))).toEqual(Array.from(B));
    expect(Array.from(rowOf(rows, 4, 2))).toEqual(Array.from(A));
    const mid = rowOf(rows, 4, 1);
    [2.5, 0.5, 3.75, -1 + 0.075].forEach((v, i) => expect(mid[i]).toBeCloseTo(v, 6));
  });
});

describe('error barrier (Frankle et al. 2020, docs/ALGORITHMS.md §6)', () => {
  const alphas = alphaGrid(11);
  it('is 0 for an error that is constant (flat linear) along the path', () => {
    const b = errorBarrier(
      alphas.map(() => 0.08),
      alphas,
    );
    expect(b.endpointBarrier).toBeCloseTo(0, 12);
    expect(b.maxError).toBeCloseTo(0.08, 12);
  });
  it('is max − mean of the endpoints; a linear ramp gives half the endpoint gap', () => {
    // E(α) = 0.1 + 0.2α: endpoints 0.1 (θ_B) and 0.3 (θ_A), max 0.3 → B = 0.3 − 0.2 = 0.1.
    const b = errorBarrier(
      alphas.map((a) => 0.1 + 0.2 * a),
      alphas,
    );
    expect(b.endpointBarrier).toBeCloseTo(0.1, 12);
    expect(b.argmaxIndex).toBe(10);
  });
  it('excessBarrier (excess over the endpoint line) is 0 for any error linear in α', () => {
    for (const [e0, e1] of [
      [0.1, 0.3],
      [0.5, 0.02],
      [0.2, 0.2],
    ]) {
      const errs = alphas.map((a) => e0 + (e1 - e0) * a);
      expect(errorBarrier(errs, alphas).excessBarrier).toBeCloseTo(0, 12);
      expect(errorBarrier(errs).excessBarrier).toBeCloseTo(0, 12);
    }
    // the bump below: E − line = 0.4·α(1−α) → 0.1 at α = 0.5, same as B since the endpoints are equal
    expect(errorBarrier(alphas.map((a) => 0.05 + 0.4 * a * (1 - a))).excessBarrier).toBeCloseTo(0.1, 12);
  });
  it('measures a bump: E = 0.05 + 0.4·α(1−α) has B = 0.1 at α = 0.5', () => {
    const b = errorBarrier(alphas.map((a) => 0.05 + 0.4 * a * (1 - a)));
    expect(b.endpointBarrier).toBeCloseTo(0.1, 12);
    expect(b.maxError).toBeCloseTo(0.15, 12);
    expect(alphas[b.argmaxIndex]).toBeCloseTo(0.5, 12);
    expect(isLinearlyConnected(b.excessBarrier)).toBe(false);
    expect(isLinearlyConnected(0.01)).toBe(true);
  });
  it('on an extended grid takes the max over α ∈ [0, 1] only and finds endpoints by value', () => {
    const g = alphaGrid(5, true);
    const errors = g.map((a) => (a < 0 || a > 1 ? 0.9 : 0.2)); // huge outside, flat inside
    const b = errorBarrier(errors, g);
    expect(b.endpointBarrier).toBeCloseTo(0, 12);
    expect(b.endpointMean).toBeCloseTo(0.2, 12);
  });
});

describe('the two readings on a toy path with unequal endpoints (hand-computed)', () => {
  // Endpoint errors E_B = 0.10 (α = 0) and E_A = 0.30 (α = 1); path errors at α = 0, ¼, ½, ¾, 1.
  const alphas = alphaGrid(5);
  const errors = [0.1, 0.2, 0.28, 0.3, 0.3];
  it('B = max − mean endpoint = 0.30 − 0.20 = 0.10; excess = max(E − line) = 0.28 − 0.20 = 0.08 at α = ½', () => {
    const b = errorBarrier(errors, alphas);
    expect(b.endpointBarrier).toBeCloseTo(0.1, 12);
    // line(α) = 0.1 + 0.2α: [0.1, 0.15, 0.2, 0.25, 0.3] → E − line = [0, 0.05, 0.08, 0.05, 0]
    expect(b.excessBarrier).toBeCloseTo(0.08, 12);
    expect(isLinearlyConnected(b.excessBarrier)).toBe(false);
    expect(LMC_CONNECTED_BELOW).toBe(0.02);
  });
  it('a straight ramp between the same endpoints: B stays 0.10, excess is 0 and the pair is connected', () => {
    const b = errorBarrier(
      alphas.map((a) => 0.1 + 0.2 * a),
      alphas,
    );
    expect(b.endpointBarrier).toBeCloseTo(0.1, 12);
    expect(b.excessBarrier).toBeCloseTo(0, 12);
    expect(isLinearlyConnected(b.excessBarrier)).toBe(true);
  });
});

describe('return barrier (control, docs/ALGORITHMS.md §6 [U])', () => {
  it('excess: the return lost below the straight line, max over α', () => {
    // R_B = 100 (α = 0), R_A = 200 (α = 1); line = [100, 125, 150, 175, 200] → line − R = [0, 65, 130, 105, 0]
    expect(returnBarrier([100, 60, 20, 70, 200], alphaGrid(5)).excessBarrier).toBe(130);
    expect(returnBarrier([100, 150, 200]).excessBarrier).toBe(0);
  });
  it('is mean endpoint return − min return, normalised by the dense return', () => {
    const alphas = alphaGrid(5);
    const returns = [100, 60, 20, 70, 200]; // endpoints 100 (θ_B), 200 (θ_A): mean 150, min 20
    const r = returnBarrier(returns, alphas, 250);
    expect(r.endpointBarrier).toBe(130);
    expect(r.minReturn).toBe(20);
    expect(r.argminIndex).toBe(2);
    expect(r.normalised).toBeCloseTo(130 / 250, 12);
    expect(returnBarrier([5, 5, 5]).endpointBarrier).toBe(0);
    expect(Number.isNaN(returnBarrier([5, 5, 5]).normalised)).toBe(true);
  });
});
