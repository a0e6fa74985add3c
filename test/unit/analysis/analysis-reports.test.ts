/**
 * Hand-computed numbers of the registered analyses' tables (src/core/analysis/analyses): LMC pair rows and
 * markdown with both barrier readings on toy paths, and the weight statistics of a known mask (SI Fig. 11).
 */
import { describe, expect, it } from 'vitest';
import {
  ANALYSES,
  lmcPairRows,
  markdownTable,
  summarizeWeights,
  type LmcResult,
} from '../../../src/core/analysis/analyses';
import { pathFromMetrics } from '../../../src/core/analysis/run/lmc';
import type { PopulationNet } from '../../../src/core/nets/types';
import type { TaskInstance } from '../../../src/core/tasks/types';
import { makeLayers } from '../prune/fixtures';

const alphas = [0, 0.5, 1];
const net = (label: string, roundNum: number, perf: number, seed = 0) => ({
  label,
  run: 0,
  method: 'magnitude',
  seed,
  roundNum,
  sparsityFrac: 1 - 0.8 ** (roundNum - 1),
  perf,
});

/** One chain r1, r2, r3 with hand-made paths: r1–r2 a straight ramp, r1–r3 a bump, r2–r3 flat. */
function toyLmc(): LmcResult {
  const path = (perf: number[]) =>
    pathFromMetrics(
      'accuracy',
      alphas,
      perf,
      perf.map(() => 0),
    );
  const pairs = [
    { i: 0, j: 1, path: path([0.9, 0.8, 0.7]) }, // errors .1 .2 .3: B = .3 − .2 = .1, excess 0
    { i: 0, j: 2, path: path([0.9, 0.6, 0.9]) }, // errors .1 .4 .1: B = excess = .3
    { i: 1, j: 2, path: path([0.7, 0.7, 0.9]) }, // errors .3 .3 .1: B = .3 − .2 = .1, excess = .3 − .2 = .1
  ];
  const sq = (f: (p: (typeof pairs)[number]['path']) => number) => {
    const m = [0, 1, 2].map(() => [0, 0, 0]);
    for (const p of pairs) m[p.i][p.j] = m[p.j][p.i] = f(p.path);
    return m;
  };
  return {
    alphas,
    points: 3,
    extended: false,
    barrierKind: 'error',
    connectedBelow: 0.02,
    runLabels: ['run'],
    denseReturns: [],
    groups: [
      {
        kind: 'rounds',
        title: 'magnitude seed 0: rounds',
        method: 'magnitude',
        seed: 0,
        nets: [net('r1', 1, 0.9), net('r2', 2, 0.7), net('r3', 3, 0.9)],
        matrix: {
          labels: ['r1', 'r2', 'r3'],
          endpointBarrier: sq((p) => p.endpointBarrier),
          excessBarrier: sq((p) => p.excessBarrier),
          pairs,
        },
      },
    ],
  };
}

describe('LMC report: both readings per pair', () => {
  it('pair rows carry B, the excess barrier and the connected flag (excess < 2 %)', () => {
    const rows = lmcPairRows(toyLmc());
    expect(rows.map((r) => r.series)).toEqual(['r1–r2', 'r1–r3', 'r2–r3']);
    expect(rows.map((r) => r.endpointBarrier)).toEqual([0.1, 0.3, 0.1].map((v) => expect.closeTo(v, 12)));
    expect(rows.map((r) => r.excessBarrier)).toEqual([0, 0.3, 0.1].map((v) => expect.closeTo(v, 12)));
    expect(rows.map((r) => r.connected)).toEqual([true, false, false]);
  });

  it('CSV names both readings; markdown shows both per round and counts connected pairs', () => {
    const rep = ANALYSES.lmc.report(toyLmc());
    const f = rep.files[0];
    expect(f.name).toBe('lmc');
    expect(f.header.slice(-5)).toEqual([
      'endpoint_barrier',
      'excess_barrier',
      'connected',
      'worst_alpha',
      'normalised_barrier',
    ]);
    expect(f.rows[0].slice(-5)).toEqual(['0.1000', '0.0000', 1, '1.000', '']); // worst at the r2 end
    expect(f.rows[1].slice(-5)).toEqual(['0.3000', '0.3000', 0, '0.500', '']); // vision: not normalised
    expect(rep.markdown).toContain('| r1 | 100.0 | 0.100 | 0.000 |  |  |'); // next round r2: B .1, excess 0
    expect(rep.markdown).toContain('| r2 | 80.0 | 0.100 | 0.100 | 0.100 | 0.000 |'); // r2→r3; r1→r2
    expect(rep.markdown).toContain('| r3 | 64.0 |  |  | 0.300 | 0.300 |');
    expect(rep.markdown).toContain('Connected (excess < 2 % test error): 1 of 3 pairs.');
  });

  it('markdown cells escape "|" so |W| does not split a column', () => {
    expect(markdownTable(['a |W|'], [['x']])).toBe('| a \\|W\\| |\n| --- |\n| x |');
  });
});

