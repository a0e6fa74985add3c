// End-to-end for the GD-IMP baseline in the lab: on a shrunk mnist-quick (share link, wasm),
// "Run GD-IMP baseline" trains the form's task/network/seed/schedule with Adam in the worker (the gradient
// registry loads on demand inside the worker bundle), streams and stores its rounds; then the ES run of the
// form, whose sparsity chart overlays the stored GD chains, labelled. Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import { E2eFile } from './e2e-file';
import { tinyMnistQuery } from './imp-page';

const e2e = new E2eFile('gd');

/** mnist-quick shrunk to seconds: 2 rounds × 12 generations, magnitude chain only. */
const tinyQuery = (): string =>
  tinyMnistQuery({ rounds: 2, generationsPerRound: 12, evalEvery: 6, methods: ['magnitude'] });

describe.skipIf(process.env.E2E === '0')('e2e: GD-IMP baseline', () => {
  e2e.hooks();

  it("runs GD-IMP for the form's experiment in the worker, then ES; the ES curves carry the GD overlay", async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 90_000);
    await page.goto(e2e.url(tinyQuery()));
    await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
    const gd = page.locator('[data-testid="gd-baseline"]');
    await gd.locator('summary').click();
    await gd.getByLabel('Batch size').fill('1024'); // 58 Adam steps per round on MNIST's 60 000 images
    await gd.getByRole('button', { name: 'Run GD-IMP baseline' }).click();
    await page.waitForSelector('[data-testid="imp-status"]:not(.status-done)', { timeout: 10_000 });
    await page.waitForSelector('[data-testid="imp-status"]:is(.status-done, .status-error)', { timeout: 240_000 });
    expect((await page.locator('.run-error').count()) ? await page.locator('.run-error').textContent() : 'ok').toBe(
      'ok',
    );
    expect(await page.locator('[data-testid="imp-progress"]').getAttribute('data-rounds')).toBe('2');
    expect(await page.locator('.run-controls').textContent()).toContain(
      'Gradient descent (Adam, learning rate 0.0003, batch 1024',
    );
    // then the ES run of the form: once it is done, the stored GD run is overlaid on its curves
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('[data-testid="imp-status"]:not(.status-done)', { timeout: 10_000 });
    await page.waitForSelector('[data-testid="imp-status"].status-done', { timeout: 120_000 });
    await page.waitForFunction(
      () =>
        /^Shown: PGPE, 16 per generation.*Overlaid from a stored run: gradient descent \(Adam, learning rate 0.0003/.test(
          document.querySelector('[data-testid="sparsity-overlay"]')?.textContent ?? '',
        ),
      null,
      { timeout: 30_000 },
    );
    expect(await page.locator('.results .chart-wide').textContent()).toContain('GD · Ticket (magnitude pruning)');
    await page.close();
  }, 300_000);
});
