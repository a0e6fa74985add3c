// End-to-end: the built app in the system Chromium. Forces WASM, runs the 2-D ES
// demo, checks the generation counter and the canvas advance, pause/resume/cancel, inline validation,
// the main thread's longest task, that the experiment's Start waits for a running demo, and saves
// screenshots at 1280×800 and 390×844 to test-results/screenshots/ (look at them).
// Skipped only when E2E=0 (e.g. on a machine without Chromium).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './helpers';
import { E2eFile } from './e2e-file';
import { STREAMING_CPU_MS, measureMainThread } from './main-thread';

const e2e = new E2eFile('demo');

const generation = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[data-testid="gen-counter"]')!.getAttribute('data-generation')));
const canvasPixels = (page: Page) =>
  page.evaluate(() => (document.querySelector('[data-testid="demo-canvas"]') as HTMLCanvasElement).toDataURL());
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
/**
 * A demo control button by its text via a cheap CSS query: while the demo streams, Playwright's role
 * queries (ARIA names over the whole page) are slow main-thread tasks of their own on a loaded 2-core box.
 */
const demoButton = (page: Page, text: string) => page.locator(`.demo-controls .button-row button:text-is("${text}")`);

async function waitForGeneration(page: Page, atLeast: number, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="gen-counter"]')?.getAttribute('data-generation')) >= n,
    atLeast,
    { timeout: timeoutMs, polling: 200 },
  );
  return generation(page);
}

/** Opens the app, records long tasks, forces WASM and waits until the worker reports it. */
async function openOnWasm(viewport: { width: number; height: number }): Promise<Page> {
  // generous: CI machines have 2 cores shared by the worker, the page and the test runner
  const page = await e2e.page(viewport, 60_000);
  await page.goto(e2e.url('view=demo&backend=wasm')); // wasm from the start: software WebGPU init stalls a loaded CI box
  await page.getByRole('heading', { level: 1 }).waitFor();
  // the backend's choices sit behind the header's badge (src/ui/BackendBadge.tsx)
  await page.locator('[data-testid="backend-badge"]').click();
  await page.getByLabel('Backend preference').selectOption('wasm');
  await page.locator('[data-testid="backend-badge"]').click();
  await page.waitForSelector('[data-testid="backend-badge"][data-backend="wasm"]', { timeout: 90_000 });
  return page;
}

describe.skipIf(process.env.E2E === '0')('e2e: 2-D ES demo in the built app', () => {
  e2e.hooks();

  it('desktop 1280×800: backend chain, start, canvas changes, pause/resume/cancel, validation', async () => {
    const page = await openOnWasm({ width: 1280, height: 800 });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ES Lottery Lab');
    // the badge explains the skipped backends
    await page.locator('[data-testid="backend-badge"]').click();
    const attempts = await page.locator('.attempts li').allTextContents();
    expect(attempts.some((t) => /wasm ✓ active/.test(t))).toBe(true);
    // settings panel generated from paramSpecs: at least one field per registered parameter
    expect(await page.locator('.fields .field').count()).toBeGreaterThan(2);
    await page.locator('[data-testid="backend-badge"]').click();

    // inline validation: odd popsize for the antithetic default strategy, then out of range
    const pop = page.getByLabel('Population size', { exact: true });
    await pop.fill('15');
    expect(await page.locator('#demo-popSize-err').textContent()).toMatch(/even/);
    await pop.fill('2');
    expect(await page.locator('#demo-popSize-err').textContent()).toMatch(/\[4, 256\]/);
    expect(await page.getByRole('button', { name: 'Start' }).isDisabled()).toBe(true);
    await pop.fill('24');
    await page.getByLabel('Generations', { exact: true }).fill('3000');
    await page.getByLabel('Test function', { exact: true }).selectOption('rosenbrock');
    await page.waitForTimeout(300); // grid for the new function
    const before = await canvasPixels(page);

    await demoButton(page, 'Start').click();
    const g1 = await waitForGeneration(page, 5);
    const c1 = await canvasPixels(page);
    expect(c1).not.toBe(before);
    const g2 = await waitForGeneration(page, g1 + 10);
    expect(await canvasPixels(page)).not.toBe(c1);
    expect(g2).toBeGreaterThan(g1);
    await shot(page, 'demo-running-1280x800.png');
    // measured from here (the canvas reads and the screenshot above are the test's own main-thread work)
    const streaming = await measureMainThread(page, 'demo', 'streaming, pause and resume');
    await waitForGeneration(page, g2 + 20);

    await demoButton(page, 'Pause').click();
    await page.waitForTimeout(200);
    const gPaused = await generation(page);
    await page.waitForTimeout(600);
    expect(await generation(page)).toBe(gPaused);
    expect(await page.locator('.status').textContent()).toBe('paused');

    await demoButton(page, 'Resume').click();
    await waitForGeneration(page, gPaused + 5);
    // no main-thread task over 50 ms while the demo streams (renderer CPU time; wall logged)
    expect((await streaming.stop()).worstCpuMs).toBeLessThan(STREAMING_CPU_MS);

    await demoButton(page, 'Cancel').click();
    await page.waitForSelector('.status-cancelled');
    const gCancelled = await generation(page);
    await page.waitForTimeout(400);
    expect(await generation(page)).toBe(gCancelled);
    expect(gCancelled).toBeLessThan(3000);
    // the best-score chart drew its two lines
    expect(await page.locator('[aria-labelledby="best-h"] svg.chart-svg .series path').count()).toBe(2);
    await page.getByRole('button', { name: 'Show as table' }).click();
    expect(await page.locator('.table-scroll tbody tr').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Show as chart' }).click();

    // a help toggle opens its text (keyboard: focus + Enter)
    const help = page.locator('.help-toggle').first();
    await help.focus();
    await page.keyboard.press('Enter');
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    await shot(page, 'demo-cancelled-1280x800.png');

    await page.close();
  });

  it('phone 390×844: the demo runs and the layout fits the width', async () => {
    const page = await openOnWasm({ width: 390, height: 844 });
    await page.getByLabel('Generations', { exact: true }).fill('3000'); // still running when Cancel is clicked
    const t0 = Date.now();
    await demoButton(page, 'Start').click();
    await waitForGeneration(page, 40);
    console.log(`[e2e] phone: 40 generations after ${Date.now() - t0} ms`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'demo-running-390x844.png');

    // The demo and a run share the one worker: the experiment's Start waits, with a way to stop the demo
    // (before, Start was offered and its "worker busy" failure offered to continue on another backend).
    await page.getByRole('button', { name: 'Lottery-ticket experiment' }).click();
    const start = page.locator('.run-controls .button-row button:text-is("Start")');
    await page.getByTestId('start-blocked-demo').waitFor();
    expect(await start.isDisabled()).toBe(true);
    await page.getByTestId('start-blocked-demo').screenshot({ path: join(SCREENSHOT_DIR, 'start-blocked-demo.png') });
    await page.getByRole('button', { name: 'Stop the 2-D demo' }).click();
    await page.getByTestId('start-blocked-demo').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await start.isDisabled()).toBe(false);
    await page.getByRole('button', { name: '2-D ES demo' }).click();
    await page.waitForSelector('.status-cancelled');
    await page.close();
  });
});
