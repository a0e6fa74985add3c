// End-to-end accessibility check with axe-core (test/e2e/axe.ts) in the built app and the system Chromium,
// at 1280×800 and 390×844: every top-level view (the lottery-ticket experiment with a preset's precomputed
// curves, a help text and a glossary entry open, the teacher-link menu, the Runs tab with an imported run
// and every result tab over that run, the 2-D demo), every step of the paper tour, projector mode and the
// teacher's simple view must have no serious or critical violation; moderate and minor ones are printed.
// No run is trained: the results come from the shipped precomputed bundles (public/precomputed/), so the
// whole walk costs no compute beyond the tour's 2-D demo. Skipped only when E2E=0.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TOUR_STEPS } from '../../src/core/tour/steps';
import { describeBlocking, runAxe, type AxeReport } from './axe';
import { E2eFile } from './e2e-file';
import { REPO_ROOT, SCREENSHOT_DIR } from './helpers';

const e2e = new E2eFile('a11y');
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
/** A small shipped bundle (MNIST, 6 rounds × 3 chains) imported through the Runs tab. */
const BUNDLE = join(REPO_ROOT, 'public/precomputed/mnist-2min.json.gz');

/**
 * What happened in each page, printed when a tour step never shows (stepReady): crashes, uncaught errors,
 * console errors and warnings (React reports an error that unmounts the app there, not as an uncaught
 * error) and main-frame navigations (a reload mid-walk), each with its time.
 */
const pageEvents = new WeakMap<Page, string[]>();
function recordPageEvents(page: Page): void {
  const events: string[] = [];
  const t0 = Date.now();
  const add = (s: string) => events.push(`${((Date.now() - t0) / 1000).toFixed(1)} s ${s.slice(0, 400)}`);
  pageEvents.set(page, events);
  page.on('crash', () => add('the renderer crashed'));
  page.on('pageerror', (e) => add(`uncaught error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') add(`console.${m.type()}: ${m.text()}`);
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) add(`navigated to ${f.url()}`);
  });
}

/** Waits until the result tab's lazily loaded view has replaced its "Loading the view…" placeholder. */
const tabLoaded = (page: Page) =>
  page.waitForFunction(() => {
    const panel = document.querySelector('.results .tab-panel');
    return !!panel && panel.childElementCount > 0 && !panel.textContent?.includes('Loading the view…');
  });

/**
 * A tour step is drawn: its sentence (or its "No result yet"), or the note that its evidence is not shipped.
 * If it never is, the page is photographed and the step on screen printed before the test fails (this
 * wait once timed out at 390×844 on tour step 3, and passed on every rerun).
 */
async function stepReady(page: Page, id: string): Promise<void> {
  try {
    await page
      .locator(`.tour-step[data-step="${id}"] :is([data-testid="tour-sentence"], [data-testid="tour-missing"])`)
      .first()
      .waitFor({ timeout: 120_000 });
  } catch (e) {
    const width = page.viewportSize()?.width ?? 0;
    await page.screenshot({ path: join(SCREENSHOT_DIR, `a11y-stuck-${id}-${width}.png`), fullPage: true });
    const onScreen = await page
      .locator('.tour-step')
      .first()
      .getAttribute('data-step', { timeout: 5_000 })
      .catch(() => 'none: the page shows no tour step');
    const text = (
      await page
        .locator('.tour-evidence')
        .first()
        .innerText()
        .catch(() => '')
    ).slice(0, 400);
    console.log(`[e2e a11y] waited for step "${id}"; on screen: step "${onScreen}"; its evidence reads: ${text}`);
    // A blank page here (seen in CI) is a crashed renderer, an unmounted app or a stuck main thread: a page
    // that still answers tells the last two apart by what its root holds.
    const root = await Promise.race([
      page.evaluate(() => {
        const r = document.getElementById('root');
        return `#root has ${r?.childElementCount ?? 'no'} children, body text ${document.body.innerText.length} chars`;
      }),
      new Promise<string>((r) => setTimeout(() => r('the page did not answer in 10 s (main thread busy)'), 10_000)),
    ]).catch((err: unknown) => `evaluate failed: ${String(err).slice(0, 200)}`);
    console.log(`[e2e a11y] ${root}`);
    console.log(`[e2e a11y] page events:\n  ${pageEvents.get(page)?.join('\n  ') || 'none'}`);
    throw e;
  }
}

/**
 * Waits until the sparsity chart's precomputed overlay has loaded or failed: this file checks the page's
 * accessibility in either state (test/e2e/precomputed-sweep.test.ts checks that the overlay loads); a
 * failure is logged so a flaky load is visible.
 */
async function precomputedSettled(page: Page): Promise<void> {
  const note = page.locator(
    '[data-chart="sparsity"] [data-precomputed="ready"], [data-chart="sparsity"] [data-precomputed="error"]',
  );
  await note.first().waitFor({ timeout: 90_000 });
  if ((await note.first().getAttribute('data-precomputed')) === 'error')
    console.log(`[e2e a11y] the precomputed overlay failed to load: ${await note.first().innerText()}`);
}

