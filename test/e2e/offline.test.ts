// The built app works without a network after one visit (classroom Wi-Fi is flaky): open it once, wait
// until the header says everything is saved (the Workbox service worker's precache of the app, then every
// data set file and precomputed bundle fetched into its caches), then stop the server AND set the browser
// context offline, and reload: the app, a preset's precomputed curves and a short MNIST run (its data set
// read from the cache by the compute worker) all work. Also checks the web app manifest that makes the lab
// installable. Runs on its own `vite preview` of the shared build so stopping it cannot disturb other files.
// Skipped only when E2E=0.
import { describe, expect, it } from 'vitest';
import { startPreview } from './helpers';
import { E2eFile } from './e2e-file';
import { runButton, tinyMnistQuery, waitStatus } from './imp-page';
import { offlineFiles } from '../../src/ui/offline/offline-files';

const e2e = new E2eFile('offline');

describe.skipIf(process.env.E2E === '0')('e2e: the lab works offline after one visit', () => {
  e2e.hooks();

  it('is installable, saves itself, and reloads, shows precomputed curves and runs with the network off', async () => {
    const server = await startPreview(e2e.session.server.outDir);
    const page = await e2e.page({ width: 1280, height: 800 }, 60_000);
    try {
      await page.goto(server.url);
      // installable: a manifest with a name, a start URL and 192 / 512 px icons, served by the app
      const manifest = await page.evaluate(async () => {
        const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href;
        return href ? ((await (await fetch(href)).json()) as { name: string; icons: { sizes: string }[] }) : null;
      });
      expect(manifest?.name).toBe('ES Lottery Lab');
      expect(manifest?.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

      const status = page.locator('[data-offline]');
      await page.locator('[data-offline="ready"]').waitFor({ timeout: 180_000 });
      expect(await status.innerText()).toBe('Works offline');
      const cached = await page.evaluate(async () => {
        let n = 0;
        for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
        return n;
      });
      expect(cached).toBeGreaterThan(offlineFiles().length); // the data files plus the app's precache

      server.stop();
      await page.context().setOffline(true);
      await expect
        .poll(() =>
          fetch(server.url).then(
            () => 'up',
            () => 'down',
          ),
        )
        .toBe('down');

      // the app itself, from the service worker's precache
      await page.reload();
      await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
      expect(await page.locator('.offline-status').innerText()).toMatch(/No network/);
      // a preset's precomputed bundle, from the run-time cache
      await page.locator('[data-preset="mnist-quick"]').click();
      await page.locator('[data-chart="sparsity"] [data-precomputed="ready"]').waitFor({ timeout: 30_000 });

      // a short run: the worker reads MNIST from the cache
      await page.goto(`${server.url}?${tinyMnistQuery({ rounds: 1, generationsPerRound: 4, evalEvery: 2 })}`);
      await runButton(page, 'Start').click();
      await waitStatus(page, 'done', 120_000);
      expect(await page.locator('.run-error').count()).toBe(0);
    } finally {
      await page.close();
      server.stop();
    }
  }, 420_000);
});
