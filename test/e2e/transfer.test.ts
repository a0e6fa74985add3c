// End-to-end for ticket transfer ("Use this ticket for…") in the built app and the system Chromium:
// a tiny mnist-quick run (share link, wasm), then the Transfer tab: "Use this ticket for…" on the SNR
// chain's last round from the keyboard, MNIST → F-MNIST with progress and the live target chart, the
// finished source/target charts and comparison table (table view + CSV), a cancelled GD transfer, and the
// phone layout, also with a control task's wider summary table (imported Pendulum run). Screenshots at 1280×800 and 390×844 go to test-results/screenshots/. Skipped when E2E=0.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT, SCREENSHOT_DIR } from './helpers';
import { E2eFile } from './e2e-file';
import { tinyMnistQuery } from './imp-page';

const e2e = new E2eFile('transfer');

/** mnist-quick shrunk to seconds: 3 rounds × 24 generations, SNR + random/reinit chains. */
const tinyQuery = (): string =>
  tinyMnistQuery({ rounds: 3, generationsPerRound: 24, evalEvery: 6, methods: ['snr', 'random_reinit'] });

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
const transferStatus = (page: Page, s: string, timeout = 240_000) =>
  page.waitForSelector(`[data-testid="transfer-status"].status-${s}`, { timeout });

/**
 * The summary table's columns a student cannot read, and whether its rows spill out of their frame. A
 * column is readable when its header lies inside the frame, or inside a box in the frame that shows the
 * scroll cue (a shadow on the side with more columns) and, scrolled to its end, shows the last column.
 */
function unreadableSummary(page: Page): Promise<{ columns: string[]; rowsOutside: boolean }> {
  // (no named functions inside: the script runs in the page, where a test runner's name helpers do not exist)
  return page.locator('[data-chart="transfer-summary"]').evaluate((frame) => {
    const table = frame.querySelector('table')!;
    const edge = frame.getBoundingClientRect();
    let scroller: Element | null = table.parentElement;
    while (scroller && scroller !== frame && !/auto|scroll/.test(getComputedStyle(scroller).overflowX))
      scroller = scroller.parentElement;
    const scrolls =
      scroller !== null &&
      scroller !== frame &&
      scroller.getBoundingClientRect().right <= edge.right &&
      getComputedStyle(scroller).backgroundImage.includes('gradient');
    const heads = Array.from(table.querySelectorAll('thead th'));
    const hidden = heads.filter((th) => th.getBoundingClientRect().right > edge.right + 0.5);
    // a column past the edge is readable only if the box really scrolls to it: scrolled to its end, the
    // last column must lie inside the box
    let reached = !hidden.length;
    if (hidden.length && scrolls && scroller) {
      scroller.scrollLeft = scroller.scrollWidth;
      reached = heads[heads.length - 1].getBoundingClientRect().right <= scroller.getBoundingClientRect().right + 0.5;
      scroller.scrollLeft = 0;
    }
    const columns = reached ? [] : hidden.map((th) => th.textContent ?? '');
    return { columns, rowsOutside: table.getBoundingClientRect().bottom > edge.bottom + 0.5 };
  });
}

