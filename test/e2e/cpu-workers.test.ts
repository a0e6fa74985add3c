// The population split in the app: the lab worker starts evaluation Web Workers when "CPU workers" is above
// 1. A run gives the same sparsity table with 1 and 2 CPU workers (bit-identical results, so the printed
// accuracies match exactly): the classroom preset (mnist-2min: its P = 64, p = 0.35, three IMP chains; on
// wasm, the backend the split is for, which 'auto' picks where no real GPU is found) shrunk to 3 rounds of
// 24 generations, long enough for the split's
// balancer (core/experiments/parallel/balance.ts, a decision every 8 generations) to move members between
// the threads mid-round. The whole preset's finish times with 1 and 2 workers are a measurement, not a
// check: `npx tsx bench/run.ts --only cpu-workers` (docs/PERFORMANCE.md). Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseConfig } from '../../src/core/runs/config';
import { getPreset } from '../../src/core/runs/presets';
import { encodeShareQuery } from '../../src/core/runs/url-codec';
import { E2eFile } from './e2e-file';
import { chooseCpuWorkers, finishedRunView, runButton, waitStatus } from './imp-page';

const e2e = new E2eFile('cpu-workers');

/**
 * The classroom preset with its budget cut to 3 rounds × 24 generations, on wasm (a machine with a real GPU
 * would pick WebGPU on 'auto', where runs stay in one worker); everything else is the preset's.
 */
function shrunkClassroomQuery(): string {
  const base = getPreset('mnist-2min').config;
  const config = parseConfig({
    ...base,
    prune: { ...base.prune, rounds: 3 },
    budget: { generationsPerRound: 24, evalEvery: 12 },
    backend: 'wasm',
  });
  return encodeShareQuery(config, { seed: 0 });
}

/** Runs the experiment `query` opens with `workers` CPU workers. */
async function run(query: string, workers: 1 | 2, timeoutMs: number) {
  const page: Page = await e2e.page({ width: 1280, height: 800 }, 60_000);
  try {
    await page.goto(e2e.url(query));
    await chooseCpuWorkers(page, workers);
    await runButton(page, 'Start').click();
    await waitStatus(page, 'done', timeoutMs);
    return await finishedRunView(page);
  } finally {
    await page.close();
  }
}

describe.skipIf(process.env.E2E === '0')('e2e: CPU workers split the population', () => {
  e2e.hooks();

  it('the classroom preset, shrunk: the same table with 1 and 2 CPU workers', async () => {
    const query = shrunkClassroomQuery();
    const one = await run(query, 1, 240_000);
    const two = await run(query, 2, 240_000);
    expect(one.backend).toBe('wasm');
    expect(one.table.length).toBe(3);
    expect(two.table).toEqual(one.table);
    expect(two.notes).toContain("Each generation's population is split across 2 CPU workers.");
    expect(one.notes.some((n) => n.includes('CPU workers'))).toBe(false);
  }, 600_000);
});
