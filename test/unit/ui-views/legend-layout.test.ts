/**
 * The chart legend's layout (src/ui/viz/legend-layout.ts): entries side by side while they fit, a new row when
 * the next does not, and an entry too long for a whole row (a phone) wrapped at spaces onto rows of its own,
 * so nothing runs off the chart.
 */
import { describe, expect, it } from 'vitest';
import { legendLayout, legendRows } from '../../../src/ui/viz/legend-layout';
import type { LiveSeries } from '../../../src/ui/viz/LiveChart';

const series = (name: string): LiveSeries => ({ key: name, name, color: '#000', points: [] });

describe('legendLayout', () => {
  it('fits short entries side by side and starts a row when the next does not fit', () => {
    const l = legendLayout([series('a'), series('b'), series('c')], 100);
    expect(l.map(({ x, row, lines }) => ({ x, row, lines }))).toEqual([
      { x: 0, row: 0, lines: ['a'] },
      { x: 46.6, row: 0, lines: ['b'] },
      { x: 0, row: 1, lines: ['c'] },
    ]);
    expect(legendRows(l)).toBe(2);
    expect(legendRows([])).toBe(0);
  });

  it('wraps an entry wider than a whole row at spaces, taking those rows alone', () => {
    const long = 'Random mask, new weights, baseline — precomputed';
    const l = legendLayout([series('short'), series(long), series('after')], 200);
    const wrapped = l[1];
    expect(wrapped.row).toBe(1);
    expect(wrapped.x).toBe(0);
    expect(wrapped.lines.length).toBeGreaterThan(1);
    expect(wrapped.lines.join(' ')).toBe(long);
    for (const line of wrapped.lines) expect(40 + line.length * 6.6).toBeLessThanOrEqual(200);
    expect(l[2]).toMatchObject({ x: 0, row: 1 + wrapped.lines.length });
    expect(legendRows(l)).toBe(2 + wrapped.lines.length);
    // a wrapped entry last: the plot starts below all its lines
    expect(legendRows(legendLayout([series(long)], 200))).toBe(wrapped.lines.length);
  });
});