describe.skipIf(process.env.E2E === '0')('e2e: ticket transfer', () => {
  e2e.hooks();

  it('desktop: keyboard "Use this ticket for…", MNIST → F-MNIST with progress, side-by-side charts, table, cancel a GD transfer', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 90_000);
    await page.goto(e2e.url(tinyQuery()));
    await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('[data-testid="imp-status"].status-done', { timeout: 300_000 });

    await page.getByRole('tab', { name: 'Transfer' }).click();
    const panel = page.locator('.transfer-panel');
    const use = panel.getByRole('button', {
      name: /^Use this ticket for… \(round 3, Ticket \(signal-to-noise pruning\), seed 0\)$/,
    });
    await use.focus();
    await page.keyboard.press('Enter');
    const heading = panel.getByRole('heading', { name: /Transfer the ticket of round 3/ });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true); // focus moved to the setup
    expect(await panel.getByRole('radio', { name: /Another task/ }).isChecked()).toBe(true);
    expect(await panel.getByRole('combobox', { name: /Target task/ }).inputValue()).toBe('fmnist');
    await panel.getByRole('spinbutton').first().fill('24');
    await panel.getByRole('button', { name: 'Start transfer' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-chart="transfer-target"] .chart-dot').length >= 2,
      null,
      { timeout: 150_000 },
    );
    await shot(page, 'transfer-running-1280x800.png');
    await transferStatus(page, 'done');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-chart="transfer-target"] polyline, [data-chart="transfer-target"] path')
          .length >= 2,
    );
    const summary = page.locator('[data-chart="transfer-summary"] tbody tr');
    expect(await summary.count()).toBe(4); // source ticket + source random/reinit, target ticket + baseline
    // a table, not a picture: CSV only, no image export that could only fail and no chart to toggle to
    const summaryActions = page.locator('[data-chart="transfer-summary"] .chart-actions button');
    expect(await summaryActions.allInnerTexts()).toEqual(['CSV']);
    await page.locator('[data-chart="transfer-setup"], .transfer-setup').first().scrollIntoViewIfNeeded();
    await shot(page, 'transfer-done-1280x800.png');
    // table view of the target chart: one row per evaluated step
    await page.locator('[data-chart="transfer-target"]').getByRole('button', { name: 'Show as table' }).click();
    expect(await page.locator('[data-chart="transfer-target"] tbody tr').count()).toBeGreaterThanOrEqual(4);
    await page.locator('[data-chart="transfer-target"]').getByRole('button', { name: 'Show as chart' }).click();

    // GD target, cancelled while it trains
    await panel.getByRole('radio', { name: /Gradient descent/ }).check();
    await panel.getByRole('button', { name: 'Start transfer' }).click();
    await transferStatus(page, 'running');
    await page.waitForTimeout(1500);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await transferStatus(page, 'cancelled', 60_000);
    await page.close();
  }, 600_000);

  it('phone 390×844: the transfer tab fits without horizontal scrolling', async () => {
    const page = await e2e.page({ width: 390, height: 844 }, 90_000);
    await page.goto(e2e.url(tinyQuery()));
    await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('[data-testid="imp-status"].status-done', { timeout: 300_000 });
    await page.getByRole('tab', { name: 'Transfer' }).click();
    await page
      .locator('.transfer-panel')
      .getByRole('button', { name: /\(round 2, Ticket \(signal-to-noise pruning\), seed 0\)$/ })
      .click();
    const panel = page.locator('.transfer-panel');
    await panel.getByRole('radio', { name: /Another ES/ }).check();
    await panel.getByRole('spinbutton', { name: /Generations/ }).fill('12');
    await panel.getByRole('button', { name: 'Start transfer' }).click();
    await transferStatus(page, 'done');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('.transfer-setup').scrollIntoViewIfNeeded();
    await shot(page, 'transfer-done-390x844.png');
    await page.close();
  }, 500_000);

  it('phone 390×844: a control task’s wider summary (returns) keeps every column readable', async () => {
    // an imported Pendulum run: negative returns ("-1346.46") make the table wider than a phone
    const page = await e2e.page({ width: 390, height: 844 }, 90_000);
    await page.goto(e2e.url());
    await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
    await page.getByRole('tab', { name: 'Runs' }).click();
    await page
      .getByRole('button', { name: 'Import a run bundle (.json)' })
      .setInputFiles(join(REPO_ROOT, 'public/precomputed/pendulum-quick.json.gz'));
    await page.locator('.run-list li').first().getByRole('button', { name: 'Open' }).click();
    await page.getByRole('tab', { name: 'Transfer' }).click();
    const panel = page.locator('.transfer-panel');
    await panel.getByRole('button', { name: /\(round 2, Ticket \(signal-to-noise pruning\), seed 0\)$/ }).click();
    await panel.getByRole('radio', { name: /Another ES/ }).check();
    await panel.getByRole('spinbutton', { name: /Generations/ }).fill('6');
    await panel.getByRole('button', { name: 'Start transfer' }).click();
    await transferStatus(page, 'done');
    expect(await unreadableSummary(page)).toEqual({ columns: [], rowsOutside: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.locator('[data-chart="transfer-summary"]').scrollIntoViewIfNeeded();
    await shot(page, 'transfer-summary-pendulum-390x844.png');
    await page.close();
  }, 300_000);
});
