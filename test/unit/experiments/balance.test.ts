// The split's share balancer (experiments/parallel/balance.ts): it moves one unit at a time towards the
// thread that finished first, only on gaps wider than one unit's cost, and stays within its bounds.
import { describe, expect, it } from 'vitest';
import { LeadBalancer } from '../../../src/core/experiments/parallel/balance';

/** Feeds `gens` generations of a model machine: the ES thread needs `askMs` plus `unitMs` per unit, a worker `unitMs` per unit of the rest. */
function simulate(b: LeadBalancer, units: number, askMs: number, unitMs: number, gens: number): number[] {
  const shares: number[] = [];
  for (let g = 0; g < gens; g++) {
    const lead = b.units;
    b.record(askMs + lead * unitMs, (units - lead) * unitMs);
    shares.push(b.units);
  }
  return shares;
}

describe('LeadBalancer', () => {
  it('gives the ES thread fewer units when it also builds the block, and settles', () => {
    // 32 pairs, 0.3 ms each, a 0.9 ms block: balance at lead ≈ (32·0.3 − 0.9)/(2·0.3) = 14.5.
    const b = new LeadBalancer(16, 1, 31, 8);
    const shares = simulate(b, 32, 0.9, 0.3, 400);
    const settled = shares.slice(-100);
    expect(Math.min(...settled)).toBeGreaterThanOrEqual(14);
    expect(Math.max(...settled)).toBeLessThanOrEqual(15);
    // It moves by one unit per decision, never more.
    for (let i = 1; i < shares.length; i++) expect(Math.abs(shares[i] - shares[i - 1])).toBeLessThanOrEqual(1);
  });

  it('keeps an even split when the threads already finish together', () => {
    const b = new LeadBalancer(16, 1, 31, 8);
    expect(new Set(simulate(b, 32, 0, 0.3, 200))).toEqual(new Set([16]));
  });

  it('stays within its bounds, and ignores generations without a time', () => {
    const low = new LeadBalancer(3, 2, 10, 4);
    expect(Math.min(...simulate(low, 12, 50, 0.3, 200))).toBe(2);
    const high = new LeadBalancer(3, 2, 10, 4);
    for (let g = 0; g < 200; g++) high.record(0.1, 50);
    expect(high.units).toBe(10);
    const idle = new LeadBalancer(5, 1, 9, 2);
    for (let g = 0; g < 20; g++) expect(idle.record(NaN, 3)).toBeNull();
    expect(idle.units).toBe(5);
  });
});
