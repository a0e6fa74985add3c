import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';

describe('Rng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(42),
      b = new Rng(42),
      c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
  });

  it('split streams are independent of parent consumption and of each other', () => {
    const root = new Rng(7);
    const before = root.split('round').split(3).uniform();
    root.uniform();
    root.uniform();
    expect(root.split('round').split(3).uniform()).toBe(before);
    expect(root.split('round').split(4).uniform()).not.toBe(before);
    expect(root.split('a').uniform()).not.toBe(root.split('b').uniform());
  });

  it('normal() has mean ≈ 0 and variance ≈ 1', () => {
    const r = new Rng(1);
    const n = 200_000;
    let s = 0,
      s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.01);
  });

  it('uniform() is in [0,1) and roughly flat', () => {
    const r = new Rng(5);
    const bins = new Array(10).fill(0);
    let lo = 1,
      hi = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      bins[Math.floor(u * 10)]++;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('permutation and sampleWithoutReplacement give distinct valid indices', () => {
    const r = new Rng(9);
    const p = Array.from(r.permutation(100)).sort((x, y) => x - y);
    expect(p).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const s = r.sampleWithoutReplacement(50, 20);
    expect(new Set(s).size).toBe(20);
    for (const v of s) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(50);
    }
    expect(() => r.sampleWithoutReplacement(3, 4)).toThrow(/without replacement/);
  });

  it('truncatedNormal stays in bounds', () => {
    const r = new Rng(3);
    for (let i = 0; i < 10_000; i++) {
      const z = r.truncatedNormal();
      expect(Math.abs(z)).toBeLessThanOrEqual(2);
    }
  });
});
