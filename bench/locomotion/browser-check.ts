/**
 * Browser check of the locomotion tasks (the UI must show the rollout viewer): serves a built app
 * (`vite build` output, default dist/), runs a seconds-long Hopper ES-IMP in the lab's worker (MuJoCo
 * WASM loaded there), opens the Rollout tab and screenshots the side-view animation.
 * Usage: npx tsx bench/locomotion/browser-check.ts [distDir] [screenshot.png] [taskId=hopper]
 */
import { parseConfig } from '../../src/core/runs/config';
import { getPreset } from '../../src/core/runs/presets';
import { encodeShareQuery } from '../../src/core/runs/url-codec';
import { launchBrowser, startPreview } from '../../test/e2e/helpers';

const dist = process.argv[2] ?? 'dist';
const shotPath = process.argv[3] ?? 'bench/results/locomotion-rollout.png';
const taskId = process.argv[4] ?? 'hopper';
const base = getPreset('hopper-reduced').config;
const config = parseConfig({
  ...base,
  task: { id: taskId, params: { ...base.task.params, maxSteps: 150, episodes: 1, testEpisodes: 2 } },
  es: { ...base.es, popSize: 8 },
  prune: { ...base.prune, methods: ['snr'], rounds: 2 },
  budget: { generationsPerRound: 6, evalEvery: 3 },
  seeds: [0],
  backend: 'wasm',
});
const server = await startPreview(dist);
const browser = await launchBrowser();
const errors: string[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(180_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${server.url}?${encodeShareQuery(config, { seed: 0 })}`);
  await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="imp-status"].status-done');
  console.log(`run done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await page.getByRole('tab', { name: 'Rollout' }).click();
  const canvas = page.locator('.rollout-viewer canvas');
  await canvas.waitFor();
  await page.waitForFunction(() =>
    /step ([1-9]\d+)/.test(document.querySelector('.rollout-viewer canvas')?.getAttribute('aria-label') ?? ''),
  );
  console.log(await page.locator('.rollout-viewer .stat-line').textContent());
  await page.locator('.rollout-viewer').getByRole('button', { name: 'Pause' }).click();
  await canvas.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath, fullPage: true });
  await page.locator('.rollout-viewer').screenshot({ path: shotPath.replace(/\.png$/, '-viewer.png') });
  console.log(`screenshot → ${shotPath}; page errors: ${errors.length ? errors.join(' | ') : 'none'}`);
} finally {
  await browser.close();
  server.stop();
}
