// Live-chart scales (src/ui/viz/scales.ts): pixel maps hit their range ends, log maps are linear in log10,
// tick steps are 1-2-5 × 10^k, auto domains cover the data.
import { describe, expect, it } from 'vitest';
import {
  autoDomain,
  linearTicks,
  linearTicksAtLeast,
  logTicks,
  axisScale,
  nearestIndex,
  niceAxis,
  niceAxisWithin,
  niceStep,
  roundTicks,
  tickLabels,
} from '../../../src/ui/viz/scales';

describe('scales', () => {
  it('linear and log maps send the domain ends to the range ends; log halves at the geometric mean', () => {
    const lin = axisScale('linear', [0, 10], [0, 200]);
    expect([lin(0), lin(5), lin(10)]).toEqual([0, 100, 200]);
    const rev = axisScale('linear', [0, 10], [200, 0]);
    expect(rev(2.5)).toBe(150);
    const log = axisScale('log', [1, 100], [0, 100]);
    expect(log(10)).toBeCloseTo(50, 12);
    expect(log(100)).toBeCloseTo(100, 12);
  });

  it('nice steps are 1, 2 or 5 × 10^k; ticks lie in the interval on multiples of the step', () => {
    expect(niceStep(0, 1, 5)).toBe(0.2);
    expect(niceStep(0, 97, 5)).toBe(20);
    expect(niceStep(0, 0.003, 4)).toBeCloseTo(0.001, 15);
    expect(linearTicks(0.13, 0.91, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(linearTicks(-3, 3, 6)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    // a narrow σ range on a short chart: one nice tick is not a scale; at least three
    expect(linearTicks(0.065, 0.115, 1)).toEqual([0.1]);
    expect(linearTicksAtLeast(0.065, 0.115, 1)).toEqual([0.07, 0.08, 0.09, 0.1, 0.11]);
    expect(linearTicksAtLeast(0, 1, 5)).toEqual(linearTicks(0, 1, 5));
  });

  it('a range narrower than float rounding gets ticks and a window, and never hangs', () => {
    // Two accuracies one rounding apart: the old tick loop added a step below the values' spacing forever.
    const [a, b] = [91.23, 91.23 + 1.4210854715202004e-14];
    expect(linearTicks(a, b, 5)).toEqual([91.23]);
    expect(linearTicksAtLeast(a, b, 5).length).toBeGreaterThan(0);
    expect(autoDomain([a, b], 'linear')).toEqual(autoDomain([a, a], 'linear'));
    expect(linearTicksAtLeast(...autoDomain([a, b], 'linear'), 5).length).toBeGreaterThanOrEqual(3);
    expect(niceAxis([a, b])).toEqual(niceAxis([a]));
    expect(linearTicks(-Infinity, 1, 5)).toEqual([]);
    expect(linearTicks(0, Infinity, 5)).toEqual([]);
  });

  it('log ticks: 1-2-5 ladder in range, powers of ten when too many', () => {
    expect(logTicks(0.9, 110)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(1e-4, 10)).toEqual([1e-4, 1e-3, 1e-2, 0.1, 1, 10]);
    // no tick at or below 0 or at ∞ (those ran the loop forever and froze the page)
    expect(logTicks(0, 100)).toEqual([]);
    expect(logTicks(1, Infinity)).toEqual([]);
    expect(logTicks(-5, 100)).toEqual([]);
  });

  it('auto domains pad linear data by 5 %, widen a single value, ignore non-finite / non-positive (log)', () => {
    expect(autoDomain([0, 10], 'linear')).toEqual([-0.5, 10.5]);
    expect(autoDomain([2, 2], 'linear')).toEqual([1.98, 2.02]);
    expect(autoDomain([NaN, 4, Infinity], 'linear')).toEqual([3.96, 4.04]);
    const [lo, hi] = autoDomain([0, 0.01, 1], 'log');
    expect(lo).toBeCloseTo(0.01 / 1.15, 12);
    expect(hi).toBeCloseTo(1.15, 12);
    expect(nearestIndex([1, 5, 9], 6.9)).toBe(1);
    expect(nearestIndex([1, 5, 9], 7.1)).toBe(2);
  });

  it('tick labels keep the format unless two ticks would read the same, then show the decimals the step needs', () => {
    const whole = (v: number) => v.toFixed(0);
    expect(tickLabels([80, 85, 90], whole)).toEqual(['80', '85', '90']);
    expect(tickLabels([29.02, 29.04, 29.06, 29.08], whole)).toEqual(['29.02', '29.04', '29.06', '29.08']);
    expect(tickLabels([-2600, -2550, -2500], whole)).toEqual(['-2600', '-2550', '-2500']);
    expect(tickLabels([0.1, 0.15, 0.2], (v) => v.toFixed(1))).toEqual(['0.10', '0.15', '0.20']);
  });

  it('round ticks are whole rounds from the first to the last, never past the run', () => {
    expect(roundTicks(1, 6)).toEqual([1, 2, 3, 4, 5, 6]); // the sharpness chart once read 1, 3, 5, 7
    expect(roundTicks(0.5, 6.5)).toEqual([1, 2, 3, 4, 5, 6]); // padded half a round each side
    expect(roundTicks(1, 20)).toEqual([1, 6, 11, 16]);
    expect(roundTicks(2, 2)).toEqual([2]);
    expect(roundTicks(3, 2)).toEqual([]);
  });

  it('a nice axis ends on 1-2-5 ticks around the data', () => {
    // sharpness a ± s.e. from 0 to 4.2 once got ticks 0, 1.05, 2.1, 3.15, 4.2
    expect(niceAxis([0, 1.3, 4.2])).toEqual({ domain: [0, 5], ticks: [0, 1, 2, 3, 4, 5] });
    expect(niceAxis([0.013, 0.061]).ticks).toEqual([0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07]);
    const one = niceAxis([3]);
    expect(one.domain[0]).toBeLessThan(3);
    expect(one.domain[1]).toBeGreaterThan(3);
    expect(niceAxis([NaN])).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });

  it('a correlation axis spans its data, ends on nice ticks and never passes ±1', () => {
    // magnitude–SNR correlations of 0.8–0.99 shared the top tenth of a fixed −1…1 axis
    const r = niceAxisWithin([0.81, 0.93, 0.99, 0.86], -1, 1);
    expect(r).toEqual({ domain: [0.8, 1], ticks: [0.8, 0.85, 0.9, 0.95, 1] });
    expect(r.domain[1] - r.domain[0]).toBeLessThan(0.5);
    // a nice end past a bound is the bound: 1 on every round, -1 on every round
    expect(niceAxisWithin([1, 1], -1, 1).domain).toEqual([0.9, 1]);
    expect(niceAxisWithin([-1], -1, 1).domain).toEqual([-1, -0.9]);
    for (const values of [[0.99, 1], [-0.3, 0.97], [0.2], [0.999999, 0.9999995], [-1, 1]]) {
      const { domain, ticks } = niceAxisWithin(values, -1, 1);
      expect(domain[0]).toBeGreaterThanOrEqual(-1);
      expect(domain[1]).toBeLessThanOrEqual(1);
      expect(domain[0]).toBeLessThanOrEqual(Math.min(...values));
      expect(domain[1]).toBeGreaterThanOrEqual(Math.max(...values));
      expect([ticks[0], ticks[ticks.length - 1]]).toEqual(domain);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
    // no finite value: the whole range
    expect(niceAxisWithin([NaN], -1, 1).domain).toEqual([-1, 1]);
  });
});
