/**
 * A layout check for the recharts plots of a page region: every y-axis title must stay clear of its tick
 * labels. A fixed axis width holds ticks like "0.0042" but not longer ones, and the turned title then sits
 * on top of the numbers, which no pixel-free test would notice.
 */
import type { Locator } from 'playwright-core';

/** One y axis whose title overlaps a tick label: the title and the first tick it covers. */
export interface AxisClash {
  readonly title: string;
  readonly tick: string;
}

/** The y axes inside `region` whose title's box meets one of their tick labels' boxes (none: []). */
export function yAxisTitleClashes(region: Locator): Promise<AxisClash[]> {
  // recharts 3 draws ticks and titles in separate layers, so they are matched by chart: a y title is the
  // turned label, a y tick the tick value oriented left or right. (No named functions inside: the script
  // runs in the page, where a test runner's name helpers do not exist.)
  return region.evaluate((root) => {
    const out: { title: string; tick: string }[] = [];
    for (const chart of Array.from(root.querySelectorAll('svg.recharts-surface'))) {
      const ticks = Array.from(chart.querySelectorAll('.recharts-cartesian-axis-tick-value')).filter((t) =>
        ['left', 'right'].includes(t.getAttribute('orientation') ?? ''),
      );
      for (const title of Array.from(chart.querySelectorAll('.recharts-label[transform*="rotate"]'))) {
        const a = title.getBoundingClientRect();
        for (const t of ticks) {
          const b = t.getBoundingClientRect();
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            out.push({ title: title.textContent ?? '', tick: t.textContent ?? '' });
            break;
          }
        }
      }
    }
    return out;
  });
}

/**
 * The horizontal axis titles inside `region` that run past the edge of their chart (none: []): on a phone
 * a long x title ("α (position on the line between the pair)") is cut off mid-word by the chart's box.
 */
export function xAxisTitlesCut(region: Locator): Promise<string[]> {
  return region.evaluate((root) => {
    const out: string[] = [];
    for (const chart of Array.from(root.querySelectorAll('svg.recharts-surface'))) {
      const box = chart.getBoundingClientRect();
      for (const title of Array.from(chart.querySelectorAll('.recharts-label:not([transform*="rotate"])'))) {
        const t = title.getBoundingClientRect();
        if (t.width > 0 && (t.left < box.left - 1 || t.right > box.right + 1)) out.push(title.textContent ?? '');
      }
    }
    return out;
  });
}