describe('weight statistics of a known mask (SI Fig. 11)', () => {
  // Dense_0 [2,2]: kernel 0–3, bias 4–5; Dense_1 [2,1]: kernel 6–7, bias 8.
  const { layers, paramCount } = makeLayers([
    { name: 'Dense_0', shape: [2, 2] },
    { name: 'Dense_1', shape: [2, 1] },
  ]);
  const mask = Uint8Array.of(1, 1, 0, 1, 1, 1, 0, 1, 1);
  const theta = Float32Array.of(0.5, -1, 0, 3, 9, 9, 0, 1, 9); // pruned entries are 0; biases ignored
  const rec = (seed: number, scale: number) => ({
    seed,
    method: 'gd_magnitude',
    roundNum: 2,
    sparsityFrac: 2 / 6,
    mask,
    mean: theta.map((v) => v * scale),
    std: new Float32Array(0),
  });
  const ctx = {
    task: { kind: 'vision', metric: 'accuracy' } as TaskInstance,
    net: { layers, paramCount, prunableCount: 6 } as unknown as PopulationNet,
    prune: { pruneFrac: 0.2, scope: 'global' as const },
    runs: [{ label: 'gd', records: [rec(0, 1), rec(1, 2)], theta0: async () => new Float32Array(0) }],
  };

  it('per layer: remaining fraction, mean |W| and mean W over the alive entries only', async () => {
    const res = await ANALYSES.weights.run(ctx, {});
    const [d0, d1] = res.rows[0].layers;
    // Dense_0 alive: 0.5, −1, 3 (entry 2 pruned) → 3/4 remaining, mean |W| = 4.5/3, mean W = 2.5/3
    expect(d0).toEqual({ name: 'Dense_0', remainingFrac: 0.75, meanAbs: 1.5, mean: expect.closeTo(2.5 / 3, 6) });
    // Dense_1 alive: 1 (entry 6 pruned) → 1/2 remaining, |W| = W = 1
    expect(d1).toEqual({ name: 'Dense_1', remainingFrac: 0.5, meanAbs: 1, mean: 1 });
  });

  it('mean ± s.e. over seeds: seed 1 doubles every weight → mean |W| of Dense_0 = (1.5 + 3)/2 ± 0.75', async () => {
    const res = await ANALYSES.weights.run(ctx, {});
    const s = summarizeWeights(res.rows, ['Dense_0', 'Dense_1']);
    expect(s.map((r) => r.layer)).toEqual(['Dense_0', 'Dense_1']);
    expect(s[0].meanAbs.mean).toBeCloseTo(2.25, 6);
    expect(s[0].meanAbs.se).toBeCloseTo(0.75, 6); // sd = 1.5/√2, se = sd/√2
    expect(s[0].remainingFrac).toMatchObject({ mean: 0.75, se: 0, n: 2 });
    const md = ANALYSES.weights.report(res).markdown;
    expect(md).toContain('#### Dense_0');
    expect(md).toContain('| 2 | 66.7 | 75.0 ± 0.0 | 2.2500 ± 0.7500 |');
  });
});
