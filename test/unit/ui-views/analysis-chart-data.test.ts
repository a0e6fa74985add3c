// Chart rows of the analysis views (src/ui/analysis/chart-data.ts) from hand-made analysis results.
import { describe, expect, it } from 'vitest';
import { pathFromMetrics } from '../../../src/core/analysis/run/lmc';
import { curvatureSummary, fitQuadratic } from '../../../src/core/analysis/quadratic-fit';
import {
  sharpnessRows,
  summarizeWeights,
  type CorrelationResult,
  type LandscapeResult,
  type LmcGroup,
  type WeightsRow,
} from '../../../src/core/analysis/analyses';
import {
  correlationRoundRows,
  lmcBarrierMarks,
  lmcCurveRows,
  lmcMetric,
  lmcPairGroups,
  parabolaAt,
  profileRows,
  scatterPoints,
  surfaceRaster,
  weightChartRows,
  weightSeries,
} from '../../../src/ui/analysis/chart-data';

const alphas = [0, 0.5, 1];
function group(kind: 'vision' | 'control', perfs: number[][]): LmcGroup {
  const metric = kind === 'vision' ? 'accuracy' : 'return';
  const pairs = perfs.map((p, n) => ({
    i: 0,
    j: n + 1,
    path: pathFromMetrics(
      metric,
      alphas,
      p,
      p.map(() => 0),
    ),
  }));
  const net = (label: string) => ({ label, run: 0, method: 'snr', seed: 0, roundNum: 1, sparsityFrac: 0, perf: 0 });
  return {
    kind: 'rounds',
    title: 'snr seed 0: rounds',
    method: 'snr',
    seed: 0,
    nets: [net('r1'), net('r2'), net('r3')],
    matrix: { labels: ['r1', 'r2', 'r3'], endpointBarrier: [], excessBarrier: [], pairs },
  };
}

describe('LMC chart rows', () => {
  it('vision: error = 1 − acc per α, one column per pair; marks at the worst α with both readings', () => {
    const g = group('vision', [
      [0.9, 0.6, 0.8],
      [0.9, 0.85, 0.7],
    ]);
    const res = { barrierKind: 'error' as const };
    expect(lmcMetric(res).key).toBe('error');
    const { rows, series } = lmcCurveRows(res, g);
    expect(series).toEqual(['r1–r2', 'r1–r3']);
    expect(rows.map((r) => r.alpha)).toEqual(alphas);
    expect(rows[1]['r1–r2']).toBeCloseTo(0.4, 12);
    const marks = lmcBarrierMarks(res, g);
    // pair 1: errors 0.1, 0.4, 0.2 → worst α 0.5, B = 0.4 − 0.15 = 0.25; line at ½ is 0.15 → excess 0.25
    expect(marks[0]).toMatchObject({ alpha: 0.5, connected: false });
    expect(marks[0].value).toBeCloseTo(0.4, 12);
    expect(marks[0].endpointBarrier).toBeCloseTo(0.25, 12);
    expect(marks[0].excessBarrier).toBeCloseTo(0.25, 12);
    // pair 2: errors 0.1, 0.15, 0.3 → worst at α = 1, B = 0.3 − 0.2 = 0.1; below the line (0.2 at ½) → excess 0
    expect(marks[1].alpha).toBe(1);
    expect(marks[1].endpointBarrier).toBeCloseTo(0.1, 12);
    expect(marks[1].excessBarrier).toBeCloseTo(0, 12);
    expect(marks[1].connected).toBe(true);
  });

  it('control: plots the return itself; no connectivity label', () => {
    const g = group('control', [[100, 40, 80]]);
    const res = { barrierKind: 'return' as const };
    expect(lmcMetric(res).key).toBe('return');
    expect(lmcCurveRows(res, g).rows[1]['r1–r2']).toBe(40);
    // ½(100 + 80) − 40 = 50; line at ½ is 90 → excess 50
    expect(lmcBarrierMarks(res, g)[0]).toMatchObject({
      alpha: 0.5,
      value: 40,
      endpointBarrier: 50,
      excessBarrier: 50,
      connected: null,
    });
    // B_R ÷ |dense round-1 return| once the analysis knows that return; NaN (an empty cell) until then
    expect(lmcBarrierMarks(res, g)[0].normalisedBarrier).toBeNaN();
    const withDense = {
      ...g,
      matrix: {
        ...g.matrix,
        pairs: g.matrix.pairs.map((p) => ({
          ...p,
          path: pathFromMetrics('return', alphas, p.path.perf, p.path.loss, -200),
        })),
      },
    };
    expect(lmcBarrierMarks(res, withDense)[0].normalisedBarrier).toBeCloseTo(0.25, 12);
  });
});

describe('LMC pair groups', () => {
  it('rounds of a chain: coloured by rounds apart (6 rounds: 15 pairs, 5 groups); other pairings one group each', () => {
    const labels = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const pairs = [];
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++)
        pairs.push({ i, j, path: pathFromMetrics('accuracy', alphas, [0.9, 0.9, 0.9], [0, 0, 0]) });
    const net = (label: string, k: number) => ({
      label,
      run: 0,
      method: 'snr',
      seed: 0,
      roundNum: k + 1,
      sparsityFrac: 0,
      perf: 0,
    });
    const res: LmcGroup = {
      kind: 'rounds',
      title: 'snr seed 0: rounds',
      method: 'snr',
      seed: 0,
      nets: labels.map(net),
      matrix: { labels, endpointBarrier: [], excessBarrier: [], pairs },
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
    const seeds = lmcPairGroups({ ...res, kind: 'seeds' });
    expect(new Set(seeds.map((x) => x.group)).size).toBe(15);
  });
});

