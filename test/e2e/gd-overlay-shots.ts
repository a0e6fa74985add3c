/**
 * Screenshot script (not a vitest file; run `npx tsx test/e2e/gd-overlay-shots.ts`): ES-IMP vs GD-IMP in
 * the built app and the system Chromium, from the real mnist-quick runs of runs-out/ (GD overlay,
 * ES-vs-GD LMC). The two CLI run folders are written as bundles (the GD folder's config gains its
 * `trainer: { id: 'gd' }` block from the folder's meta), imported through the Runs tab's file input, the
 * ES run is opened, and the script saves:
 *   gd-overlay-sparsity-1280x800.png  the sparsity chart (element shot, 1280×800 page) with the GD chains overlaid
 *   gd-es-lmc-1280x800.png            Analysis → LMC compared with the GD run: ES magnitude vs GD magnitude, round 6
 * Needs runs-out/mnist-quick and runs-out/gd-mnist-quick (see docs/RESULTS.md for the commands). The
 * pictures go to test-results/screenshots/; `SCREENSHOT_DIR=docs/img` refreshes the copies docs/RESULTS.md shows.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../../src/core/runs/config';
import { exportBundle } from '../../src/core/runs/bundle';
import { readFolderRecords } from '../../src/cli/folder-records';
import { REPO_ROOT, SCREENSHOT_DIR, instrumentedPage, openE2eSession } from './helpers';

async function bundleOf(dir: string, gd: boolean): Promise<string> {
  const meta = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as {
    config: unknown;
    gd?: unknown;
    command?: string;
    createdAt?: string;
  };
  const folderConfig = parseConfig(meta.config);
  // rounds.csv of a GD folder carries the 'gd_<method>' record ids; read them as such
  const reading = gd
    ? ({
        ...folderConfig,
        prune: { ...folderConfig.prune, methods: folderConfig.prune.methods.map((m) => `gd_${m}`) },
      } as ExperimentConfig)
    : folderConfig;
  const records = await readFolderRecords(dir, reading, folderConfig.seeds);
  const config = gd ? parseConfig({ ...folderConfig, trainer: { id: 'gd', params: meta.gd } }) : folderConfig;
  const file = join(await mkdtemp(join(tmpdir(), 'gd-shots-')), `${gd ? 'gd' : 'es'}-mnist-quick.json`);
  await writeFile(
    file,
    exportBundle({
      config,
      records,
      createdAt: meta.createdAt ?? new Date().toISOString(),
      ...(meta.command ? { command: meta.command } : {}),
    }),
  );
  return file;
}

const esFile = await bundleOf(join(REPO_ROOT, 'runs-out/mnist-quick'), false);
const gdFile = await bundleOf(join(REPO_ROOT, 'runs-out/gd-mnist-quick'), true);
const session = await openE2eSession();
const errors: string[] = [];
try {
  const page = await instrumentedPage(session.browser, { width: 1280, height: 800 }, 120_000, errors);
  await page.goto(`${session.server.url}?backend=wasm`);
  await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
  await page.getByRole('tab', { name: 'Runs' }).click();
  for (const f of [gdFile, esFile]) {
    await page.locator('.import-label input[type=file]').setInputFiles(f);
    await page
      .locator('.runs .ok-text')
      .filter({ hasText: f.split('/').pop()! })
      .waitFor();
  }
  await page.locator('.run-list li').filter({ hasText: 'pgpe' }).getByRole('button', { name: 'Open' }).click();
  await page.getByRole('tab', { name: 'Sparsity' }).click();
  await page.locator('[data-testid="sparsity-overlay"]').waitFor();
  await page.waitForTimeout(500);
  await page
    .locator('.results .chart-wide')
    .first()
    .screenshot({ path: join(SCREENSHOT_DIR, 'gd-overlay-sparsity-1280x800.png') });

  await page.getByRole('tab', { name: 'Analysis' }).click();
  const control = (name: RegExp) =>
    page.locator('.analysis-panel .view-controls label').filter({ hasText: name }).locator('select');
  await control(/^Compare with/).selectOption({ index: 1 });
  await page.locator('.analysis-panel').getByLabel('Rounds', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.getByText(/Interpolation paths: magnitude r6 vs gd_magnitude r6, seed 0/).waitFor({ timeout: 180_000 });
  await page.waitForTimeout(500);
  await page.locator('.analysis-panel').screenshot({ path: join(SCREENSHOT_DIR, 'gd-es-lmc-1280x800.png') });
  console.log('saved screenshots; page errors:', errors);
} finally {
  await session.close();
}
