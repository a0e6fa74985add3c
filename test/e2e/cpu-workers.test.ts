// The population split in the app: the lab worker starts
// evaluation Web Workers when "CPU workers" is above 1. A run gives the same sparsity table with 1 and 2
// CPU workers (bit-identical results, so the printed accuracies match exactly), first on a shrunk
// mnist-quick, then on the classroom preset, whose finish times with 1 and 2 workers are logged
// (docs/PERFORMANCE.md; a report, not a speed test). Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2eFile } from './e2e-file';
import { runButton, tinyMnistQuery, waitStatus } from './imp-page';

const e2e = new E2eFile('cpu-workers');

/** Runs the experiment `query` opens (the default classroom preset when empty) with `workers` CPU workers. */
async function run(query: string, workers: 1 | 2, timeoutMs: number) {
  const page: Page = await e2e.page({ width: 1280, height: 800 }, 60_000);
  try {
    await page.goto(e2e.url(query));
    // the choice sits behind the header's backend badge (src/ui/BackendBadge.tsx)
    await page.locator('[data-testid="backend-badge"]').click();
    await page.selectOption('[data-testid="cpu-workers"]', String(workers));
    await page.locator('[data-testid="backend-badge"]').click();
    if (!query) await page.locator('[data-preset="mnist-2min"]').click();
    const t0 = Date.now();
    await runButton(page, 'Start').click();
    await waitStatus(page, 'done', timeoutMs);
    const ms = Date.now() - t0;
    const notes = await page.locator('.run-controls .notice li').allTextContents();
    const chart = page.locator('[data-chart="sparsity"]');
    await chart.getByRole('button', { name: 'Show as table' }).click();
    const table = await chart
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td, th')).map((c) => c.textContent)));
    return { ms, table, notes };
  } finally {
    await page.close();
  }
}

describe.skipIf(process.env.E2E === '0')('e2e: CPU workers split the population', () => {
  e2e.hooks();

  it('a shrunk mnist-quick gives the same table with 1 and 2 CPU workers', async () => {
    const query = tinyMnistQuery({ rounds: 2, generationsPerRound: 12, evalEvery: 6 });
    const one = await run(query, 1, 180_000);
    const two = await run(query, 2, 180_000);
    expect(one.table.length).toBe(2);
    expect(two.table).toEqual(one.table);
    expect(two.notes).toContain("Each generation's population is split across 2 CPU workers.");
    expect(one.notes.some((n) => n.includes('CPU workers'))).toBe(false);
  }, 400_000);

  it('the classroom preset: same table, finish times with 1 and 2 CPU workers logged', async () => {
    const one = await run('', 1, 900_000);
    const two = await run('', 2, 900_000);
    expect(one.table.length).toBe(6);
    expect(two.table).toEqual(one.table);
    console.log(
      `[e2e cpu-workers] classroom preset mnist-2min finished in ${(one.ms / 1000).toFixed(1)} s with 1 CPU worker, ` +
        `${(two.ms / 1000).toFixed(1)} s with 2 (${(one.ms / two.ms).toFixed(2)}× faster)`,
    );
  }, 1_900_000);
});
