// End-to-end keyboard-only walk in the built app and the system Chromium (1280×800): no mouse click and
// no scripted focus, only Tab / Shift+Tab / Enter / Space / Escape. The skip link is the first Tab stop, and Start
// of the experiment is reached in a few Tab presses, with and without it (both counts are printed and
// bounded); the run is started, paused, resumed and cancelled from there (Cancel's confirmation: Escape
// keeps the run, Tab and Enter on "Cancel the run" cancels it). Then the Paper tour is
// reached, every step is walked with its Next button, and step 2's live rerun is started, seen streaming
// (its progress bar moves; axe-core checks the page in that state too) and stopped (Stop asks first, as
// Cancel does, in its own words: Escape keeps the run streaming, Tab and Enter on "Stop the run" stops it). After every key that
// activates a control, focus must still be on an element of the page, never fallen back to <body>.
// Skipped only when E2E=0.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TOUR_STEPS } from '../../src/core/tour/steps';
import { describeBlocking, runAxe } from './axe';
import { E2eFile } from './e2e-file';
import { storedCount } from './imp-page';

const e2e = new E2eFile('keyboard-tour');

/** What has the focus, as the test reads it (tag, classes, text). */
interface Focused {
  readonly lost: boolean;
  readonly text: string;
  readonly what: string;
}
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const text = (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim().replace(/\s+/g, ' ');
    return {
      lost: !a || a === document.body || a === document.documentElement,
      text,
      what: a ? `<${a.tagName.toLowerCase()} class="${a.className}"> "${text.slice(0, 60)}"` : 'nothing',
    };
  });
const focusMatches = (page: Page, selector: string) =>
  page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);

/** Runs stored in the page's IndexedDB (the Runs tab's list). */
const storedRuns = (page: Page) => storedCount(page, 'runs');

/** Presses `key` until the focused element matches `selector`; returns how many presses it took. */
async function tabTo(page: Page, selector: string, max: number, key = 'Tab'): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(key);
    if (await focusMatches(page, selector)) return n;
  }
  throw new Error(`${selector} not reached in ${max} presses of ${key}; focus is on ${(await focused(page)).what}`);
}

/** Activates the focused control with `key` and checks focus did not fall to the page, at once and after `settle`. */
async function activate(page: Page, key: 'Enter' | 'Space' | 'Escape', label: string, settle?: () => Promise<unknown>) {
  const before = (await focused(page)).what;
  await page.keyboard.press(key);
  await page.waitForTimeout(200);
  if (settle) await settle();
  const after = await focused(page);
  expect(after.lost, `focus fell to <body> after ${key} on ${before} (${label})`).toBe(false);
  return after;
}

