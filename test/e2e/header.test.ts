// End-to-end for the header (src/ui/AppHeader.tsx, header.css) in the built app and the system Chromium, at
// 1280×800 and 390×844: every button of the header sits at the same place on the paper tour, the
// experiment and the 2-D demo; on a phone the header stays short and never wider than the screen; its
// pop-ups (the backend's choices, the teacher link) open on screen and close with Escape, focus back on
// their button; the views keep their whole names for screen readers when the phone shows a short one.
// Projector mode at 1024×768 (a classroom projector; its type is larger): no header control is drawn over
// another on any view (the tools once covered the "2-D ES demo" button, which then could not be clicked).
// A forced backend that the browser lacks falls back along the chain and a line under the badge says so.
// Screenshots of the header on each view go to test-results/screenshots/. Skipped only when E2E=0.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { E2eFile } from './e2e-file';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR } from './helpers';

const e2e = new E2eFile('header');
const VIEWPORTS = [
  { width: 1280, height: 800, maxHeight: 115 },
  { width: 390, height: 844, maxHeight: 135 },
] as const;

/** Where each of the header's controls is drawn, by its accessible name. */
async function controlBoxes(page: Page): Promise<Record<string, readonly number[]>> {
  return page.evaluate(() => {
    const out: Record<string, number[]> = {};
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.app-header :is(button, summary)'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue; // hidden (projector mode's toggle on a phone)
      if (!el.matches('summary') && el.closest('details:not([open])')) continue; // in a closed pop-up
      const name = el.matches('summary') ? el.textContent!.replace('▾', '').trim() : el.className || el.textContent!;
      out[name.startsWith('Backend') ? 'backend' : name] = [r.x, r.y, r.width, r.height].map(Math.round);
    }
    return out;
  });
}

/** The pairs of controls whose boxes overlap: one drawn over another takes its clicks. */
function overlapping(boxes: Record<string, readonly number[]>): string[] {
  const entries = Object.entries(boxes);
  const out: string[] = [];
  for (const [i, [a, [ax, ay, aw, ah]]] of entries.entries())
    for (const [b, [bx, by, bw, bh]] of entries.slice(i + 1))
      if (ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah) out.push(`${a} / ${b}`);
  return out;
}

const headerHeight = (page: Page) => page.locator('.app-header').evaluate((h) => h.getBoundingClientRect().height);

describe.skipIf(process.env.E2E === '0')('e2e: the header is the same on every view, and short on a phone', () => {
  e2e.hooks();

  for (const vp of VIEWPORTS) {
    it(`${vp.width}×${vp.height}: controls stay in place across views; pop-ups on screen, Escape closes them`, async () => {
      const page = await e2e.page({ width: vp.width, height: vp.height }, 60_000);
      await page.goto(e2e.url('tour=1&backend=wasm')); // wasm: a software WebGPU start stalls a busy CI box
      await page.locator('.tour-step').waitFor();
      await page.locator('[data-testid="backend-badge"][data-backend]:not([data-backend=""])').waitFor();
      const onTour = await controlBoxes(page);
      const heights = [await headerHeight(page)];
      await page.locator('.app-header').screenshot({ path: join(SCREENSHOT_DIR, `header-tour-${vp.width}.png`) });
      for (const [name, view] of [
        ['Lottery-ticket experiment', 'experiment'],
        ['2-D ES demo', 'demo'],
      ] as const) {
        await page.getByRole('button', { name, exact: true }).click();
        await page.locator('main#main').waitFor();
        expect(await controlBoxes(page), `${view} vs tour`).toEqual(onTour);
        heights.push(await headerHeight(page));
        await page.locator('.app-header').screenshot({ path: join(SCREENSHOT_DIR, `header-${view}-${vp.width}.png`) });
      }
      console.log(`[e2e header] ${vp.width}×${vp.height}: header ${heights.map((h) => h.toFixed(0)).join(' / ')} px`);
      for (const h of heights) expect(h).toBeLessThanOrEqual(vp.maxHeight);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      // the views' accessible names are whole on every width (a phone shows "Experiment")
      const names = await page.locator('.view-nav button').evaluateAll((bs) => bs.length);
      expect(names).toBe(3);
      await page.getByRole('button', { name: 'Lottery-ticket experiment', exact: true }).waitFor();

      for (const [summary, pop] of [
        ['.backend-details summary', '.backend-pop'],
        ['.teacher-menu summary', '.teacher-pop'],
      ] as const) {
        await page.locator(summary).focus();
        await page.keyboard.press('Enter');
        const box = (await page.locator(pop).boundingBox())!;
        expect(box.x, pop).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, pop).toBeLessThanOrEqual(vp.width);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `header-${pop.slice(1)}-${vp.width}.png`) });
        await page.keyboard.press('Escape');
        await page.locator(pop).waitFor({ state: 'hidden' });
        expect(await page.evaluate((s) => document.activeElement?.matches(s), summary), summary).toBe(true);
      }
      await page.close();
    }, 120_000);
  }

  it('a forced backend this browser lacks falls back along the chain, and the header says so', async () => {
    // a second Chromium without WebGPU, as on many school computers (the file's own one may offer a software one)
    const args = [...CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu'), '--disable-features=WebGPU'];
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(60_000);
      await page.goto(e2e.url('backend=webgpu'));
      const badge = page.locator('[data-testid="backend-badge"][data-backend]:not([data-backend=""])');
      await badge.waitFor();
      const active = await badge.getAttribute('data-backend');
      // wasm, or a hardware webgl: what 'auto' picks here, not the last resort cpu
      expect(['webgl', 'wasm']).toContain(active);
      expect(await page.locator('[data-testid="backend-fallback"]').innerText()).toBe(
        `webgpu is not available here: using ${active}.`,
      );
      await page.locator('.app-header').screenshot({ path: join(SCREENSHOT_DIR, 'header-backend-fallback-1280.png') });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('projector mode at 1024×768: no control covers another, on every view', async () => {
    const page = await e2e.page({ width: 1024, height: 768 }, 20_000);
    await page.goto(e2e.url('tour=1&projector=1&backend=wasm'));
    await page.locator('.tour-step').waitFor();
    const views = ['Paper tour', 'Lottery-ticket experiment', '2-D ES demo'] as const;
    for (const [i, name] of views.entries()) {
      if (i > 0) {
        await page.getByRole('button', { name, exact: true }).click();
        await page.locator('main#main').waitFor();
      }
      const boxes = await controlBoxes(page);
      expect(Object.keys(boxes).length, name).toBeGreaterThanOrEqual(5); // three views, two tools
      expect(overlapping(boxes), `on ${name}`).toEqual([]);
      for (const [control, [x, , w]] of Object.entries(boxes)) expect(x + w, control).toBeLessThanOrEqual(1024);
      await page.locator('.app-header').screenshot({ path: join(SCREENSHOT_DIR, `header-projector-${i}-1024.png`) });
    }
    await page.close();
  }, 120_000);
});
