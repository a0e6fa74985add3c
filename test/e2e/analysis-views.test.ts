// The analysis views in the view harness (fixtures/views.html: real core code on the page's main thread
// over a synthetic 14×14 task, served by the Vite dev server) in the system Chromium: the weight statistics'
// charts of every analysis (LMC, landscape, correlation, weight statistics) keep each y-axis title clear of
// its tick labels, at 1280 px and on a phone (390 px), and on the phone no x-axis title runs past its chart;
// the mean-W ticks ("0.0042", "-0.0021") are the longest of the app's plots. Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import { withDevServerPage } from './helpers';
import { xAxisTitlesCut, yAxisTitleClashes } from './axis-labels';

describe.skipIf(process.env.E2E === '0')('e2e: analysis views (view harness)', () => {
  it('every analysis chart: no y-axis title overlaps its tick labels, no x-axis title is cut off', async () => {
    await withDevServerPage(300_000, async (page) => {
      await page.goto(new URL('/test/e2e/fixtures/views.html', page.url()).href);
      await page.waitForSelector('#masks canvas');
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
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(500); // the charts re-measure their axes after the resize
        expect(await yAxisTitleClashes(panel), `${id} at 390 px`).toEqual([]);
        expect(await xAxisTitlesCut(panel), `${id} at 390 px`).toEqual([]);
      }
    });
  }, 300_000);
});
