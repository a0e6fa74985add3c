// End-to-end for a run carried to another browser mid-run (the review's finding 1): a tiny run is
// cancelled after its first rounds (the Cancel question counts rounds as the run panel does), exported from
// the Runs tab, and imported in a fresh browser profile. There it is listed as interrupted with Resume,
// not as finished; Resume trains the missing rounds to the end, after which Start says the settings were
// run to the end. Screenshots go to SCREENSHOT_DIR. Skipped only when E2E=0.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { E2eFile } from './e2e-file';
import { ImpPages, runButton, shot, storedRoundCount, tinyMnistQuery, waitRounds, waitStatus } from './imp-page';

const e2e = new E2eFile('import-resume');
const pages = new ImpPages(e2e);
let tmp = '';

describe.skipIf(process.env.E2E === '0')('e2e: export mid-run, import elsewhere, resume', () => {
  e2e.hooks();
  afterEach(() => pages.closeAll());
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('an exported unfinished run is imported as interrupted and resumes to the end', async () => {
    tmp = await mkdtemp(join(tmpdir(), 'lab-import-resume-'));
    const query = tinyMnistQuery({ rounds: 4, generationsPerRound: 40, evalEvery: 20 });
    const first = await pages.open(query);
    await runButton(first, 'Start').click();
    await waitRounds(first, 3); // round 1, shared by the three chains
    await runButton(first, 'Pause').click(); // hold it: a tiny run may otherwise end before Cancel
    await waitStatus(first, 'paused');
    await runButton(first, 'Cancel').click();
    const ask = first.locator('[data-testid="cancel-run-dialog"]');
    expect(await ask.innerText()).toMatch(/Rounds? 1(–\d)? of 4 finished and (is|are) kept/);
    await shot(first, 'import-resume-cancel-question.png');
    await ask.locator('button:text-is("Cancel the run")').click();
    await waitStatus(first, 'cancelled');
    const stored = await storedRoundCount(first);
    expect(stored).toBeLessThan(12);
    await first.getByRole('tab', { name: 'Runs' }).click();
    const download = first.waitForEvent('download');
    await first.locator('.run-list li[data-status="interrupted"] button:text-is("Export")').click();
    const file = join(tmp, 'mid-run.json');
    await (await download).saveAs(file);

    // Another browser profile (a new page is a new context: its own IndexedDB).
    const page = await pages.open(query);
    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.locator('.import-label input[type="file"]').first().setInputFiles(file);
    const message = page.getByTestId('runs-import-message');
    await expect.poll(() => message.innerText()).toMatch(/^Imported mid-run\.json: round/);
    expect(await message.innerText()).toMatch(/trained networks .*It did not finish: press Resume/);
    const item = page.locator('.run-list li');
    expect(await item.getAttribute('data-status')).toBe('interrupted');
    await shot(page, 'import-resume-imported.png');

    await item.locator('button:text-is("Resume")').click();
    // Resume shows where the run goes on: focus and the view move to the Run panel (the list is far below)
    await page.waitForFunction(() => !!document.activeElement?.closest('.run-controls'));
    const top = await page.locator('.run-controls').evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(200);
    await waitStatus(page, 'done', 150_000);
    expect(await storedRoundCount(page)).toBe(4 * 3); // 4 rounds × 3 chains, the imported ones kept
    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.waitForSelector('.run-list li[data-status="done"]');
    // finished now: Start (its results are on screen, so it keeps its word) shows the stored run instead of
    // computing it again; after a reload the button says so before the click (imp.test.ts)
    await runButton(page, 'Start').click();
    // the press is answered at once ("Opening …"), then by what it shows
    await page.getByTestId('imp-notice').waitFor();
    await page.getByTestId('imp-notice').filter({ hasText: 'already run to the end' }).waitFor();
    expect(await page.getByTestId('imp-status').textContent()).toBe('stored run');
    // that run is on screen now: the button takes the student to it instead of opening it again
    await runButton(page, 'Go to the finished run').waitFor();
  }, 360_000);
});
