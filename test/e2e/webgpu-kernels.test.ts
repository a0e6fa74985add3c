// The WebGPU kernels of the population forward pass (MLP 784-100-10 and the paper's CNN, the cases of
// bench/gpu/gpu-check.ts, here at P = 4, B = 32) give the cpu backend's outputs in Chromium's software
// WebGPU (SwiftShader): the correctness half of the GPU check on a machine without a GPU. Runs the
// check module in a page served by the Vite dev server. Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import { runModuleInPage, withDevServerPage } from './helpers';

describe.skipIf(process.env.E2E === '0')('e2e: WebGPU forward kernels in Chromium', () => {
  it('match the cpu backend on both networks', async () => {
    type Out = { adapter: string; results: { case: string; maxRelDiff: number; ms: number }[] };
    const out = await withDevServerPage(600_000, (page) => runModuleInPage<Out>(page, '/bench/gpu/browser-entry.ts'));
    console.log(
      `[e2e webgpu-kernels] adapter ${out.adapter}: ` +
        out.results
          .map((r) => `${r.case} max rel. diff ${r.maxRelDiff.toExponential(2)}, ${r.ms.toFixed(0)} ms`)
          .join('; '),
    );
    expect(out.results.map((r) => r.case)).toEqual(['MLP 784-100-10', 'CNN (paper)']);
    for (const r of out.results) expect(r.maxRelDiff).toBeLessThan(1e-4);
  }, 900_000);
});
