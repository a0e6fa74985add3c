// End-to-end for the Runs tab's sweep import: the tiny CartPole sweep is run and collected with
// `lab sweep run` + `lab sweep collect --bundles` (in this process), its two bundles are chosen together
// in the Runs tab, both configurations are stored and drawn on one chart whose table holds the numbers of
// the sweep's summary.csv; the method picker thins the chart; a set with one corrupt file stores nothing.
// The screenshot goes to test-results/ (look at it). Skipped only when E2E=0.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { writeTinySweep } from '../helpers/tiny-sweep';
import { REPO_ROOT } from './helpers';
import { E2eFile } from './e2e-file';

const e2e = new E2eFile('sweep-import');
let tmp = '',
  bundles: string[] = [],
  summary: string[][] = [];

describe.skipIf(process.env.E2E === '0')('e2e: import a collected sweep into the Runs tab', () => {
  e2e.hooks();

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'lab-sweep-e2e-'));
    const file = await writeTinySweep(tmp);
    const out = join(tmp, 'sweep');
    expect((await runCli(['sweep', 'run', file, '--out', out, '--quiet'])).code).toBe(0);
    expect((await runCli(['sweep', 'collect', out, '--bundles'])).code).toBe(0);
    bundles = (await readdir(join(out, 'bundles'))).map((f) => join(out, 'bundles', f));
    summary = (await readFile(join(out, 'summary.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
  }, 120_000);
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('stores every configuration and overlays them with the summary numbers', async () => {
    const page = await e2e.page({ width: 1280, height: 900 }, 60_000);
    await page.goto(e2e.url());
    await page.getByRole('tab', { name: 'Runs' }).click();

    // One corrupt file among good ones: nothing is stored, the message names the file.
    const bad = join(tmp, 'broken.json.gz');
    await writeFile(bad, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    await page.getByTestId('sweep-import').setInputFiles([bundles[0], bad]);
    await expect
      .poll(() => page.getByTestId('runs-import-message').innerText())
      .toMatch(/Nothing was imported: broken.json.gz/);
    expect(await page.locator('.run-list li').count()).toBe(0);

    await page.getByTestId('sweep-import').setInputFiles(bundles);
    await expect
      .poll(() => page.getByTestId('runs-import-message').innerText())
      .toBe('Imported sweep tiny-cartpole: 2 configurations.');
    await expect.poll(() => page.locator('.run-list li').count()).toBe(2);
    const overlay = page.getByTestId('sweep-overlay');
    expect(await overlay.locator('h3').innerText()).toBe('Sweep tiny-cartpole: 2 configurations');
    const svg = await overlay.locator('svg.chart-svg').innerHTML();
    for (const label of ['es.params.sigma_init=0.1 · ', 'es.params.sigma_init=0.2 · ']) expect(svg).toContain(label);

    await overlay.scrollIntoViewIfNeeded();
    await mkdir(join(REPO_ROOT, 'test-results'), { recursive: true });
    await overlay.screenshot({ path: join(REPO_ROOT, 'test-results', 'sweep-overlay-1280x900.png') });

    // The table view: the summary's mean and s.d. (returns: no scaling) for every configuration/method/round.
    await overlay.getByRole('button', { name: 'Show as table' }).click();
    const rows = await overlay
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(rows).toHaveLength(summary.length);
    for (const s of summary) {
      // summary.csv: config_index,config_id,configuration,<axis>,method,round,remaining_pct,seeds,mean,sd,…
      const row = rows.find((r) => r[0] === s[2] && r[1] === s[4] && r[2] === s[5]);
      expect(row, s.join(',')).toBeDefined();
      expect(Number(row![4])).toBe(Number(s[7]));
      // The table rounds for reading (a few decimals): equal to the summary within that rounding.
      expect(Number(row![5])).toBeCloseTo(Number(s[8]), 1);
      expect(Number(row![6])).toBeCloseTo(Number(s[9]), 1);
    }
    await overlay.getByRole('button', { name: 'Show as chart' }).click();

    // One method: one curve per configuration.
    await overlay.getByRole('combobox').selectOption('random_reinit');
    const thinned = await overlay.locator('svg.chart-svg').innerHTML();
    expect(thinned).not.toContain(' · ');
    expect(thinned).toContain('es.params.sigma_init=0.2');
    await page.close();
  }, 180_000);
});
