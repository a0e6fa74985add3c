import { describe, expect, it } from 'vitest';
import { summarizeCurves, effectOver, type RoundPerf } from '../../../src/core/analysis/summary';

const rows: RoundPerf[] = [
  { seed: 0, method: 'magnitude', roundNum: 1, sparsityFrac: 0, perf: 0.8 },
  { seed: 1, method: 'magnitude', roundNum: 1, sparsityFrac: 0, perf: 0.9 },
  { seed: 0, method: 'magnitude', roundNum: 2, sparsityFrac: 0.2, perf: 0.7 },
  { seed: 1, method: 'magnitude', roundNum: 2, sparsityFrac: 0.2, perf: 0.9 },
  { seed: 0, method: 'random_reinit', roundNum: 2, sparsityFrac: 0.2, perf: 0.5 },
  { seed: 1, method: 'random_reinit', roundNum: 2, sparsityFrac: 0.2, perf: 0.6 },
  { seed: 2, method: 'random_reinit', roundNum: 2, sparsityFrac: 0.2, perf: 0.1 },
];

describe('sparsity-curve summaries', () => {
  it('computes mean, sample sd and s.e. per method and round', () => {
    const c = summarizeCurves(rows);
    expect(c.map((p) => `${p.method}:${p.roundNum}`)).toEqual(['magnitude:1', 'magnitude:2', 'random_reinit:2']);
    expect(c[1].mean).toBeCloseTo(0.8, 12);
    expect(c[1].sd).toBeCloseTo(Math.SQRT2 * 0.1, 12); // values 0.7, 0.9: sd = sqrt(0.02/1)
    expect(c[1].se).toBeCloseTo(0.1, 12);
    expect(c[1].remainingPct).toBeCloseTo(80, 12);
    expect(c[2].n).toBe(3);
    expect(c[0].perSeed).toEqual([
      { seed: 0, perf: 0.8 },
      { seed: 1, perf: 0.9 },
    ]);
  });

  it('a single seed has sd 0', () => {
    expect(summarizeCurves(rows.slice(0, 1))[0].sd).toBe(0);
  });

  it('pairs the ticket effect by seed and ignores unpaired seeds', () => {
    const e = effectOver(rows, 'magnitude', 'random_reinit');
    expect(e[0]).toEqual({ roundNum: 1, n: 0, mean: NaN, min: NaN });
    expect(e[1].n).toBe(2);
    expect(e[1].mean).toBeCloseTo((0.7 - 0.5 + (0.9 - 0.6)) / 2, 12);
    expect(e[1].min).toBeCloseTo(0.2, 12);
  });
});
