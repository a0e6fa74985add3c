// Image export of a chart box (src/ui/viz/export.ts) over a small stand-in DOM (the unit project has no
// browser DOM): the SVG saved is the chart's own surface, never a recharts legend icon (also an
// svg.recharts-surface, 14×14, placed before the chart in boxes with a <Legend>), and a box without a
// picture says so in words a student can act on.
import { describe, expect, it } from 'vitest';
import { CANVAS_ONLY, chartSvg, downloadPng, downloadSvg, NO_PICTURE } from '../../../src/ui/viz/export';

/** An element with a tag, classes, a size and children; matches compound selectors such as "svg.a" and lists "x, y". */
class El {
  parentElement: El | null = null;
  readonly classList: { contains(c: string): boolean };
  constructor(
    readonly tag: string,
    readonly classes: readonly string[] = [],
    readonly size: readonly [number, number] = [0, 0],
    readonly children: El[] = [],
  ) {
    this.classList = { contains: (c) => classes.includes(c) };
    for (const c of children) c.parentElement = this;
  }
  matches(selector: string): boolean {
    return selector.split(',').some((part) => {
      const [tag, ...cls] = part.trim().split('.');
      return (tag === '' || tag === this.tag) && cls.every((c) => this.classes.includes(c));
    });
  }
  /** Descendants in document order. */
  all(): El[] {
    return this.children.flatMap((c) => [c, ...c.all()]);
  }
  querySelectorAll(selector: string): El[] {
    return this.all().filter((e) => e.matches(selector));
  }
  querySelector(selector: string): El | null {
    return this.all().find((e) => e.matches(selector)) ?? null;
  }
  closest(selector: string): El | null {
    if (this.matches(selector)) return this;
    return this.parentElement ? this.parentElement.closest(selector) : null;
  }
  getBoundingClientRect() {
    return { width: this.size[0], height: this.size[1] };
  }
}

const asRoot = (e: El) => e as unknown as ParentNode;
const legendIcon = () => new El('svg', ['recharts-surface'], [14, 14], [new El('path')]);

/** A ChartFrame body holding a recharts chart with a <Legend> of `entries` entries above the plot. */
function rechartsBox(entries: number): { root: El; chart: El } {
  const chart = new El('svg', ['recharts-surface'], [560, 260], [new El('g', ['recharts-line'])]);
  const legend = new El(
    'div',
    ['recharts-legend-wrapper'],
    [560, 24],
    [
      new El(
        'ul',
        [],
        [560, 24],
        Array.from({ length: entries }, () => new El('li', ['recharts-legend-item'], [180, 20], [legendIcon()])),
      ),
    ],
  );
  const root = new El(
    'div',
    ['chart-body'],
    [560, 300],
    [new El('div', ['recharts-wrapper'], [560, 300], [legend, chart])],
  );
  return { root, chart };
}

describe('chart export picks the chart', () => {
  it('a recharts chart with a legend: its own surface, not the 14×14 legend icon before it', () => {
    for (const entries of [1, 3]) {
      const { root, chart } = rechartsBox(entries);
      expect(root.querySelector('svg')?.size).toEqual([14, 14]); // the first svg of the box is an icon
      expect(chartSvg(asRoot(root))).toBe(chart);
    }
  });

  it('the light live chart: its svg.chart-svg; else the largest svg not drawn inside another', () => {
    const live = new El('svg', ['chart-svg'], [300, 200]);
    expect(chartSvg(asRoot(new El('div', [], [0, 0], [legendIcon(), live])))).toBe(live);
    const inner = new El('svg', [], [900, 900]);
    const outer = new El('svg', [], [400, 300], [inner]);
    const small = new El('svg', [], [100, 50]);
    expect(chartSvg(asRoot(new El('div', [], [0, 0], [small, outer])))).toBe(outer);
    expect(chartSvg(asRoot(new El('div', [], [0, 0], [new El('table')])))).toBeNull();
  });
});

describe('image export of a box without a vector picture', () => {
  it('says what to use instead, and says it truly', async () => {
    const table = new El('div', [], [0, 0], [new El('table', ['data-table'])]);
    expect(() => downloadSvg(asRoot(table), 'x.svg')).toThrow(NO_PICTURE);
    await expect(downloadPng(asRoot(table), 'x.png')).rejects.toThrow(NO_PICTURE);
    const canvas = new El('div', [], [0, 0], [new El('canvas', [], [200, 200])]);
    expect(() => downloadSvg(asRoot(canvas), 'x.svg')).toThrow(CANVAS_ONLY);
    // student-readable: a whole sentence that names what to use, no internals ("svg", "canvas")
    for (const m of [NO_PICTURE, CANVAS_ONLY]) {
      expect(m).toMatch(/^[A-Z].*use (CSV|PNG)/);
      expect(m).not.toMatch(/\b(svg|canvas)\b/);
    }
    expect(NO_PICTURE).toMatch(/CSV/);
  });
});
