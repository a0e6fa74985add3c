import { describe, expect, it } from 'vitest';
import {
  landscapeDirection,
  normaliseDirection,
  planeGrid,
  planeThroughThree,
  projectionGrid1D,
  randomDirection,
  surfaceGrid2D,
  xiGrid,
} from '../../../src/core/analysis/directions';
import { curvatureOfProfiles, curvatureSummary, fitQuadratic } from '../../../src/core/analysis/quadratic-fit';
import { rowOf } from '../../../src/core/analysis/rows';
import { Rng } from '../../../src/core/rng';
import { NET, gaussianVector } from '../prune/fixtures';

const D = NET.paramCount;

function randomMask(rng: Rng, keep: number): Uint8Array {
  const m = new Uint8Array(D).fill(1);
  for (const l of NET.layers)
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) m[i] = rng.uniform() < keep ? 1 : 0;
  return m;
}
const norm = (v: Float32Array, idx: number[]) => Math.sqrt(idx.reduce((s, i) => s + v[i] * v[i], 0));

describe('directions (docs/ALGORITHMS.md §7)', () => {
  const rng = new Rng(9);
  const mask = randomMask(rng.split('mask'), 0.4);
  const theta = gaussianVector(rng.split('theta'), D);
  for (let i = 0; i < D; i++) if (!mask[i]) theta[i] = 0;

  for (const mode of ['none', 'filter', 'layer'] as const) {
    it(`${mode}: masked directions are exactly zero on pruned weights`, () => {
      const eta = landscapeDirection(new Rng(1), theta, mask, NET.layers, mode);
      for (let i = 0; i < D; i++) if (!mask[i]) expect(eta[i]).toBe(0);
      expect(eta.some((v) => v !== 0)).toBe(true);
    });
  }

  it('the same rng gives the same underlying η for different masks (shared directions)', () => {
    const dense = randomDirection(new Rng(5), D),
      sparse = randomDirection(new Rng(5), D, mask);
    for (let i = 0; i < D; i++) expect(sparse[i]).toBe(mask[i] ? dense[i] : 0);
  });

  it("'none' leaves η unchanged (biases keep their noise)", () => {
    const eta = randomDirection(new Rng(2), D, mask);
    expect(Array.from(normaliseDirection(eta, theta, NET.layers, 'none'))).toEqual(Array.from(eta));
    expect(eta[NET.layers[0].biasOffset]).not.toBe(0);
  });

  it("'filter' gives ‖η_unit‖ = ‖θ_unit‖ for every output unit (dense and conv HWIO) and zero bias directions", () => {
    const eta = normaliseDirection(randomDirection(new Rng(3), D, mask), theta, NET.layers, 'filter');
    let checked = 0;
    for (const l of NET.layers) {
      const out = l.kernelShape[l.kernelShape.length - 1];
      for (let u = 0; u < out; u++) {
        const idx: number[] = [];
        // unit u = all entries whose last-axis index is u (written out via the multi-index, not the stride)
        for (let f = 0; f < l.kernelSize / out; f++) idx.push(l.kernelOffset + f * out + u);
        const nt = norm(theta, idx);
        if (nt > 0) {
          expect(norm(eta, idx)).toBeCloseTo(nt, 4);
          checked++;
        }
      }
      for (let i = 0; i < l.biasSize; i++) expect(eta[l.biasOffset + i]).toBe(0);
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("'layer' gives ‖η_ℓ‖ = ‖θ_ℓ‖ per kernel", () => {
    const eta = normaliseDirection(randomDirection(new Rng(4), D, mask), theta, NET.layers, 'layer');
    for (const l of NET.layers) {
      const idx = Array.from({ length: l.kernelSize }, (_, i) => l.kernelOffset + i);
      expect(norm(eta, idx)).toBeCloseTo(norm(theta, idx), 4);
    }
  });
});

describe('grids', () => {
  const theta = Float32Array.from([1, -2, 0.5]),
    e1 = Float32Array.from([1, 0, 0]),
    e2 = Float32Array.from([0, 2, 0]);
  it('1-D projection rows are θ + ξη', () => {
    const rows = projectionGrid1D(theta, e1, [-1, 0, 0.5]);
    expect(Array.from(rowOf(rows, 3, 0))).toEqual([0, -2, 0.5]);
    expect(Array.from(rowOf(rows, 3, 1))).toEqual(Array.from(theta));
    expect(Array.from(rowOf(rows, 3, 2))).toEqual([1.5, -2, 0.5]);
  });
  it('2-D surface rows are θ + ξ1η1 + ξ2η2 with ξ1 slowest', () => {
    const xis = [-1, 1];
    const rows = surfaceGrid2D(theta, e1, e2, xis);
    expect(rows.length).toBe(12);
    expect(Array.from(rowOf(rows, 3, 1))).toEqual([0, 0, 0.5]); // ξ1 = −1, ξ2 = +1
    expect(Array.from(rowOf(rows, 3, 2))).toEqual([2, -4, 0.5]); // ξ1 = +1, ξ2 = −1
    expect(xiGrid(41)[20]).toBeCloseTo(0, 12);
    expect(xiGrid(41)[40]).toBe(1);
  });
  it('the plane through three networks is orthonormal and reproduces them', () => {
    const r = new Rng(8);
    const nets = [gaussianVector(r, 50), gaussianVector(r, 50), gaussianVector(r, 50)];
    const plane = planeThroughThree(nets[0], nets[1], nets[2]);
    let uu = 0,
      vv = 0,
      uv = 0;
    for (let i = 0; i < 50; i++) {
      uu += plane.u[i] ** 2;
      vv += plane.v[i] ** 2;
      uv += plane.u[i] * plane.v[i];
    }
    expect(uu).toBeCloseTo(1, 5);
    expect(vv).toBeCloseTo(1, 5);
    expect(uv).toBeCloseTo(0, 5);
    plane.points.forEach(([x, y], k) => {
      const row = planeGrid(plane, [x], [y]);
      for (let i = 0; i < 50; i++) expect(row[i]).toBeCloseTo(nets[k][i], 4);
    });
    expect(() =>
      planeThroughThree(
        nets[0],
        nets[1],
        nets[1].map((v, i) => 2 * v - nets[0][i]),
      ),
    ).toThrow(/collinear/);
  });
});

describe('quadratic fit and curvature (docs/ALGORITHMS.md §7)', () => {
  it('recovers an exact quadratic', () => {
    const xs = xiGrid(41);
    const f = fitQuadratic(
      xs,
      xs.map((x) => 3 * x * x - 0.5 * x + 2),
    );
    expect(f.a).toBeCloseTo(3, 9);
    expect(f.b).toBeCloseTo(-0.5, 9);
    expect(f.c).toBeCloseTo(2, 9);
    expect(f.r2).toBeCloseTo(1, 9);
  });

  it('recovers the curvature of a convex quadratic loss along masked directions within 1%', () => {
    // L(θ) = ½ Σ h_i θ_i² (h_i > 0): along θ + ξη the exact ξ² coefficient is a = ½ Σ h_i η_i². The
    // profile is evaluated on the population rows with a 0.1 % multiplicative wiggle; a must stay within 1 %.
    const rng = new Rng(12);
    const h = Float32Array.from({ length: D }, () => 0.5 + 2 * rng.uniform());
    const theta = gaussianVector(rng, D, 0.3);
    const xis = xiGrid(41);
    const profiles: number[][] = [];
    const expected: number[] = [];
    for (let d = 0; d < 10; d++) {
      const eta = randomDirection(rng.split(d), D);
      const rows = projectionGrid1D(theta, eta, xis);
      profiles.push(
        xis.map((_, r) => {
          const row = rowOf(rows, D, r);
          let L = 0;
          for (let i = 0; i < D; i++) L += 0.5 * h[i] * row[i] * row[i];
          return L * (1 + 0.001 * Math.sin(17 * r));
        }),
      );
      let a = 0;
      for (let i = 0; i < D; i++) a += 0.5 * h[i] * eta[i] * eta[i];
      expected.push(a);
    }
    const res = curvatureOfProfiles(xis, profiles);
    res.fits.forEach((f, d) => expect(Math.abs(f.a - expected[d]) / expected[d]).toBeLessThan(0.01));
    const meanExpected = expected.reduce((s, a) => s + a, 0) / expected.length;
    expect(Math.abs(res.mean - meanExpected) / meanExpected).toBeLessThan(0.01);
    expect(res.n).toBe(10);
  });

  it('summarises as mean ± s.e. (sample s.d. / √n)', () => {
    const s = curvatureSummary([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.se).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(Number.isNaN(curvatureSummary([7]).se)).toBe(true);
    expect(() => fitQuadratic([0, 0, 0], [1, 2, 3])).toThrow(/singular/);
  });
});
