import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  chainNets,
  endpointPerf,
  lmcMatrix,
  lmcPath,
  pathFromMetrics,
  seedNets,
} from '../../../src/core/analysis/run/lmc';
import { alphaGrid } from '../../../src/core/analysis/interpolation';
import { inits, quadraticTask, visionFixture } from './fixtures';

const { task, net } = visionFixture();
afterAll(() => task.dispose());

describe('LMC path on a real (synthetic-task) network', () => {
  const [a, b, c] = inits(net, 3);

  it('a network with itself has barrier 0 and a flat path', async () => {
    const p = await lmcPath({ task, net, thetaA: a, thetaB: a, points: 7 });
    expect(p.alphas).toEqual(alphaGrid(7));
    expect(p.barrierKind).toBe('error');
    expect(p.endpointBarrier).toBe(0);
    expect(p.excessBarrier).toBeCloseTo(0, 12);
    expect(new Set(p.perf).size).toBe(1);
  });

  it('endpoints are the two networks (α = 1 → θ_A, α = 0 → θ_B), extended grid included', async () => {
    const p = await lmcPath({ task, net, thetaA: a, thetaB: b, points: 5, extended: true });
    const t = tf.tensor2d([...a, ...b], [2, net.paramCount]);
    const [ra, rb] = await task.evaluateTest(net, t);
    t.dispose();
    expect(p.alphas.length).toBe(9);
    expect(p.perf[p.alphas.indexOf(1)]).toBe(ra.perf);
    expect(p.perf[p.alphas.indexOf(0)]).toBe(rb.perf);
    // B = max over α ∈ [0, 1] of (1 − acc) minus the mean endpoint error.
    const inside = p.alphas
      .map((al, i) => [al, 1 - p.perf[i]])
      .filter(([al]) => al >= 0 && al <= 1)
      .map(([, e]) => e);
    expect(p.endpointBarrier).toBeCloseTo(Math.max(...inside) - (2 - ra.perf - rb.perf) / 2, 12);
  });

  it('lmcMatrix: symmetric, zero diagonal, entries equal the single-pair paths', async () => {
    const m = await lmcMatrix({
      task,
      net,
      nets: [
        { label: 'r1', theta: a },
        { label: 'r2', theta: b },
        { label: 'r3', theta: c },
      ],
      points: 6,
    });
    expect(m.labels).toEqual(['r1', 'r2', 'r3']);
    expect(m.pairs.map((p) => [p.i, p.j])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    for (let i = 0; i < 3; i++) {
      expect(m.endpointBarrier[i][i]).toBe(0);
      for (let j = 0; j < 3; j++) expect(m.endpointBarrier[i][j]).toBe(m.endpointBarrier[j][i]);
    }
    const direct = await lmcPath({ task, net, thetaA: c, thetaB: a, points: 6 });
    expect(m.endpointBarrier[0][2]).toBeCloseTo(direct.endpointBarrier, 12);
    expect(m.pairs[1].path.perf).toEqual(direct.perf);
    const perfs = endpointPerf(m);
    const t = tf.tensor2d([...a, ...b, ...c], [3, net.paramCount]);
    expect(perfs).toEqual((await task.evaluateTest(net, t)).map((r) => r.perf));
    t.dispose();
  });

  it('keeps the tensor count flat', async () => {
    const before = tf.memory().numTensors;
    await lmcMatrix({
      task,
      net,
      nets: [
        { label: 'x', theta: a },
        { label: 'y', theta: b },
      ],
      points: 4,
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('pathFromMetrics (barrier definitions, docs/ALGORITHMS.md §6)', () => {
  const alphas = alphaGrid(5);
  it('vision: accuracy 0.9 → 0.7 linearly has B = 0.1 but no linear-excess barrier', () => {
    const perf = [0.7, 0.75, 0.8, 0.85, 0.9];
    const p = pathFromMetrics(
      'accuracy',
      alphas,
      perf,
      perf.map(() => 0),
    );
    expect(p.endpointBarrier).toBeCloseTo(0.3 - 0.2, 12);
    expect(p.excessBarrier).toBeCloseTo(0, 12);
    expect(p.connected).toBe(true); // read on the excess barrier: a straight ramp is no barrier
    expect(p.worstAlpha).toBe(0);
  });
  it('vision: a dip to 0.5 in the middle between two 0.9 networks gives B = 0.4', () => {
    const p = pathFromMetrics('accuracy', alphas, [0.9, 0.7, 0.5, 0.7, 0.9], [0, 0, 0, 0, 0]);
    expect(p.endpointBarrier).toBeCloseTo(0.4, 12);
    expect(p.excessBarrier).toBeCloseTo(0.4, 12); // equal endpoints: the two readings coincide
    expect(p.connected).toBe(false);
    expect(p.worstAlpha).toBe(0.5);
  });
  it('control: B_R = mean endpoint return − min return; excess below the line; no connectivity label', () => {
    const p = pathFromMetrics('return', alphas, [200, 150, 40, 180, 100], [0, 0, 0, 0, 0]);
    expect(p.barrierKind).toBe('return');
    expect(p.endpointBarrier).toBe(150 - 40);
    // line from R_B = 200 (α = 0) to R_A = 100: [200, 175, 150, 125, 100] → line − R = [0, 25, 110, −55, 0]
    expect(p.excessBarrier).toBe(110);
    expect(p.connected).toBeNull();
  });
});

describe('record selection', () => {
  const rec = (seed: number, method: string, roundNum: number) => ({
    seed,
    method,
    roundNum,
    mean: Float32Array.of(seed, roundNum),
  });
  const records = [
    rec(0, 'snr', 2),
    rec(0, 'magnitude', 2),
    rec(0, 'magnitude', 1),
    rec(1, 'magnitude', 2),
    rec(1, 'magnitude', 1),
  ];
  it('chainNets: one chain in round order; seedNets: one round across seeds', () => {
    expect(chainNets(records, 0, 'magnitude').map((n) => n.label)).toEqual(['r1', 'r2']);
    expect(seedNets(records, 'magnitude', 2).map((n) => [n.label, n.theta[0]])).toEqual([
      ['s0', 0],
      ['s1', 1],
    ]);
  });
});

describe('lmcPath through a task with a known loss', () => {
  it('an error convex in α never exceeds its chord: linear barrier ≤ 0, losses exact', async () => {
    // On the quadratic task perf = −‖θ‖²; on the segment from 0 to θ it is −α²‖θ‖², concave in α, so the
    // error 1 − perf is convex and never exceeds the chord: both barriers ≤ 0.
    const t = quadraticTask(new Float32Array(3).fill(1));
    const p = await lmcPath({
      task: t,
      net: { paramCount: 3 } as never,
      thetaA: Float32Array.of(1, 2, 2),
      thetaB: new Float32Array(3),
      points: 11,
    });
    expect(p.excessBarrier).toBeLessThanOrEqual(1e-12);
    expect(p.loss[10]).toBeCloseTo(9, 5);
    expect(p.loss[5]).toBeCloseTo(9 / 4, 5);
  });
});
