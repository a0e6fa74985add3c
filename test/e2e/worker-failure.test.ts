// End-to-end: if the worker dies or the GPU device is lost, the UI says so and offers to
// continue on the next backend from the last finished round; in the built app and the system Chromium,
// through the page's ?debug hook (window.__labDebug.fail): a worker that dies with an error (the
// worker's error event) and one that stops silently (no event at all: only the page's heartbeat,
// src/lib/worker-watchdog.ts, can notice; `&watchdog=4` shortens its limit to 4 s). Both continue on
// cpu from the rounds stored in IndexedDB, and the charts then show exactly the stored rounds. Other jobs
// (demo, analyses, transfers) run under lab-client.watchedCall: a silent worker fails them with the reason.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2eFile } from './e2e-file';
import {
  ImpPages,
  cancelRun,
  rounds,
  runButton,
  shot,
  storedRoundCount,
  tinyQuery,
  waitDoneGens,
  waitRounds,
  waitStatus,
} from './imp-page';

const e2e = new E2eFile('worker-failure');
const pages = new ImpPages(e2e);

const fail = (page: Page, kind: 'worker-crash' | 'worker-hang') =>
  page.evaluate((k) => (window as unknown as { __labDebug: { fail(k: string): void } }).__labDebug.fail(k), kind);

/** After the click that continues on cpu: the new worker resumes the stored run and trains another round there. */
async function continuesOnCpu(page: Page, roundsAtFailure: number, screenshot: string): Promise<void> {
  await page.waitForSelector('[data-testid="imp-backend"]:text-is("cpu")', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="imp-status"].status-running', { timeout: 60_000 });
  // the new worker resumed the stored run: its progress starts at the stored rounds, not at 0
  const storedRounds = await rounds(page);
  expect(storedRounds).toBeGreaterThanOrEqual(roundsAtFailure - 1); // a round streamed just before the failure may not have been stored
  expect(storedRounds).toBeGreaterThanOrEqual(3);
  await waitDoneGens(page, 16, 60_000);
  await waitRounds(page, storedRounds + 1, 120_000); // a round trained on cpu
  await shot(page, screenshot);
  await cancelRun(page);
  await waitStatus(page, 'cancelled');
  // the charts show exactly the stored rounds (keyed by seed, method, round): none twice, none missing
  const stored = await storedRoundCount(page);
  expect(await rounds(page)).toBe(stored);
  expect(stored).toBeGreaterThan(storedRounds);
}

describe.skipIf(process.env.E2E === '0')('e2e: the compute worker fails mid-run', () => {
  e2e.hooks();
  afterEach(() => pages.closeAll());

  it('it dies with an error: the UI says so and continues on the next backend (wasm → cpu) from the last finished round', async () => {
    const page = await pages.open(`${tinyQuery('wasm', 16)}&debug=1`);
    await runButton(page, 'Start').click();
    await waitRounds(page, 4);
    await fail(page, 'worker-crash');
    const failure = page.locator('.run-error');
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.locator('p').textContent()).toMatch(
      /stopped on wasm: the compute worker stopped: .*simulated worker crash/,
    );
    await waitStatus(page, 'error');
    const roundsAtFailure = await rounds(page);
    await failure.locator('button:text-is("Continue on cpu from the last finished round")').click();
    await continuesOnCpu(page, roundsAtFailure, 'imp-continued-cpu-1280x800.png');
  }, 240_000);

  it('it stops silently: the heartbeat warns, "keep waiting" hides the warning, "stop it" continues on cpu', async () => {
    const page = await pages.open(`${tinyQuery('wasm', 16)}&debug=1&watchdog=4`);
    await runButton(page, 'Start').click();
    await waitRounds(page, 4);
    // a healthy run never triggers the 4-s limit (the worker answers between generations)
    expect(await page.locator('[data-testid="worker-silent"]').count()).toBe(0);
    await fail(page, 'worker-hang');
    const warning = page.locator('[data-testid="worker-silent"]');
    await warning.waitFor({ timeout: 30_000 });
    expect(await warning.locator('p').textContent()).toMatch(/has not answered for \d+ s/);
    expect(await page.locator('[data-testid="imp-status"]').textContent()).toBe('running'); // a warning, not a verdict
    await shot(page, 'imp-worker-silent-1280x800.png');
    await warning.locator('button:text-is("Keep waiting")').click();
    await warning.waitFor({ state: 'detached', timeout: 5_000 });
    await warning.waitFor({ timeout: 30_000 }); // still silent: the warning returns after another limit
    const roundsAtFailure = await rounds(page);
    await warning.locator('button:text-is("Stop it and continue on cpu from the last finished round")').click();
    await continuesOnCpu(page, roundsAtFailure, 'imp-continued-after-silence-cpu-1280x800.png');
  }, 240_000);

  it('other jobs (here the 2-D demo) fail with the reason when the worker stops silently, and the next run works', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 60_000);
    pages.openPages.add(page);
    await page.goto(e2e.url('view=demo&backend=wasm&debug=1&watchdog=3'));
    await page.waitForSelector('[data-testid="backend-badge"][data-backend="wasm"]', { timeout: 90_000 });
    await page.getByLabel('Generations', { exact: true }).fill('3000');
    const demoButton = (text: string) => page.locator(`.demo-controls .button-row button:text-is("${text}")`);
    await demoButton('Start').click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="gen-counter"]')?.getAttribute('data-generation')) >= 5,
      null,
      { polling: 200 },
    );
    await fail(page, 'worker-hang');
    const error = page.locator('.run-error');
    await error.first().waitFor({ timeout: 30_000 });
    expect(await error.first().textContent()).toMatch(
      /stopped answering during the 2-D demo \(no reply for \d+ s\) and was restarted/,
    );
    // a fresh worker serves the next run
    await page.waitForSelector('[data-testid="backend-badge"][data-backend]', { timeout: 30_000 });
    await demoButton('Start').click();
    const g0 = Number(await page.locator('[data-testid="gen-counter"]').getAttribute('data-generation'));
    await page.waitForFunction(
      (g) =>
        Number(document.querySelector('[data-testid="gen-counter"]')?.getAttribute('data-generation')) > g + 5 || false,
      g0,
      { timeout: 60_000, polling: 200 },
    );
  }, 180_000);
});
