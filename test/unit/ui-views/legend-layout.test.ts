/**
 * The chart legend's layout (src/ui/viz/legend-layout.ts): entries side by side while they fit, a new row when
 * the next does not, and an entry too long for a whole row (a phone) wrapped at spaces onto rows of its own,
 * so nothing runs off the chart.
 */
import { describe, expect, it } from 'vitest';
import { LEGEND_TEXT_X, legendLayout, legendRows, legendTextWidth } from '../../../src/ui/viz/legend-layout';
import type { LiveSeries } from '../../../src/ui/viz/LiveChart';

const series = (name: string): LiveSeries => ({ key: name, name, color: '#000', points: [] });

describe('legendLayout', () => {
  it('fits short entries side by side and starts a row when the next does not fit', () => {
    const l = legendLayout([series('a'), series('b'), series('c')], 100);
    expect(l.map(({ x, row, lines }) => ({ x, row, lines }))).toEqual([
      { x: 0, row: 0, lines: ['a'] },
      { x: l[1].x, row: 0, lines: ['b'] },
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
    for (const line of wrapped.lines) expect(LEGEND_TEXT_X + legendTextWidth(line)).toBeLessThanOrEqual(200);
    expect(l[2]).toMatchObject({ x: 0, row: 1 + wrapped.lines.length });
    expect(legendRows(l)).toBe(2 + wrapped.lines.length);
    // a wrapped entry last: the plot starts below all its lines
    expect(legendRows(legendLayout([series(long)], 200))).toBe(wrapped.lines.length);
  });

  // Widths of the lab's legend names drawn at 12 px in DejaVu Sans (Chromium's canvas measureText), the
  // widest usual UI font (Linux's system-ui). A live run's legend once ran "…baseline — precomputed" straight
  // into the next entry's swatch: 6.6 px per character gave 317 px for its 326 px.
  const DRAWN: readonly [string, number][] = [
    ['Random mask, new weights, baseline — precomputed', 326.4],
    ['Ticket, magnitude pruning — precomputed', 258],
    ['Ticket, signal-to-noise pruning — precomputed', 281.5],
    ['Ticket (magnitude pruning)', 163.7],
    ['Ticket (signal-to-noise pruning)', 187.2],
    ['Random mask, new weights (baseline)', 232.1],
    ['GD · Ticket (magnitude pruning), transferred', 268.2],
    ['seed 0 — your run', 110.7],
    ['WWW mmm %%%', 112.5],
  ];

  it('never estimates a name narrower than it is drawn, nor much wider', () => {
    for (const [name, px] of DRAWN) {
      expect(legendTextWidth(name), name).toBeGreaterThanOrEqual(px);
      expect(legendTextWidth(name), name).toBeLessThanOrEqual(px * 1.1);
    }
  });

  it('leaves a visible gap between the drawn text of one entry and the next (a live run legend)', () => {
    const l = legendLayout(
      DRAWN.map(([name]) => series(name)),
      860,
    );
    for (let i = 1; i < l.length; i++) {
      if (l[i].row !== l[i - 1].row) continue;
      const end = l[i - 1].x + LEGEND_TEXT_X + DRAWN[i - 1][1];
      expect(l[i].x - end, `${DRAWN[i - 1][0]} → ${DRAWN[i][0]}`).toBeGreaterThanOrEqual(12);
    }
    // and no drawn text runs past the row's end
    for (const [i, at] of l.entries()) expect(at.x + LEGEND_TEXT_X + DRAWN[i][1]).toBeLessThanOrEqual(860);
  });
});
