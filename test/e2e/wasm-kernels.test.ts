// The hand-written wasm kernels in Chromium: the ES core's (row sums of the tell, antithetic rows of the
// ask) reachable on the browser's tfjs wasm backend as the lab's workers configure it and bit-identical to
// the backend's own ops there, and the host forward's (which need only wasm SIMD) available. Runs the
// check module in a page served by the Vite dev server. Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import { runModuleInPage, withDevServerPage } from './helpers';

describe.skipIf(process.env.E2E === '0')('e2e: wasm ES kernels in Chromium', () => {
  it('are used on the wasm backend and give its ops’ bits', async () => {
    type Out = { backend: string; kernels: boolean; forwardKernels: boolean; around: boolean; rowSums: boolean };
    const out = await withDevServerPage(300_000, (page) =>
      runModuleInPage<Out>(page, '/test/e2e/fixtures/wasm-kernels-entry.ts'),
    );
    console.log(`[e2e wasm-kernels] ${JSON.stringify(out)}`);
    expect(out).toEqual({ backend: 'wasm', kernels: true, forwardKernels: true, around: true, rowSums: true });
  });
});
