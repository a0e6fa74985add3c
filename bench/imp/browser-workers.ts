/**
 * CPU workers in the browser (docs/PERFORMANCE.md "CPU workers in the browser"): the classroom preset
 * `mnist-2min` run to the end in the built app in headless system Chromium, with W = 1 and W = 2 CPU
 * workers (the choice behind the header's backend badge), each run's finish time (Start click → status
 * done) and whether its sparsity table is the W = 1 table (the split is bit-identical, so it must be;
 * test/e2e/cpu-workers.test.ts asserts that on a shrunk run of the same preset). The runs alternate
 * W = 1, W = 2 per repeat so both see the same load; the load average is recorded with every row.
 * Moved here from the e2e suite, where it was logged, not checked (a measurement, not a test).
 *   npx tsx bench/run.ts --only cpu-workers [--repeats 1]
 * Writes bench/results/cpu-workers.json. Needs the system Chromium (test/e2e/helpers.ts CHROMIUM_PATH).
 */
import os from 'node:os';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launchBrowser, startPreview } from '../../test/e2e/helpers';
import { chooseCpuWorkers, finishedRunView, runButton, waitStatus } from '../../test/e2e/imp-page';

export interface BrowserWorkersRow {
  preset: string;
  workers: number;
  repeat: number;
  finishS: number;
  /** W = 1's finish time over this run's, in the same repeat. */
  speedup: string;
  /** Whether the sparsity table equals the W = 1 run's of the same repeat. */
  sameTable: string;
  backend: string;
  load1: number;
  runtime: string;
}

const PRESET = 'mnist-2min';
/** A cap against a hung run, not a goal (the preset takes ≈ 1 min here). */
const RUN_CAP_MS = 900_000;

/** One whole run of the classroom preset with `workers` CPU workers. */
async function runPreset(browser: Browser, url: string, workers: number) {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => errors.push('renderer crashed'));
  try {
    await page.goto(url);
    await chooseCpuWorkers(page, workers);
    await page.locator(`[data-preset="${PRESET}"]`).click();
    const load1 = +os.loadavg()[0].toFixed(2);
    const t0 = Date.now();
    await runButton(page, 'Start').click();
    await waitStatus(page, 'done', RUN_CAP_MS);
    const ms = Date.now() - t0;
    const view = await finishedRunView(page);
    const { notes, table } = view;
    const backend = view.backend ?? '?';
    const split = notes.some((n) => n.includes(`split across ${workers} CPU workers`));
    if (workers > 1 && !split) console.warn(`[cpu-workers] W = ${workers}: no split note; notes: ${notes.join(' | ')}`);
    if (errors.length) console.warn(`[cpu-workers] W = ${workers}: page errors: ${errors.join(' | ')}`);
    return { ms, table: JSON.stringify(table), backend, load1 };
  } finally {
    await page.close();
  }
}

export async function runBrowserWorkersBench(opts: {
  repeats: number;
  workers?: readonly number[];
}): Promise<BrowserWorkersRow[]> {
  const workerCounts = opts.workers ?? [1, 2];
  const dist = buildApp();
  const server = await startPreview(dist);
  const browser = await launchBrowser();
  const runtime = `Chromium ${browser.version()}`;
  const rows: BrowserWorkersRow[] = [];
  try {
    for (let repeat = 1; repeat <= opts.repeats; repeat++) {
      let base: { ms: number; table: string } | null = null;
      for (const workers of workerCounts) {
        const r = await runPreset(browser, server.url, workers);
        base ??= r;
        console.log(`[cpu-workers] repeat ${repeat}, W = ${workers}: ${(r.ms / 1000).toFixed(1)} s (load ${r.load1})`);
        rows.push({
          preset: PRESET,
          workers,
          repeat,
          finishS: +(r.ms / 1000).toFixed(1),
          speedup: `${(base.ms / r.ms).toFixed(2)}×`,
          sameTable: r.table === base.table ? 'yes' : 'NO',
          backend: r.backend,
          load1: r.load1,
          runtime,
        });
      }
    }
  } finally {
    await browser.close();
    server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
  return rows;
}
