/**
 * The control LMC barrier normalised by the source chain's dense round-1 return (docs/ALGORITHMS.md §6):
 * on the path itself (pathFromMetrics, withDenseReturn) and through the registered analysis, whose
 * `normalised_barrier` column divides B_R by the round-1 return it evaluated for the same chain and seed
 * (two seeds: their mean; two runs: run A's), and stays empty when round 1 is not selected.
 */
import { describe, expect, it } from 'vitest';
import { ANALYSES, lmcPairRows, memorySource, runAnalysis } from '../../../src/core/analysis/analyses';
import { alphaGrid } from '../../../src/core/analysis/interpolation';
import { pathFromMetrics, withDenseReturn } from '../../../src/core/analysis/run/lmc';
import { fmt } from '../../../src/core/analysis/analyses/report';
import type { TaskInstance } from '../../../src/core/tasks/types';
import { quadraticTask, visionFixture } from './fixtures';
import { chainRecords } from './records';

describe('normalised return barrier of one path', () => {
  const alphas = alphaGrid(5);
  const perf = [200, 150, 40, 180, 100]; // B_R = 150 − 40 = 110
  const zeros = perf.map(() => 0);

  it('control: B_R / |dense return|, given up front or once it is known', () => {
    expect(pathFromMetrics('return', alphas, perf, zeros, -400).normalisedBarrier).toBeCloseTo(110 / 400, 12);
    const raw = pathFromMetrics('return', alphas, perf, zeros);
    expect(raw.normalisedBarrier).toBeNaN();
    expect(withDenseReturn(raw, 220).normalisedBarrier).toBeCloseTo(0.5, 12);
    expect(withDenseReturn(raw, undefined).normalisedBarrier).toBeNaN();
  });

  it('vision: never normalised (the error barrier is already a fraction)', () => {
    const acc = [0.9, 0.7, 0.5, 0.7, 0.9];
    expect(pathFromMetrics('accuracy', alphas, acc, zeros, 0.9).normalisedBarrier).toBeNaN();
    expect(withDenseReturn(pathFromMetrics('accuracy', alphas, acc, zeros), 0.9).normalisedBarrier).toBeNaN();
  });
});

describe('the LMC analysis on a control task', () => {
  const { net } = visionFixture();
  // A return-valued task: perf = −Σ c_i θ_i², so every network has its own (negative) return.
  const task: TaskInstance = {
    ...quadraticTask(Float32Array.from({ length: net.paramCount }, (_, i) => 0.5 + (i % 3))),
    kind: 'control',
    metric: 'return',
  };
  const parts = { task, net, prune: { pruneFrac: 0.2, scope: 'global' as const } };
  const theta0 = () => new Float32Array(net.paramCount);
  const runA = memorySource('es', chainRecords(net, 'magnitude', [0, 1], 3), theta0);

  it('divides B_R by the round-1 return of the chain and seed (seed pairs: the mean of both)', async () => {
    const res = await runAnalysis(ANALYSES.lmc, parts, [runA], { options: { points: 3 } });
    const dense = new Map(res.denseReturns.map((d) => [d.seed, d.perf]));
    expect(res.denseReturns.map((d) => [d.method, d.seed])).toEqual([
      ['magnitude', 0],
      ['magnitude', 1],
    ]);
    for (const g of res.groups.filter((x) => x.kind === 'rounds'))
      expect(dense.get(g.seed!)).toBe(g.nets.find((n) => n.roundNum === 1)!.perf);
    const rows = lmcPairRows(res);
    expect(rows).toHaveLength(2 * 3 + 3); // C(3,2) round pairs per seed, one seed pair per round
    for (const r of rows) {
      const ref = Math.abs(dense.get(r.a.seed)! + dense.get(r.b.seed)!) / 2;
      expect(r.normalisedBarrier).toBeCloseTo(r.endpointBarrier / ref, 10);
      expect(Number.isFinite(r.normalisedBarrier)).toBe(true);
    }
    const file = ANALYSES.lmc.report(res).files[0];
    expect(file.header.at(-1)).toBe('normalised_barrier');
    expect(file.rows.map((r) => r.at(-1))).toEqual(rows.map((r) => fmt(r.normalisedBarrier)));
    expect(file.json.denseReturns).toEqual(res.denseReturns);
  });

  it('two runs: the source is run A’s round 1 of the seed', async () => {
    const runB = memorySource('other', chainRecords(net, 'gd_magnitude', [0, 1], 3, 'none', 5), theta0);
    const res = await runAnalysis(ANALYSES.lmc, parts, [runA, runB], { options: { points: 3 } });
    const rows = lmcPairRows(res);
    for (const r of rows) {
      const denseA = res.denseReturns.find((d) => d.seed === r.a.seed)!.perf;
      expect(r.normalisedBarrier).toBeCloseTo(r.endpointBarrier / Math.abs(denseA), 10);
    }
    expect(res.denseReturns.every((d) => d.method === 'magnitude')).toBe(true);
  });

  it('without round 1 in the selection the column is empty, not a guess', async () => {
    const res = await runAnalysis(ANALYSES.lmc, parts, [runA], {
      options: { points: 3 },
      selection: { rounds: [2, 3] },
    });
    expect(res.denseReturns).toEqual([]);
    const file = ANALYSES.lmc.report(res).files[0];
    expect(file.rows.length).toBeGreaterThan(0);
    for (const r of file.rows) expect(r.at(-1)).toBe('');
  });
});
