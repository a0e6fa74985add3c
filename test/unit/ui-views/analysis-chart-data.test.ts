// Chart rows of the analysis views (src/ui/analysis/chart-data.ts) from hand-made job results.
import { describe, expect, it } from 'vitest';
import { pathFromMetrics } from '../../../src/core/analysis/run/lmc';
import { curvatureSummary, fitQuadratic } from '../../../src/core/analysis/quadratic-fit';
import {
  correlationRoundRows,
  curvatureRows,
  lmcBarrierMarks,
  lmcCurveRows,
  lmcMetric,
  lmcPairGroups,
  parabolaAt,
  profileRows,
  scatterPoints,
  surfaceRaster,
} from '../../../src/ui/analysis/chart-data';
import type { CorrelationJobResult, LandscapeJobResult, LmcJobResult } from '../../../workers/analysis-job';

const alphas = [0, 0.5, 1];
function lmc(kind: 'vision' | 'control', perfs: number[][]): LmcJobResult {
  const pairs = perfs.map((p, n) => ({
    i: 0,
    j: n + 1,
    path: pathFromMetrics(
      kind,
      alphas,
      p,
      p.map(() => 0),
    ),
  }));
  return {
    options: { pairs: 'rounds', method: 'snr', seed: 0, points: 3 },
    nets: [],
    perf: [],
    matrix: { labels: ['r1', 'r2', 'r3'], barrier: [], linearBarrier: [], pairs },
  };
}

describe('LMC chart rows', () => {
  it('vision: error = 1 − acc per α, one column per pair; the barrier mark sits at the worst α', () => {
    const res = lmc('vision', [
      [0.9, 0.6, 0.8],
      [0.9, 0.85, 0.7],
    ]);
    expect(lmcMetric(res).key).toBe('error');
    const { rows, series } = lmcCurveRows(res);
    expect(series).toEqual(['r1–r2', 'r1–r3']);
    expect(rows.map((r) => r.alpha)).toEqual(alphas);
    expect(rows[1]['r1–r2']).toBeCloseTo(0.4, 12);
    const marks = lmcBarrierMarks(res);
    // pair 1: errors 0.1, 0.4, 0.2 → worst α 0.5, B = 0.4 − (0.1 + 0.2)/2 = 0.25
    expect(marks[0].alpha).toBe(0.5);
    expect(marks[0].value).toBeCloseTo(0.4, 12);
    expect(marks[0].barrier).toBeCloseTo(0.25, 12);
    // pair 2: errors 0.1, 0.15, 0.3 → worst at α = 1 (an endpoint), B = 0.3 − 0.2 = 0.1
    expect(marks[1].alpha).toBe(1);
    expect(marks[1].barrier).toBeCloseTo(0.1, 12);
  });

  it('control: plots the return itself', () => {
    const res = lmc('control', [[100, 40, 80]]);
    expect(lmcMetric(res).key).toBe('return');
    expect(lmcCurveRows(res).rows[1]['r1–r2']).toBe(40);
    expect(lmcBarrierMarks(res)[0]).toMatchObject({ alpha: 0.5, value: 40, barrier: 50 }); // ½(100 + 80) − 40
  });
});

describe('LMC pair groups', () => {
  it('rounds of a chain: coloured by rounds apart (6 rounds: 15 pairs, 5 groups); other pairings one group each', () => {
    const labels = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const pairs = [];
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++)
        pairs.push({ i, j, path: pathFromMetrics('vision', alphas, [0.9, 0.9, 0.9], [0, 0, 0]) });
    const res: LmcJobResult = {
      options: { pairs: 'rounds', method: 'snr', seed: 0, points: 3 },
      nets: [],
      perf: [],
      matrix: { labels, barrier: [], linearBarrier: [], pairs },
    };
    const g = lmcPairGroups(res);
    expect(g).toHaveLength(15);
    expect(new Set(g.map((x) => x.group))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(g.every((x) => x.groups === 5)).toBe(true);
    expect(g.find((x) => x.key === 'r2–r5')).toMatchObject({
      name: 'round 2 ↔ round 5',
      group: 3,
      groupLabel: '3 rounds apart',
    });
    const seeds = lmcPairGroups({ ...res, options: { pairs: 'seeds', method: 'snr', roundNum: 2, points: 3 } });
    expect(new Set(seeds.map((x) => x.group)).size).toBe(15);
  });
});

