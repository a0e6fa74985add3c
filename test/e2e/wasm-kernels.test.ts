// The hand-written wasm kernels in Chromium: the ES core's (row sums of the tell, antithetic rows of the
// ask) reachable on the browser's tfjs wasm backend as the lab's workers configure it and bit-identical to
// the backend's own ops there, and the host forward's (which need only wasm SIMD) available. Runs the check module in a page served by the Vite dev server. Skipped when E2E=0.
import { describe, expect, it } from 'vitest';
import { launchBrowser, startViteDev } from './helpers';

describe.skipIf(process.env.E2E === '0')('e2e: wasm ES kernels in Chromium', () => {
  it('are used on the wasm backend and give its ops’ bits', async () => {
    const vite = await startViteDev();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(300_000);
      await page.goto(vite.url);
      type Out = { backend: string; kernels: boolean; forwardKernels: boolean; around: boolean; rowSums: boolean };
      let out: Out | null = null;
      // The dev server may reload the page once when it first optimises a dependency: then run again.
      for (let attempt = 0; !out; attempt++) {
        try {
          // A string, not a function: tsx's keepNames helper (__name) does not exist in the page.
          out = (await page.evaluate(
            `import('/test/e2e/fixtures/wasm-kernels-entry.ts').then((m) => m.runInPage())`,
          )) as Out;
        } catch (e) {
          if (attempt >= 2 || !/context was destroyed|navigation/i.test(String(e))) throw e;
          await page.waitForLoadState('load');
        }
      }
      console.log(`[e2e wasm-kernels] ${JSON.stringify(out)}`);
      expect(out).toEqual({ backend: 'wasm', kernels: true, forwardKernels: true, around: true, rowSums: true });
    } finally {
      await browser.close();
      vite.stop();
    }
  });
});