describe('landscape chart rows', () => {
  const xis = [-1, -0.5, 0, 0.5, 1];
  const prof = (a: number) => {
    const loss = xis.map((x) => a * x * x + 1);
    return { loss, perf: loss.map(() => 0), fit: fitQuadratic(xis, loss), directionNorm: 1 };
  };
  const round = (run: number, seed: number, roundNum: number, as: number[]) => ({
    run,
    method: 'snr',
    seed,
    roundNum,
    sparsityFrac: roundNum === 1 ? 0 : 0.2,
    landscape: { xis, profiles: as.map(prof), curvature: curvatureSummary(as) },
  });
  const res: LandscapeResult = {
    norm: 'filter',
    directionMask: 'masked',
    directions: 2,
    points: 5,
    range: 1,
    rngSeed: 0,
    lossKind: 'test cross-entropy',
    runLabels: ['es', 'gd'],
    rounds: [round(0, 0, 1, [2, 4]), round(0, 1, 1, [4, 6]), round(0, 0, 2, [1]), round(1, 0, 1, [8, 8])],
    planes: [],
  };

  it('profile rows pair each measured point with the fitted parabola (exact for a parabola)', () => {
    const rows = profileRows(res.rounds[0], xis);
    expect(rows[0]).toMatchObject({ xi: -1, d0: 3, d1: 5 });
    expect(rows[0].fit0).toBeCloseTo(3, 9);
    expect(rows[4].fit1).toBeCloseTo(5, 9);
    expect(parabolaAt({ a: 1, b: 2, c: 3 }, 2)).toBe(11);
  });

  it('sharpness per (run, round): mean ± s.e. over seeds; one seed: its s.e. over directions', () => {
    const [es1, es2, gd1] = sharpnessRows(res);
    expect(es1).toMatchObject({ run: 0, roundNum: 1, seeds: 2 });
    expect(es1.a).toBeCloseTo(4, 9); // seeds: mean a 3 and 5
    expect(es1.se).toBeCloseTo(1, 9); // sd √2, n 2
    expect(es1.minR2).toBeCloseTo(1, 9);
    expect(es2.remainingPct).toBeCloseTo(80, 9);
    expect(Number.isNaN(es2.se)).toBe(true); // one seed, one direction
    expect(gd1).toMatchObject({ run: 1, roundNum: 1, a: 8, se: 0 });
  });

  it('surface raster puts the largest y on the top row', () => {
    // nx = 2, ny = 3, v[ix·3 + iy] = 10·ix + iy
    const v = [0, 1, 2, 10, 11, 12];
    expect(Array.from(surfaceRaster(v, 2, 3))).toEqual([2, 12, 1, 11, 0, 10]);
    expect(() => surfaceRaster(v, 3, 3)).toThrow(/3×3/);
  });
});

describe('correlation chart rows', () => {
  it('per round: chain means from the summary; scatter points from the sample', () => {
    const row = (method: string, roundNum: number) => ({
      seed: 0,
      method,
      roundNum,
      sparsityFrac: 0,
      n: 2,
      sigma: 'per-weight' as const,
      pearson: 0.5,
      spearman: 0.4,
      nextSparsityFrac: 0.2,
      agreeFrac: 0.9,
      survivorIoU: 0.8,
      scatter: { magnitude: Float32Array.of(1, 2), snr: Float32Array.of(3, 4) },
    });
    const res: Pick<CorrelationResult, 'rows' | 'summary'> = {
      rows: [row('snr', 1), row('snr', 2)],
      summary: {
        pearson: [
          { method: 'snr', roundNum: 1, mean: 0.5, se: NaN, n: 1 },
          { method: 'snr', roundNum: 2, mean: 0.7, se: 0.1, n: 2 },
        ],
        spearman: [{ method: 'snr', roundNum: 2, mean: 0.6, se: NaN, n: 1 }],
        agreeFrac: [],
        survivorIoU: [],
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

describe('weight chart rows', () => {
  const r = (run: number, method: string, seed: number, roundNum: number, meanAbs: number): WeightsRow => ({
    run,
    method,
    seed,
    roundNum,
    sparsityFrac: 0,
    layers: [{ name: 'Dense_0', remainingFrac: 0.5, meanAbs, mean: 0 }],
  });
  it('one series per (run, chain), values per round in percent for the remaining fraction', () => {
    const rows = [r(0, 'magnitude', 0, 1, 1), r(0, 'magnitude', 1, 1, 3), r(1, 'gd_magnitude', 0, 1, 5)];
    const res = { runLabels: ['es', 'gd'], summary: summarizeWeights(rows, ['Dense_0']) };
    const es = 'Ticket (magnitude pruning) (es)',
      gd = 'GD · Ticket (magnitude pruning) (gd)';
    expect(weightSeries(res).map((s) => s.name)).toEqual([es, gd]); // names, not chain ids
    const [abs] = weightChartRows(res, 'Dense_0', 'meanAbs');
    expect(abs).toMatchObject({ roundNum: 1, [es]: 2, [`${es} se`]: 1, [gd]: 5 });
    expect(weightChartRows(res, 'Dense_0', 'remainingFrac')[0][es]).toBe(50);
  });
});
