// The analysis views in the view harness (fixtures/views.html: real core code on the page's main thread
// over a synthetic 14×14 task, served by the Vite dev server) in the system Chromium: the weight statistics'
// charts of every analysis (LMC, landscape, correlation, weight statistics) keep each y-axis title clear of
// its tick labels, at 1280 px and on a phone (390 px), and on the phone no x-axis title runs past its chart;
// the mean-W ticks ("0.0042", "-0.0021") are the longest of the app's plots. In the same page: no recharts
// legend sits on a tick label and no data point is cut at a plot's edge (the Weights charts, the masks'
// overlap chart); a box offers PNG / SVG only when it has a picture (not the LMC barrier table); the SVG
// saved from a chart with a legend is the chart, not a 14×14 legend icon; the per-round correlation axis
// spans its data. Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import { withDevServerPage } from './helpers';
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { clippedPoints, legendClashes, xAxisTitlesCut, yAxisTitleClashes } from './axis-labels';

/** The chart boxes in `region` that offer a PNG or SVG button but hold no canvas and no chart svg. */
function imageButtonsWithoutPicture(region: Locator): Promise<string[]> {
  return region.evaluate((root) =>
    Array.from(root.querySelectorAll('[data-chart]'))
      .filter((f) => Array.from(f.querySelectorAll('button')).some((b) => /^(PNG|SVG)$/.test(b.textContent ?? '')))
      .filter(
        (f) =>
          !f.querySelector('canvas') &&
          !Array.from(f.querySelectorAll('svg')).some((s) => !s.closest('.recharts-legend-wrapper')),
      )
      .map((f) => f.getAttribute('data-chart') ?? ''),
  );
}

describe.skipIf(process.env.E2E === '0')('e2e: analysis views (view harness)', () => {
  it('every analysis chart: no y-axis title overlaps its tick labels, no x-axis title is cut off, no legend on a tick, no point cut, exports are the chart', async () => {
    await withDevServerPage(300_000, async (page) => {
      await page.goto(new URL('/test/e2e/fixtures/views.html', page.url()).href);
      await page.waitForSelector('#masks canvas');
      const masks = page.locator('#masks');
      await page.waitForFunction(() => document.querySelectorAll('#masks .recharts-legend-item').length > 0);
      expect(await legendClashes(masks), 'masks at 1280 px').toEqual([]);
      expect(await clippedPoints(masks), 'masks at 1280 px').toEqual([]);
      const panel = page.locator('#analysis');
      const picker = panel.getByRole('combobox', { name: /^Analysis/ });
      const ids = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(ids).toEqual(expect.arrayContaining(['lmc', 'landscape', 'correlation', 'weights']));
      for (const id of ids) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await picker.selectOption(id);
        const label = (await picker.locator('option:checked').innerText()).trim();
        // the analysis runs on the harness's main thread: the click is acknowledged once it yields; its
        // charts are on screen once the panel announces this analysis finished (not the one before)
        await panel.getByRole('button', { name: 'Run analysis' }).click();
        await panel
          .getByTestId('live-announcer')
          .filter({ hasText: `${label} finished.` })
          .waitFor();
        await page.waitForFunction(() => document.querySelectorAll('#analysis .recharts-label[transform]').length > 0);
        expect(await yAxisTitleClashes(panel), `${id} at 1280 px`).toEqual([]);
        expect(await legendClashes(panel), `${id} at 1280 px`).toEqual([]);
        expect(await clippedPoints(panel), `${id} at 1280 px`).toEqual([]);
        expect(await imageButtonsWithoutPicture(panel), id).toEqual([]);
        if (id === 'weights') {
          // the SVG of a chart with a recharts legend is the chart (lines, its own size, its legend), not a legend icon
          const frame = panel
            .locator('[data-chart]')
            .filter({ has: page.locator('.recharts-legend-item') })
            .first();
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            frame.getByRole('button', { name: 'SVG', exact: true }).click(),
          ]);
          const svg = await readFile((await download.path())!, 'utf8');
          const [, w, h] = /^<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg) ?? [];
          expect(Number(w), 'exported SVG width').toBeGreaterThan(200);
          expect(Number(h), 'exported SVG height').toBeGreaterThan(150);
          expect(svg).toContain('recharts-line-curve');
          expect(svg, 'the legend drawn in').toMatch(/<text[^>]*>Ticket \(magnitude pruning\)<\/text>/);
        }
        if (id === 'correlation') {
          // the per-round correlations fill the plot's height (a fixed −1…1 axis squeezed them into its top)
          const fill = await panel.locator('[data-chart^="how-closely-size"]').evaluate((f) => {
            const plot = f.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect();
            const lines = Array.from(f.querySelectorAll('.recharts-line-curve')).map((l) => l.getBoundingClientRect());
            return (Math.max(...lines.map((l) => l.bottom)) - Math.min(...lines.map((l) => l.top))) / plot.height;
          });
          expect(fill, 'share of the correlation plot the lines span').toBeGreaterThan(0.5);
        }
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(500); // the charts re-measure their axes after the resize
        expect(await yAxisTitleClashes(panel), `${id} at 390 px`).toEqual([]);
        expect(await xAxisTitlesCut(panel), `${id} at 390 px`).toEqual([]);
        expect(await legendClashes(panel), `${id} at 390 px`).toEqual([]);
        expect(await clippedPoints(panel), `${id} at 390 px`).toEqual([]);
      }
      expect(await legendClashes(masks), 'masks at 390 px').toEqual([]);
      expect(await clippedPoints(masks), 'masks at 390 px').toEqual([]);
    });
  }, 300_000);
});