describe.skipIf(process.env.E2E === '0')('e2e: keyboard-only walk of the paper tour', () => {
  e2e.hooks();

  it('skip link first, Start in a few Tabs, then the whole tour and step 2’s live rerun by keyboard', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 90_000);
    const start = '.run-controls .button-row button.primary';
    await page.goto(e2e.url());
    await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();

    // The skip link is the first Tab stop; Start follows within a few presses without using it …
    await page.keyboard.press('Tab');
    expect(await focusMatches(page, 'a.skip-link'), (await focused(page)).what).toBe(true);
    expect((await focused(page)).text).toBe('Skip to the lab');
    const tabsToStart = await tabTo(page, start, 30);
    // … and at once with it.
    await page.goto(e2e.url());
    await page.getByRole('heading', { name: 'Experiment: ES-IMP' }).waitFor();
    await page.keyboard.press('Tab');
    await activate(page, 'Enter', 'the skip link');
    const tabsAfterSkip = await tabTo(page, start, 30);
    console.log(
      `[e2e keyboard] Start of the experiment: ${tabsToStart} Tab presses after the skip link without using it, ${tabsAfterSkip} after activating it`,
    );
    expect(tabsToStart).toBeLessThanOrEqual(10);
    expect(tabsAfterSkip).toBeLessThanOrEqual(2);

    // Start, Pause, Resume and Cancel by keyboard: focus follows the run's controls, never the page.
    const runStatus = (st: string) =>
      page.waitForSelector(`[data-testid="imp-status"].status-${st}`, { timeout: 150_000 });
    expect((await activate(page, 'Enter', 'Start', () => runStatus('running'))).text).toBe('Pause');
    expect((await activate(page, 'Enter', 'Pause', () => runStatus('paused'))).text).toBe('Resume');
    expect((await activate(page, 'Space', 'Resume', () => runStatus('running'))).text).toBe('Pause');
    await tabTo(page, '.run-controls .button-row button:last-of-type', 1);
    expect((await focused(page)).text).toBe('Cancel');
    // Cancel asks first, focus on the safe choice: Escape keeps the run, a second Enter never cancels
    const ask = page.locator('[data-testid="cancel-run-dialog"]');
    expect((await activate(page, 'Enter', 'Cancel', () => ask.waitFor())).text).toBe('Keep running');
    expect((await activate(page, 'Escape', 'Escape in the dialog', () => ask.waitFor({ state: 'hidden' }))).text).toBe(
      'Cancel',
    );
    expect(await page.locator('[data-testid="imp-status"]').getAttribute('data-status')).toMatch(/running|done/);
    await activate(page, 'Enter', 'Cancel again', () => ask.waitFor());
    const nothingKept = /No round has finished yet, so this run has nothing to keep/.test(await ask.innerText());
    await tabTo(page, '[data-testid="cancel-run-dialog"] button.danger', 2);
    expect((await focused(page)).text).toBe('Cancel the run');
    expect((await activate(page, 'Enter', 'Cancel the run', () => runStatus('cancelled'))).text).toBe('Start');
    // as the question said: a run cancelled before its first round leaves no stored run behind
    if (nothingKept) await expect.poll(() => storedRuns(page), { timeout: 10_000 }).toBe(0);
    console.log(
      `[e2e keyboard] cancelled ${nothingKept ? 'before' : 'after'} its first round: ${await storedRuns(page)} stored runs`,
    );

    // Back to the header's "Paper tour" (Shift+Tab) and open the tour.
    const toTour = await tabTo(page, '.view-nav .nav-tour', 30, 'Shift+Tab');
    await activate(page, 'Enter', 'Paper tour', () => page.locator('.tour-step').waitFor());
    console.log(`[e2e keyboard] Paper tour: ${toTour} Shift+Tab presses back from Start`);

    const tabsToNext: number[] = [];
    for (const [i, step] of TOUR_STEPS.entries()) {
      const n = i + 1;
      await page.locator(`.tour-step[data-step="${step.id}"]`).waitFor();
      if (n === 2) {
        // The live rerun: Tab to "Run it live", start it with Space, watch it stream, stop it with Enter.
        await tabTo(page, '[data-testid="tour-rerun"] button.primary', 80);
        expect((await focused(page)).text).toMatch(/^Run it live/);
        const rerun = page.locator('[data-testid="tour-rerun"]');
        await activate(page, 'Space', 'Run it live', () => rerun.locator('[role="progressbar"]').waitFor());
        await page.waitForFunction(
          () => Number(document.querySelector('.tour-rerun [role="progressbar"]')?.getAttribute('aria-valuenow')) >= 1,
          null,
          { timeout: 240_000, polling: 250 },
        );
        expect(await rerun.getAttribute('data-status')).toBe('running');
        const streaming = await runAxe(page, 'tour step 2, live rerun streaming');
        expect(describeBlocking(streaming)).toEqual([]);
        await tabTo(page, '[data-testid="tour-rerun"] button:not(.primary)', 5);
        expect((await focused(page)).text).toBe('Stop the live run');
        // Stop asks first, focus on the safe choice: Escape keeps the run streaming and focus on Stop
        const ask = page.locator('[data-testid="cancel-run-dialog"]');
        const stop = () => activate(page, 'Enter', 'Stop the live run', () => ask.waitFor());
        expect((await stop()).text).toBe('Keep running');
        const kept = await activate(page, 'Escape', 'Escape in the dialog', () => ask.waitFor({ state: 'hidden' }));
        expect(kept.text).toBe('Stop the live run');
        expect(await rerun.getAttribute('data-status')).toBe('running');
        await stop();
        await tabTo(page, '[data-testid="cancel-run-dialog"] button.danger', 2);
        expect((await focused(page)).text).toBe('Stop the run');
        const after = await activate(page, 'Enter', 'Stop the run', () =>
          page.waitForFunction(
            () => document.querySelector('[data-testid="tour-rerun"]')?.getAttribute('data-status') === 'cancelled',
            null,
            { timeout: 120_000 },
          ),
        );
        expect(after.text).toMatch(/^Run it live/); // focus is back on the button that starts it again
      }
      if (n === TOUR_STEPS.length) {
        expect(await page.locator('.tour-pager button.primary').innerText()).toBe('Open the lab →');
        break;
      }
      tabsToNext.push(await tabTo(page, '.tour-pager button.primary', 120));
      const after = await activate(page, 'Enter', `Next on step ${n}`, () =>
        page.locator(`.tour-step[data-step="${TOUR_STEPS[n].id}"]`).waitFor(),
      );
      expect(after.text).toBe(TOUR_STEPS[n].title); // focus moved to the new step's title
    }
    console.log(`[e2e keyboard] Tab presses to Next on steps 1–${TOUR_STEPS.length - 1}: ${tabsToNext.join(', ')}`);
    await page.close();
  }, 600_000);
});