describe('landscape chart rows', () => {
  const xis = [-1, -0.5, 0, 0.5, 1];
  const prof = (a: number) => {
    const loss = xis.map((x) => a * x * x + 1);
    return { loss, perf: loss.map(() => 0), fit: fitQuadratic(xis, loss), directionNorm: 1 };
  };
  const res: LandscapeJobResult = {
    options: { method: 'snr', seed: 0, directions: 2, points: 5, normalisation: 'none' },
    lossKind: 'test cross-entropy',
    rounds: [
      {
        roundNum: 1,
        sparsityFrac: 0,
        landscape: { xis, profiles: [prof(2), prof(4)], curvature: curvatureSummary([2, 4]) },
      },
      { roundNum: 2, sparsityFrac: 0.2, landscape: { xis, profiles: [prof(1)], curvature: curvatureSummary([1]) } },
    ],
  };

  it('profile rows pair each measured point with the fitted parabola (exact for a parabola)', () => {
    const rows = profileRows(res.rounds[0], xis);
    expect(rows[0]).toMatchObject({ xi: -1, d0: 3, d1: 5 });
    expect(rows[0].fit0).toBeCloseTo(3, 9);
    expect(rows[4].fit1).toBeCloseTo(5, 9);
    expect(parabolaAt({ a: 1, b: 2, c: 3 }, 2)).toBe(11);
  });

  it('curvature rows: mean ± s.e. (se NaN → zero-width bar), remaining %', () => {
    const [r1, r2] = curvatureRows(res);
    expect(r1.a).toBeCloseTo(3, 9);
    expect(r1.se).toBeCloseTo(1, 9); // sd √2, n 2 → se 1
    expect(r1.lo).toBeCloseTo(2, 9);
    expect(r1.hi).toBeCloseTo(4, 9);
    expect(r1.minR2).toBeCloseTo(1, 9);
    expect(r2.remainingPct).toBeCloseTo(80, 9);
    expect(Number.isNaN(r2.se)).toBe(true);
    expect(r2.lo).toBe(r2.hi);
  });

  it('surface raster puts the largest y on the top row', () => {
    // nx = 2, ny = 3, v[ix·3 + iy] = 10·ix + iy
    const v = [0, 1, 2, 10, 11, 12];
    expect(Array.from(surfaceRaster(v, 2, 3))).toEqual([2, 12, 1, 11, 0, 10]);
    expect(() => surfaceRaster(v, 3, 3)).toThrow(/3×3/);
  });
});

describe('correlation chart rows', () => {
  it('per round: method means from the job summary; scatter points from the sample', () => {
    const row = (method: string, roundNum: number) => ({
      seed: 0,
      method,
      roundNum,
      sparsityFrac: 0,
      n: 2,
      pearson: 0.5,
      spearman: 0.4,
      nextSparsityFrac: 0.2,
      agreeFrac: 0.9,
      survivorIoU: 0.8,
      scatter: { magnitude: Float32Array.of(1, 2), snr: Float32Array.of(3, 4) },
    });
    const res: CorrelationJobResult = {
      options: { layerIndex: 1, pruneFrac: 0.2 },
      layerName: 'Dense_1',
      rows: [row('snr', 1), row('snr', 2)],
      summary: {
        pearson: [
          { method: 'snr', roundNum: 1, mean: 0.5, se: NaN, n: 1 },
          { method: 'snr', roundNum: 2, mean: 0.7, se: 0.1, n: 2 },
        ],
        spearman: [{ method: 'snr', roundNum: 2, mean: 0.6, se: NaN, n: 1 }],
        agreeFrac: [],
      },
    };
    const rows = correlationRoundRows(res);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ roundNum: 2, 'snr pearson': 0.7, 'snr pearson se': 0.1, 'snr spearman': 0.6 });
    expect(rows[0]['snr spearman']).toBeUndefined();
    expect(scatterPoints(res.rows[0])).toEqual([
      { magnitude: 1, snr: 3 },
      { magnitude: 2, snr: 4 },
    ]);
  });
});
