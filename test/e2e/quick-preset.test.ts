// The first-visit promise, as a new user meets the lab: open the built app with no link and no settings,
// click the classroom preset (mnist-2min, the default), press Start with the backend on 'auto' (which
// skips the software WebGPU/WebGL of a GPU-less machine and lands on WASM), see a live experiment (the time
// from the click is logged against the 10 s goal; the test only caps it at 60 s, so a loaded CI machine does
// not fail a speed goal — speed goals are measured in `npm run bench`), and a finished 6-round sparsity curve with its random-reinit baseline — in which the
// tickets clearly beat the baseline at the highest sparsity. The whole run's time is logged next to the
// preset's stated cost (a cap, not a speed test: speed goals live in `npm run bench`).
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/core/runs/presets';
import { E2eFile } from './e2e-file';
import { runButton, shot, waitDoneGens, waitStatus } from './imp-page';
import { REGRESSION_CPU_MS, measureMainThread } from './main-thread';

const e2e = new E2eFile('quick-preset');
/** A hang, not a speed goal: the 10 s goal is logged below and reported in docs/PERFORMANCE.md. */
const LIVE_CAP_MS = 60_000;

describe.skipIf(process.env.E2E === '0')('e2e: a new user runs the classroom preset', () => {
  e2e.hooks();

  it('the default preset goes live on auto (→ wasm) and finishes with tickets above the baseline', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 60_000);
    await page.goto(e2e.url());
    const card = page.locator('[data-preset="mnist-2min"]');
    expect(await card.getAttribute('aria-pressed')).toBe('true'); // the default choice
    await card.click();
    const tClick = Date.now();
    await runButton(page, 'Start').click();
    // live: generations counted and the round's fitness curve drawn
    await waitDoneGens(page, 1, LIVE_CAP_MS);
    await page.waitForSelector('[data-chart="fitness"] svg.chart-svg .series path', {
      timeout: Math.max(1000, LIVE_CAP_MS - (Date.now() - tClick)),
    });
    const liveMs = Date.now() - tClick;
    expect(liveMs).toBeLessThan(LIVE_CAP_MS);
    const badge = page.locator('[data-testid="backend-badge"]');
    expect(await badge.getAttribute('data-backend')).toBe('wasm');
    await badge.click();
    const attempts = await page.locator('.attempts li').allTextContents();
    console.log(
      `[e2e quick-preset] live after ${liveMs} ms (goal 10,000 ms: ${liveMs <= 10_000 ? 'met' : 'NOT met'}); backend attempts: ${attempts.join(' | ')}`,
    );
    await badge.click();

    const streaming = await measureMainThread(page, 'quick-preset', 'the whole classroom run');
    await waitStatus(page, 'done', 600_000);
    const runMs = Date.now() - tClick;
    expect((await streaming.stop()).worstCpuMs).toBeLessThan(REGRESSION_CPU_MS);
    console.log(
      `[e2e quick-preset] finished after ${(runMs / 1000).toFixed(0)} s (stated: ${getPreset('mnist-2min').expectedCost})`,
    );
    await shot(page, 'quick-preset-done-1280x800.png');

    // the finished curve, read from the chart's table view: 6 rounds, tickets vs the random-reinit baseline
    const chart = page.locator('[data-chart="sparsity"]');
    await chart.getByRole('button', { name: 'Show as table' }).click();
    const header = await chart.locator('thead th').allTextContents();
    const rows = await chart
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td, th')).map((c) => Number(c.textContent))),
      );
    expect(rows).toHaveLength(6);
    // headers name the curves as the legend does, values in the chart's units (%)
    const col = (prefix: string) => header.findIndex((h) => h.startsWith(prefix));
    const last = rows[rows.length - 1];
    const remaining = last[col('weights remaining (%)')];
    expect(remaining).toBeCloseTo(100 * 0.65 ** 5, 1);
    const magnitude = last[col('Ticket (magnitude pruning): test accuracy (%)')],
      snr = last[col('Ticket (signal-to-noise pruning): test accuracy (%)')],
      baseline = last[col('Random mask, new weights (baseline): test accuracy (%)')];
    console.log(
      `[e2e quick-preset] at ${remaining} % remaining: magnitude ${magnitude} %, snr ${snr} %, random/reinit ${baseline} %`,
    );
    // measured in Node for seed 0 (docs/RESULTS.md §1.2): tickets 83.9 / 84.1 % vs 63.2 %
    expect(Math.max(magnitude, snr) - baseline).toBeGreaterThan(5);
    await page.close();
  }, 720_000);
});
