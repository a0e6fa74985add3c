// End-to-end for the precomputed bundles and multi-seed sweeps in the built app and the system
// Chromium: choosing the mnist-quick preset draws its shipped precomputed curves at once (no run), labelled
// with the command and date, and they can be hidden; a corrupt bundle (served through page.route) gives a
// message and the page keeps working; a tiny 2-seed CartPole config with navigator.hardwareConcurrency = 4
// runs as a sweep across 2 workers, pauses and resumes all of them, ends with mean ± band over seeds, and
// its per-seed stored runs are reassembled when the page is reloaded.
// Screenshots go to test-results/screenshots/ (look at them). Skipped only when E2E=0.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/runs/config';
import { getPreset } from '../../src/core/runs/presets';
import { encodeShareQuery } from '../../src/core/runs/url-codec';
import { SCREENSHOT_DIR } from './helpers';
import { E2eFile } from './e2e-file';

const e2e = new E2eFile('precomputed');
const progressAttr = (name: string) =>
  `Number(document.querySelector('[data-testid="imp-progress"]')?.getAttribute('${name}'))`;

describe.skipIf(process.env.E2E === '0')('e2e: precomputed overlay and sweeps across workers', () => {
  e2e.hooks();

  it('the mnist-quick preset shows its precomputed curves at once, labelled, and they can be hidden', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 60_000);
    await page.goto(e2e.url());
    await page.locator('[data-preset="mnist-quick"]').click();
    const chart = page.locator('[data-chart="sparsity"]');
    await chart.locator('[data-precomputed="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(progressAttr('data-rounds'))).toBe(0); // nothing has run
    const svg = () => chart.locator('svg.chart-svg').innerHTML();
    expect(await svg()).toContain('Ticket, magnitude pruning — precomputed'); // one bracket-free label (core/names.ts)
    expect(await chart.locator('[data-precomputed] label').innerText()).toMatch(/MNIST quick.*run on \d{4}-\d\d-\d\d/);
    await chart.locator('[data-precomputed] summary').click(); // the commands sit behind "How … was made"
    expect(await chart.locator('[data-precomputed] details').innerText()).toMatch(
      /npm run lab -- imp --preset mnist-quick/,
    );
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: join(SCREENSHOT_DIR, 'precomputed-overlay-mnist-quick-1280x800.png') });
    await chart.locator('[data-precomputed] input[type=checkbox]').uncheck();
    await expect
      .poll(
        async () => (await chart.locator('svg.chart-svg').count()) === 0 || !(await svg()).includes('— precomputed'),
      )
      .toBe(true);
    await page.close();
  }, 120_000);

  it('a corrupt bundle gives a message and nothing breaks', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 60_000);
    await page.route('**/precomputed/mnist-quick.json.gz', (r) =>
      r.fulfill({ status: 200, contentType: 'application/gzip', body: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]) }),
    );
    await page.goto(e2e.url());
    await page.locator('[data-preset="mnist-quick"]').click();
    const note = page.locator('[data-precomputed="error"]');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.innerText()).toMatch(
      /Precomputed result not shown: the precomputed result for mnist-quick is unreadable/,
    );
    await page.locator('[data-preset="cartpole-reduced"]').click(); // the page still works: another preset's bundle loads
    await page.locator('[data-precomputed="ready"]').waitFor({ timeout: 30_000 });
    await page.close();
  }, 120_000);

  it('2 seeds run across 2 workers: per-seed progress, pause/resume of both, mean ± band at the end', async () => {
    const base = getPreset('cartpole-reduced').config;
    const config = parseConfig({
      ...base,
      task: { id: 'cartpole', params: { episodes: 1, testEpisodes: 4 } },
      es: { ...base.es, popSize: 8 },
      prune: { ...base.prune, methods: ['magnitude', 'snr'], rounds: 2 },
      budget: { generationsPerRound: 120, evalEvery: 60 },
      seeds: [0, 1],
      backend: 'wasm',
    });
    const page = await e2e.page({ width: 1280, height: 800 }, 60_000);
    await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
    await page.goto(e2e.url(encodeShareQuery(config)));
    await page.locator('.run-controls .button-row button:text-is("Start")').click();
    const pool = page.locator('[data-testid="seed-pool"]');
    await pool.waitFor({ timeout: 60_000 });
    expect(await pool.innerText()).toMatch(/2 seeds across 2 workers/);
    await page.waitForFunction(`${progressAttr('data-done-gens')} >= 2`, null, { timeout: 120_000, polling: 100 });
    await page.locator('.run-controls .button-row button:text-is("Pause")').click();
    await page.waitForSelector('[data-testid="imp-status"].status-paused', { timeout: 150_000 }); // a starved 2-core box is slow to deliver it
    expect(await pool.locator('li[data-status="done"]').count()).toBe(0); // paused mid-run, not after it
    await page.locator('.run-controls .button-row button:text-is("Resume")').click();
    await page.waitForSelector('[data-testid="imp-status"].status-done', { timeout: 180_000 });
    expect(await page.evaluate(progressAttr('data-rounds'))).toBe(2 * 2 * 2);
    expect(await pool.locator('li[data-status="done"]').count()).toBe(2);
    expect(await page.locator('[data-chart="sparsity"]').innerText()).toMatch(
      /per-seed curves \(2 seeds; band = mean ± 1 s\.d\.\)/,
    );
    await page.locator('.run-controls').screenshot({ path: join(SCREENSHOT_DIR, 'sweep-workers-done-1280x800.png') });
    // Each seed was stored as its own run; reopening the 2-seed config reassembles them.
    await page.reload();
    await page.waitForFunction(
      () =>
        /Showing a stored run: 8 trained networks \(one per round, pruning method and seed\)/.test(
          document.querySelector('.results')?.textContent ?? '',
        ),
      null,
      { timeout: 60_000 },
    );
    await page.close();
  }, 480_000);
});
