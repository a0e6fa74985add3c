// The analysis views in the view harness (fixtures/views.html: real core code on the page's main thread
// over a synthetic 14×14 task, served by the Vite dev server) in the system Chromium: the weight statistics'
// charts keep each y-axis title clear of its tick labels, at 1280 px and on a phone (390 px), where the
// mean-W ticks ("0.0042", "-0.0021") are the longest of the app's plots. Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import { withDevServerPage } from './helpers';
import { yAxisTitleClashes } from './axis-labels';

describe.skipIf(process.env.E2E === '0')('e2e: analysis views (view harness)', () => {
  it('weight statistics: no y-axis title overlaps its tick labels', async () => {
    await withDevServerPage(180_000, async (page) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(new URL('/test/e2e/fixtures/views.html', page.url()).href);
      await page.waitForSelector('#masks canvas');
      const panel = page.locator('#analysis');
      await panel.getByRole('combobox', { name: /^Analysis/ }).selectOption('weights');
      // the analysis runs on the harness's main thread: the click is acknowledged once it yields
      await panel.getByRole('button', { name: 'Run analysis' }).click();
      await page.waitForFunction(() => !document.querySelector('#analysis progress'));
      await page.waitForFunction(() => document.querySelectorAll('#analysis .recharts-label[transform]').length === 3);
      expect(await yAxisTitleClashes(panel)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(500); // the charts re-measure their axes after the resize
      expect(await yAxisTitleClashes(panel)).toEqual([]);
    });
  }, 240_000);
});
