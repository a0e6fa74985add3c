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

/** A legend entry of a recharts plot that sits on one of its tick labels or axis titles. */
export interface LegendClash {
  readonly chart: string;
  readonly legend: string;
  readonly tick: string;
}

/**
 * The recharts legend entries inside `region` that overlap a tick label or an axis title of their own
 * plot (none: []): a legend above the plot without room of its own sits on the top y tick ("0.24").
 */
export function legendClashes(region: Locator): Promise<LegendClash[]> {
  return region.evaluate((root) => {
    const out: { chart: string; legend: string; tick: string }[] = [];
    for (const wrapper of Array.from(root.querySelectorAll('.recharts-wrapper'))) {
      const chart = wrapper.closest('[data-chart]')?.getAttribute('data-chart') ?? '';
      const texts = Array.from(wrapper.querySelectorAll('.recharts-cartesian-axis-tick-value, .recharts-label'));
      for (const item of Array.from(wrapper.querySelectorAll('.recharts-legend-item'))) {
        const a = item.getBoundingClientRect();
        for (const t of texts) {
          const b = t.getBoundingClientRect();
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            out.push({ chart, legend: item.textContent ?? '', tick: t.textContent ?? '' });
            break;
          }
        }
      }
    }
    return out;
  });
}

/**
 * The data points (line dots, scatter symbols) inside `region` that are drawn only in part (none: []): a
 * point on the edge of a plot whose axis allows no overflow is cut by the plot's clip path (the last
 * round's dot a half circle on the right edge), or one past the chart's own box by the box.
 */
export function clippedPoints(region: Locator): Promise<string[]> {
  return region.evaluate((root) => {
    const out: string[] = [];
    const charts = Array.from(root.querySelectorAll('svg.recharts-surface')).filter(
      (s) => !s.closest('.recharts-legend-wrapper'),
    );
    for (const svg of charts) {
      const chart = svg.closest('[data-chart]')?.getAttribute('data-chart') ?? '';
      const box = svg.getBoundingClientRect();
      for (const mark of Array.from(svg.querySelectorAll('.recharts-line-dot, .recharts-scatter-symbol'))) {
        const m = mark.getBoundingClientRect();
        if (m.width === 0 && m.height === 0) continue;
        // the clip path of the mark's layer (user space = the chart's own pixels), else the chart's box
        let clip = { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
        const url = mark.closest('[clip-path]')?.getAttribute('clip-path') ?? '';
        const id = /url\(#(.+)\)/.exec(url)?.[1];
        const rect = id ? document.getElementById(id)?.querySelector('rect') : null;
        if (rect) {
          const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(rect.getAttribute(k)));
          clip = {
            left: Math.max(clip.left, box.left + x),
            top: Math.max(clip.top, box.top + y),
            right: Math.min(clip.right, box.left + x + w),
            bottom: Math.min(clip.bottom, box.top + y + h),
          };
        }
        const e = 0.5;
        if (m.left < clip.left - e || m.top < clip.top - e || m.right > clip.right + e || m.bottom > clip.bottom + e)
          out.push(`${chart}: point at (${Math.round(m.left - box.left)}, ${Math.round(m.top - box.top)})`);
      }
    }
    return out;
  });
}
