// End-to-end for the experiment form: settings the user changed but never ran survive a reload
// (src/state/draft-storage.ts), and a share link still opens its own settings over them; switching the
// strategy to its untuned standard settings says so (ConfigForm.tsx). Built app, system Chromium. Skipped
// only when E2E=0.
import { describe, expect, it } from 'vitest';
import { E2eFile } from './e2e-file';
import { tinyQuery } from './imp-page';

const e2e = new E2eFile('draft-reload');

describe.skipIf(process.env.E2E === '0')('e2e: the form keeps its settings across a reload', () => {
  e2e.hooks();

  it('edited settings come back after a reload; a share link still opens its own', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 60_000);
    await page.goto(e2e.url('backend=wasm'));
    const seeds = page.locator('#exp-seeds');
    await seeds.waitFor();
    // a text that is no list of seeds: the error is linked to the field, as every field's is
    await seeds.fill('a,b');
    await page.locator('#exp-seeds-err').waitFor();
    expect(await seeds.getAttribute('aria-invalid')).toBe('true');
    expect(await seeds.getAttribute('aria-describedby')).toBe('exp-seeds-err');
    await seeds.fill('3, 5');
    await seeds.blur();
    await page.getByTestId('starts-what').getByText('your own settings').waitFor();
    await page.reload();
    await seeds.waitFor();
    expect(await seeds.inputValue()).toBe('3, 5');
    expect(await page.getByTestId('starts-what').innerText()).toMatch(/your own settings/);
    // a share link opens its own settings (seed 0), not the kept ones
    await page.goto(e2e.url(tinyQuery('wasm')));
    await seeds.waitFor();
    expect(await seeds.inputValue()).toBe('0');
    await page.close();
  });

  it('switching the strategy to its standard settings says they are not tuned for the task', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 60_000);
    await page.goto(e2e.url('backend=wasm'));
    const note = page.getByTestId('es-defaults-note');
    await page.locator('#exp-seeds').waitFor();
    expect(await note.count()).toBe(0); // the preset's tuned settings
    await page.getByLabel('Strategy', { exact: true }).selectOption('snes');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/standard settings, not tuned for this task/);
    await page.close();
  });
});
