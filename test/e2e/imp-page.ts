/**
 * Page helpers for the e2e files that drive the ES-IMP experiment view (imp.test.ts,
 * worker-failure.test.ts): a tiny share-link config, the run's status/rounds/generations read from
 * data attributes, waits, run-control buttons by cheap CSS queries (Playwright's role queries compute
 * ARIA names over the whole page, themselves 20–300 ms main-thread tasks while a run streams), and a
 * page opener that tracks pages so each test can close what it opened even when it fails.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseConfig } from '../../src/core/runs/config';
import { getPreset } from '../../src/core/runs/presets';
import { encodeShareQuery } from '../../src/core/runs/url-codec';
import { SCREENSHOT_DIR } from './helpers';
import type { E2eFile } from './e2e-file';

/** mnist-quick shrunk to seconds as a share-link query: P = 16, wasm unless `backend` says otherwise, seed 0. */
export function tinyMnistQuery(o: {
  rounds: number;
  generationsPerRound: number;
  evalEvery: number;
  methods?: readonly string[];
  backend?: 'auto' | 'wasm';
}): string {
  const base = getPreset('mnist-quick').config;
  const prune = { ...base.prune, ...(o.methods ? { methods: [...o.methods] } : {}), rounds: o.rounds };
  const config = parseConfig({
    ...base,
    es: { ...base.es, popSize: 16 },
    prune,
    budget: { generationsPerRound: o.generationsPerRound, evalEvery: o.evalEvery },
    backend: o.backend ?? 'wasm',
  });
  return encodeShareQuery(config, { seed: 0 });
}

/** 4 rounds × `generationsPerRound` generations, all three IMP chains. */
export function tinyQuery(backend: 'auto' | 'wasm', generationsPerRound = 24): string {
  return tinyMnistQuery({ rounds: 4, generationsPerRound, evalEvery: 12, backend });
}

const progressAttr = (page: Page, name: string) =>
  page.evaluate((n) => Number(document.querySelector('[data-testid="imp-progress"]')?.getAttribute(n)), name);
export const rounds = (page: Page) => progressAttr(page, 'data-rounds');
export const doneGens = (page: Page) => progressAttr(page, 'data-done-gens');
export const status = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-testid="imp-status"]')?.getAttribute('data-status'));
export const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
export const waitStatus = (page: Page, s: string, timeout = 120_000) =>
  page.waitForSelector(`[data-testid="imp-status"].status-${s}`, { timeout });
export const waitRounds = (page: Page, n: number, timeout = 120_000) =>
  page.waitForFunction(
    (k) => Number(document.querySelector('[data-testid="imp-progress"]')?.getAttribute('data-rounds')) >= k,
    n,
    { timeout, polling: 250 },
  );
export const waitDoneGens = (page: Page, n: number, timeout = 120_000) =>
  page.waitForFunction(
    (k) => Number(document.querySelector('[data-testid="imp-progress"]')?.getAttribute('data-done-gens')) >= k,
    n,
    { timeout, polling: 250 },
  );
/** A run-control button by its text, found with a cheap CSS query (no ARIA-name computation). */
export const runButton = (page: Page, text: string) =>
  page.locator(`.run-controls .button-row button:text-is("${text}")`);

/** Sets the "CPU workers" choice, which sits behind the header's backend badge (src/ui/BackendBadge.tsx). */
export async function chooseCpuWorkers(page: Page, workers: number): Promise<void> {
  const badge = page.locator('[data-testid="backend-badge"]');
  await badge.click();
  await page.selectOption('[data-testid="cpu-workers"]', String(workers));
  await badge.click();
}

/** What a finished run shows: its backend, the run panel's notes and the sparsity chart's table (cell texts). */
export async function finishedRunView(page: Page) {
  const backend = await page.locator('[data-testid="backend-badge"]').getAttribute('data-backend');
  const notes = await page.locator('.run-controls .notice li').allTextContents();
  const chart = page.locator('[data-chart="sparsity"]');
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const table = await chart
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td, th')).map((c) => c.textContent)));
  return { backend, notes, table };
}

/** Cancel asks first (src/ui/experiment/CancelRunDialog.tsx): presses Cancel, then the dialog's "Cancel the run". */
export async function cancelRun(page: Page): Promise<void> {
  await runButton(page, 'Cancel').click();
  await page.locator('[data-testid="cancel-run-dialog"] button:text-is("Cancel the run")').click();
}

/** Records in one store of the page's IndexedDB: 'rounds' (what a resumed run continues from), 'runs' (the Runs list). */
export const storedCount = (page: Page, store: 'rounds' | 'runs') =>
  page.evaluate(
    (name) =>
      new Promise<number>((res, rej) => {
        const req = indexedDB.open('es-lottery-lab');
        req.onerror = () => rej(req.error);
        req.onsuccess = () => {
          const db = req.result,
            count = db.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            res(count.result);
            db.close();
          };
          count.onerror = () => rej(count.error);
        };
      }),
    store,
  );

/** Rounds stored in the page's IndexedDB (what a resumed run continues from). */
export const storedRoundCount = (page: Page) => storedCount(page, 'rounds');

/** Opens the experiment view with `query`; pages are collected in `openPages` for the test's cleanup. */
export class ImpPages {
  readonly openPages = new Set<Page>();
  constructor(private readonly e2e: E2eFile) {}

  async open(query: string, viewport = { width: 1280, height: 800 }, existing?: Page): Promise<Page> {
    const page = existing ?? (await this.e2e.page(viewport, 90_000));
    this.openPages.add(page);
    await page.goto(this.e2e.url(query));
    await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
    return page;
  }

  async closeAll(): Promise<void> {
    for (const p of this.openPages) await p.close().catch(() => undefined);
    this.openPages.clear();
  }
}