describe.skipIf(process.env.E2E === '0')('e2e: axe-core on every view, phone and desktop', () => {
  e2e.hooks();

  for (const vp of VIEWPORTS) {
    it(`${vp.width}×${vp.height}: no serious or critical violation in any view`, async () => {
      const reports: AxeReport[] = [];
      const check = async (page: Page, label: string) => reports.push(await runAxe(page, `${vp.width} ${label}`));
      const page = await e2e.page(vp, 90_000);
      recordPageEvents(page);

      // The first screen: the experiment with its default preset.
      await page.goto(e2e.url());
      await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
      // The check itself can fail: a button without a name, added for one run of axe, is reported.
      await page.evaluate(() =>
        document.querySelector('main')!.append(Object.assign(document.createElement('button'), { id: 'axe-canary' })),
      );
      const canary = await runAxe(page, `${vp.width} canary`);
      expect(canary.blocking.map((f) => `${f.rule} ${f.targets.join(' ')}`)).toContain('button-name #axe-canary');
      await page.evaluate(() => document.getElementById('axe-canary')!.remove());
      await check(page, 'experiment (first screen)');
      // "Presets" in the line under Start takes focus to them (below every result on a phone and in Tab order)
      await page.locator('[data-testid="starts-what"] button:text-is("Presets")').click();
      expect(
        await page.evaluate(() => !!document.activeElement?.matches('.presets .preset[aria-pressed="true"]')),
      ).toBe(true);
      // A preset with precomputed curves, a setting's help text and a glossary entry open.
      await page.locator('[data-preset="mnist-quick"]').click();
      await precomputedSettled(page);
      await page.locator('.help-toggle').first().click();
      await page.locator('.term-button').first().click();
      await page.locator('.term-tip').waitFor();
      await check(page, 'experiment: precomputed curves, help and glossary open');
      await page.locator('.teacher-menu summary').click();
      await page.locator('.teacher-pop').waitFor();
      await check(page, 'teacher-link menu');
      await page.locator('.teacher-menu summary').click();

      // The Runs tab with an imported run, then every result tab over that run.
      await page.locator('.tabs [role="tab"]:text-is("Runs")').click();
      await page.locator('.runs input[type="file"]').first().setInputFiles(BUNDLE);
      await page.locator('.run-list li').first().waitFor({ timeout: 90_000 });
      await check(page, 'Runs tab');
      await page.locator('.run-list li button:text-is("Open")').first().click();
      const tabs = (await page.locator('.tabs [role="tab"]').allInnerTexts()).filter((l) => l !== 'Runs');
      expect(tabs.length).toBeGreaterThanOrEqual(5); // Sparsity, Masks, Analysis, Rollout, Transfer
      for (const label of tabs) {
        await page.locator(`.tabs [role="tab"]:text-is("${label}")`).click();
        await page.locator('[data-testid="stored-note"]').waitFor({ timeout: 60_000 });
        await tabLoaded(page);
        if (label === 'Masks') await page.locator('.tab-panel canvas').first().waitFor();
        await check(page, `result tab ${label} (stored run)`);
      }

      // The 2-D demo view.
      await page.locator('.view-nav button:text-is("2-D ES demo")').click();
      await page.locator('main.demo-layout').waitFor();
      await check(page, '2-D demo');

      // Every tour step (step 1 runs the 2-D demo by itself).
      await page.goto(e2e.url('tour=1'));
      for (const [i, step] of TOUR_STEPS.entries()) {
        if (i > 0) await page.locator('.tour-pager button.primary').click();
        await stepReady(page, step.id);
        await page.waitForTimeout(300); // charts measure their box on the next frame
        await check(page, `tour step ${i + 1} (${step.id})`);
      }

      // Projector mode (a tour step and the experiment) and the teacher's simple view.
      await page.goto(e2e.url('tour=3&projector=1'));
      await stepReady(page, TOUR_STEPS[2].id);
      await check(page, 'projector mode, tour step 3');
      await page.goto(e2e.url('preset=mnist-quick&projector=1'));
      await precomputedSettled(page);
      await check(page, 'projector mode, experiment');
      await page.goto(e2e.url('preset=mnist-2min&simple=1'));
      await page.locator('[data-testid="simple-form"]').waitFor();
      await check(page, 'simple view (teacher’s link)');
      await page.close();

      const blocking = reports.flatMap(describeBlocking);
      const other = reports.reduce((n, r) => n + r.other.length, 0);
      console.log(`[e2e a11y ${vp.width}×${vp.height}] ${reports.length} views checked; ${other} moderate/minor rules`);
      expect(blocking).toEqual([]);
    }, 900_000);
  }
});
