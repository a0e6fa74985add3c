import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { directionOf, landscape1D, landscape2D, planeSurface } from '../../../src/core/analysis/run/landscape';
import { planeThroughThree, xiGrid } from '../../../src/core/analysis/directions';
import { Rng } from '../../../src/core/rng';
import { inits, quadraticTask, visionFixture } from './fixtures';

const { task, net } = visionFixture();
afterAll(() => task.dispose());
const D = net.paramCount;

/** Weights c_i ∈ [0.5, 2.5) so L(θ) = Σ c_i θ_i² is an anisotropic convex quadratic. */
const c = Float32Array.from({ length: D }, (_, i) => 0.5 + ((i * 7919) % 100) / 50);
function quad(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < D; i++) s += c[i] * v[i] * v[i];
  return s;
}

/** Mask that prunes every third kernel entry of every layer (biases kept). */
function thirdMask(): Uint8Array {
  const m = new Uint8Array(D).fill(1);
  for (const l of net.layers) for (let i = 0; i < l.kernelSize; i += 3) m[l.kernelOffset + i] = 0;
  return m;
}

describe('landscape1D', () => {
  const mask = thirdMask();
  const theta = inits(net, 1)[0].map((v, i) => (mask[i] ? v : 0));

  it('recovers the exact curvature a = Σ c_i η_i² of a quadratic loss (within 1e-4 relative)', async () => {
    const qt = quadraticTask(c);
    const rng = new Rng(5);
    const res = await landscape1D({ task: qt, net, theta, mask, normalisation: 'none', rng, directions: 4, points: 9 });
    expect(res.xis).toEqual(xiGrid(9));
    res.profiles.forEach((p, d) => {
      const eta = directionOf({ theta, mask, normalisation: 'none', rng }, net.layers, d);
      const a = quad(eta);
      expect(p.fit.a).toBeGreaterThan(0);
      expect(Math.abs(p.fit.a - a) / a).toBeLessThan(1e-4);
      expect(p.fit.c / quad(theta)).toBeCloseTo(1, 5);
      expect(p.fit.r2).toBeGreaterThan(0.999999);
    });
    const as = res.profiles.map((p) => p.fit.a);
    expect(res.curvature.mean).toBeCloseTo(as.reduce((s, x) => s + x, 0) / 4, 6);
    expect(res.curvature.n).toBe(4);
    expect(res.curvature.se).toBeGreaterThan(0);
  });

  it('masked directions keep pruned weights exactly 0 in every evaluated network', async () => {
    const qt = quadraticTask(c);
    for (const normalisation of ['none', 'filter', 'layer'] as const) {
      await landscape1D({
        task: qt,
        net,
        theta,
        mask,
        normalisation,
        rng: new Rng(9),
        directions: 2,
        points: 5,
        range: 2,
      });
    }
    expect(qt.seen.length).toBe(3 * 2 * 5);
    for (const row of qt.seen) for (let i = 0; i < D; i++) if (!mask[i]) expect(row[i]).toBe(0);
    // …and the unpruned ones do move.
    expect(qt.seen.some((row) => row.some((v, i) => mask[i] && v !== theta[i]))).toBe(true);
  });

  it('same rng → same directions for every network of the same size (docs/ALGORITHMS.md §7 shared directions)', () => {
    const [t1, t2] = inits(net, 2);
    const full = new Uint8Array(D).fill(1);
    const e1 = directionOf({ theta: t1, mask: full, normalisation: 'none', rng: new Rng(3) }, net.layers, 1);
    const e2 = directionOf({ theta: t2, mask: full, normalisation: 'none', rng: new Rng(3) }, net.layers, 1);
    expect(e1).toEqual(e2);
    expect(directionOf({ theta: t1, mask: full, normalisation: 'none', rng: new Rng(3) }, net.layers, 0)).not.toEqual(
      e1,
    );
  });

  it("on the real task: ξ = 0 reproduces the network's own test loss; tensor count stays flat", async () => {
    const t = tf.tensor2d(theta, [1, D]);
    const [own] = await task.evaluateTest(net, t);
    t.dispose();
    const before = tf.memory().numTensors;
    const res = await landscape1D({
      task,
      net,
      theta,
      mask,
      normalisation: 'filter',
      rng: new Rng(1),
      directions: 2,
      points: 5,
    });
    expect(tf.memory().numTensors).toBe(before);
    for (const p of res.profiles) {
      expect(p.loss[2]).toBeCloseTo(own.loss, 5);
      expect(p.perf[2]).toBe(own.perf);
      expect(Number.isFinite(p.fit.a)).toBe(true);
    }
  });
});

describe('2-D surfaces', () => {
  const full = new Uint8Array(D).fill(1);
  const theta = inits(net, 1)[0];

  it('landscape2D: L(θ + ξ1·η1 + ξ2·η2) row-major over ξ1 (slowest) × ξ2', async () => {
    const rng = new Rng(11);
    const s = await landscape2D({
      task: quadraticTask(c),
      net,
      theta,
      mask: full,
      normalisation: 'layer',
      rng,
      points: 5,
    });
    expect(s.loss.length).toBe(25);
    const e1 = directionOf({ theta, mask: full, normalisation: 'layer', rng }, net.layers, 0);
    const e2 = directionOf({ theta, mask: full, normalisation: 'layer', rng }, net.layers, 1);
    for (const [i1, i2] of [
      [0, 0],
      [1, 4],
      [2, 2],
      [4, 3],
    ]) {
      const v = theta.map((t, i) => t + s.xs[i1] * e1[i] + s.ys[i2] * e2[i]);
      expect(s.loss[i1 * 5 + i2] / quad(v)).toBeCloseTo(1, 5);
    }
    expect(s.marks).toEqual([{ label: 'θ', x: 0, y: 0 }]);
  });

  it('planeSurface: frames the three networks and evaluates origin + x·u + y·v', async () => {
    const [a, b, cc] = inits(net, 3, 7);
    const s = await planeSurface({
      task: quadraticTask(new Float32Array(D).fill(1)),
      net,
      points: 6,
      nets: [
        { label: 'θ0', theta: a },
        { label: 'r2', theta: b },
        { label: 'r3', theta: cc },
      ],
    });
    expect(s.loss.length).toBe(36);
    for (const m of s.marks) {
      expect(m.x).toBeGreaterThan(s.xs[0]);
      expect(m.x).toBeLessThan(s.xs[5]);
      expect(m.y).toBeGreaterThan(s.ys[0]);
      expect(m.y).toBeLessThan(s.ys[5]);
    }
    expect(s.marks[0]).toMatchObject({ x: 0, y: 0 });
    const plane = planeThroughThree(a, b, cc);
    for (const [ix, iy] of [
      [0, 0],
      [2, 3],
      [5, 1],
    ]) {
      const v = Array.from(a, (t, i) => t + s.xs[ix] * plane.u[i] + s.ys[iy] * plane.v[i]);
      expect(s.loss[ix * 6 + iy] / v.reduce((acc, x) => acc + x * x, 0)).toBeCloseTo(1, 5);
    }
  });
});
