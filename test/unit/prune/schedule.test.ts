import { describe, expect, it } from 'vitest';
import { prunedCountAt, remainingPercent, sparsityOfRound } from '../../../src/core/prune/schedule';

describe('IMP schedule (docs/ALGORITHMS.md §3.2)', () => {
  it('matches the table of remaining weights for keep = 0.8 (docs/ALGORITHMS.md §3.2)', () => {
    const table: [number, number][] = [
      [1, 100],
      [2, 80],
      [3, 64],
      [4, 51.2],
      [5, 40.96],
      [6, 32.77],
      [8, 20.97],
      [11, 10.74],
      [16, 3.52],
      [20, 1.44],
      [25, 0.47],
    ];
    for (const [roundNum, pct] of table) expect(remainingPercent(roundNum, 0.8)).toBeCloseTo(pct, 2);
  });

  it('round 1 is dense and sparsity = 1 − keep^(k−1)', () => {
    expect(sparsityOfRound(1, 0.8)).toBe(0);
    expect(sparsityOfRound(2, 0.8)).toBeCloseTo(0.2, 12);
    expect(sparsityOfRound(3, 0.5)).toBeCloseTo(0.75, 12);
  });

  it('rejects 0-based or invalid arguments', () => {
    expect(() => sparsityOfRound(0, 0.8)).toThrow(/1-based/);
    expect(() => sparsityOfRound(2.5, 0.8)).toThrow();
    expect(() => sparsityOfRound(2, 0)).toThrow(/keepFrac/);
    expect(() => sparsityOfRound(2, 1.2)).toThrow(/keepFrac/);
  });

  it('prunedCountAt rounds s·N', () => {
    expect(prunedCountAt(0.2, 10)).toBe(2);
    expect(prunedCountAt(0.36, 10)).toBe(4);
    expect(prunedCountAt(0.488, 250)).toBe(122);
    expect(() => prunedCountAt(1.5, 10)).toThrow();
  });
});
