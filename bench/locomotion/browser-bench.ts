/**
 * Locomotion rollout throughput in Chromium (steps/s for P = 32 rollouts per task, the
 * browser counterpart of locomotion-bench.ts): starts the Vite dev server (which serves @mujoco/mujoco un-prebundled, the same path the
 * lab's worker takes in dev), opens it in headless system Chromium and runs `runLocomotionBench` in the
 * page (tfjs cpu backend for the one-off activation probe; the rollouts themselves are typed arrays +
 * MuJoCo WASM). Prints the table and writes bench/results/locomotion-chromium.json.
 * Usage: npx tsx bench/locomotion/browser-bench.ts
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, freePort, launchBrowser } from '../../test/e2e/helpers';
import { printTable, writeResults } from '../report';
import type { LocomotionBenchRow } from './locomotion-bench';

const port = await freePort();
const vite = spawn(
  process.execPath,
  [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  { cwd: REPO_ROOT, stdio: 'ignore' },
);
const url = `http://127.0.0.1:${port}/`;
for (let t0 = Date.now(); ;) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    /* not up yet */
  }
  if (Date.now() - t0 > 60_000) {
    vite.kill();
    throw new Error('vite dev server did not start');
  }
  await new Promise((r) => setTimeout(r, 200));
}
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(url);
  // A string, not a function: tsx's keepNames helper (__name) does not exist in the page.
  const rows = (await page.evaluate(
    `import('/bench/locomotion/browser-entry.ts').then((m) => m.runInPage())`,
  )) as LocomotionBenchRow[];
  const ua = (await page.evaluate('navigator.userAgent')) as string;
  const out = rows.map((r) => ({ ...r, runtime: `Chromium ${ua.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'}` }));
  printTable(out, 'locomotion (Chromium)');
  await writeResults('locomotion-chromium', out);
} finally {
  await browser.close();
  vite.kill();
}
