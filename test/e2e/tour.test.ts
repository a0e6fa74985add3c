// End-to-end for the paper tour and the teacher's tools in the built app and the system Chromium: the tour
// opens by URL (`?tour=1`), every step is walked with "Next" and its one-sentence result is checked against
// numbers computed here, in Node, from the same precomputed bundle (core/analysis/summary.ts, not the
// tour's own functions); a step whose evidence is not shipped says so; the live rerun of step 2 streams
// over the precomputed curve and ends with "Your run", and its Stop asks before it cancels; a teacher's link opens the simple view; projector
// mode fits the chart and its sentence on one 1280×720 screen; a finished run starts its results with its
// sentence and scrolls them into view. The analysis steps' sentences are checked against plain means of the
// analysis file's raw rows. Screenshots of every step at 1280×720 and 390×844 (the screen, and the whole
// page as *-full.png) go to
// test-results/tour/ (ignored; look at them). Skipped only when E2E=0.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { summarizeCurves } from '../../src/core/analysis/summary';
import { importBundle } from '../../src/core/runs/bundle';
import { parseTourAnalysis } from '../../src/core/tour/analysis-file';
import { getEvidence } from '../../src/core/tour/evidence';
import { TOUR_STEPS } from '../../src/core/tour/steps';
import { layoutOf } from '../../src/core/runs/network-shape';
import { E2eFile } from './e2e-file';
import { REPO_ROOT } from './helpers';
import { tinyMnistQuery, waitStatus } from './imp-page';

const e2e = new E2eFile('tour');
const SHOTS = join(REPO_ROOT, 'test-results/tour');
const PRECOMPUTED = join(REPO_ROOT, 'public/precomputed');
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
] as const;

/** Text with non-breaking spaces made plain. */
const plain = (s: string) => s.replaceAll('\u00a0', ' ');
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

function bundle(file: string) {
  try {
    const got = importBundle(new Uint8Array(readFileSync(join(PRECOMPUTED, file))));
    return got.ok ? got.bundle : null;
  } catch {
    return null;
  }
}

/** Mean over seeds of each chain at the last round, from the CLI's summary (an independent code path). */
function lastRound(file: string, chains: readonly string[]) {
  const b = bundle(file)!;
  const curve = summarizeCurves(
    b.records.map((r) => ({
      seed: r.seed,
      method: r.method,
      roundNum: r.roundNum,
      sparsityFrac: r.sparsityFrac,
      perf: r.finalPerf,
    })),
  );
  const k = Math.max(...curve.map((c) => c.roundNum));
  const at = (m: string) => curve.find((c) => c.method === m && c.roundNum === k)!;
  return {
    remaining: Number(at(chains[0]).remainingPct.toPrecision(3)),
    mean: Object.fromEntries(chains.map((c) => [c, at(c).mean])),
    b,
    k,
  };
}

/** The shipped tour analysis file, parsed with the app's parser (null when not shipped). */
function analysisFile(file: string) {
  try {
    const got = parseTourAnalysis(readFileSync(join(PRECOMPUTED, file), 'utf8'));
    return got.ok ? got.analysis : null;
  } catch {
    return null;
  }
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * What the analysis steps' sentences must say, recomputed here from the file's raw rows with plain means
 * (not the tour's own functions): dense accuracies of the GD budgets, the first layer's |W| at the last
 * round, the Pearson correlation at the first and last round, and the normalised task effects.
 */
function analysisFragments(stepId: string, file: string): string[] {
  const a = analysisFile(file);
  if (!a) return [];
  const last = <T extends { roundNum: number }>(rows: readonly T[]) =>
    rows.filter((r) => r.roundNum === Math.max(...rows.map((x) => x.roundNum)));
  switch (stepId) {
    case 'es-vs-gd': {
      const budgets = [...new Set((a.curves ?? []).filter((r) => r.trainer === 'gd').map((r) => r.epochs!))];
      return budgets.map((e) => {
        const dense = (a.curves ?? []).filter((r) => r.trainer === 'gd' && r.epochs === e && r.roundNum === 1);
        return `(dense ${pct(mean(dense.map((r) => r.perf)))}`;
      });
    }
    case 'weights': {
      const gd2 = last((a.weights ?? []).filter((r) => r.trainer === 'gd' && r.epochs === 2 && r.layerIndex === 0));
      return [`|W| = ${mean(gd2.map((r) => r.meanAbsW)).toFixed(2)}`];
    }
    case 'size-vs-snr': {
      const rows = (a.correlation ?? []).filter((r) => r.chain === 'magnitude');
      const first = rows.filter((r) => r.roundNum === 1);
      return [
        `from ${mean(first.map((r) => r.pearson)).toFixed(2)}`,
        `to ${mean(last(rows).map((r) => r.pearson)).toFixed(2)}`,
      ];
    }
    case 'across-tasks': {
      // the normalised effect of each task at its sparsest round within 5 % of the sparsest Pendulum round
      const rows = a.crossTask ?? [];
      const tasks = [...new Set(rows.map((r) => r.task))];
      const at = Math.min(...rows.filter((r) => r.task === tasks.at(-1)).map((r) => r.remainingPct));
      return tasks.map((t) => {
        const mine = rows.filter((r) => r.task === t);
        const dense = mean([...new Map(mine.map((r) => [r.seed, r.dense])).values()]);
        const low = mean([...new Map(mine.map((r) => [r.seed, r.untrained])).values()]);
        const near = mine.filter((r) => Math.abs(Math.log(r.remainingPct / at)) < Math.log(1.05));
        const effect = mean(near.map((r) => r.ticket)) - mean(near.map((r) => r.baseline));
        return `${((100 * effect) / (dense - low)).toFixed(0)} % on ${t}`;
      });
    }
    default:
      return [];
  }
}

/** What each step's sentence must say, computed from its bundle here (null: its evidence is not shipped). */
function expectedFragments(stepId: string): string[] | null {
  const step = TOUR_STEPS.find((s) => s.id === stepId)!;
  const file = step.evidence[0] ? getEvidence(step.evidence[0]).file : null;
  if (file && !bundle(file) && getEvidence(step.evidence[0]).kind === 'bundle') return null;
  if (file && getEvidence(step.evidence[0]).kind === 'analysis') return analysisFragments(stepId, file);
  switch (stepId) {
    case 'train-by-es': {
      const b = bundle(file!)!;
      const dense = [...new Map(b.records.filter((r) => r.roundNum === 1).map((r) => [r.seed, r])).values()];
      const mean = dense.reduce((s, r) => s + r.finalPerf, 0) / dense.length;
      return [`to ${pct(mean)} after ${dense[0].generations} generations`, `mean of ${dense.length} seeds`];
    }
    case 'ticket': {
      const { remaining, mean } = lastRound(file!, ['magnitude', 'random_reinit']);
      return [`At ${remaining} % of the weights`, pct(mean.magnitude), pct(mean.random_reinit)];
    }
    case 'snr': {
      const { remaining, mean } = lastRound(file!, ['snr', 'magnitude']);
      return [`At ${remaining} % of the weights`, pct(mean.snr), pct(mean.magnitude)];
    }
    case 'masks': {
      // centre vs border shares recounted here from the raw masks: a 2-pixel ring of the 14×14 image is the border
      const { b, k, remaining } = lastRound(file!, ['magnitude']);
      const { layers, inputShape } = layoutOf(b.config);
      const [h, w] = inputShape;
      const units = layers[0].kernelShape[1];
      const share = (border: boolean) => {
        const recs = b.records.filter((r) => r.method === 'magnitude' && r.roundNum === k);
        let kept = 0,
          n = 0;
        for (const r of recs)
          for (let p = 0; p < h * w; p++) {
            const [row, col] = [Math.floor(p / w), p % w];
            if (Math.min(row, col, h - 1 - row, w - 1 - col) < 2 !== border) continue;
            for (let j = 0; j < units; j++) kept += r.mask[layers[0].kernelOffset + p * units + j];
            n += units;
          }
        return kept / n;
      };
      return [
        `At ${remaining} % of the weights`,
        `keeps ${pct(share(false))} of the connections from the 100 central pixels and ${pct(share(true))} from the 96 border pixels`,
      ];
    }
    default:
      return [];
  }
}

async function sentenceOf(page: Page): Promise<string> {
  const s = page.locator('[data-testid="tour-sentence"][data-ok="true"]');
  await s.waitFor({ timeout: 60_000 });
  return plain(await s.innerText());
}

async function shotAll(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, name) });
}

describe.skipIf(process.env.E2E === '0')('e2e: the paper tour, teacher links and projector mode', () => {
  e2e.hooks();

  it('opens by URL and walks every step; each sentence matches the precomputed data', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const vp of VIEWPORTS) {
      const page = await e2e.page(vp, 90_000);
      await page.goto(e2e.url('tour=1'));
      // step 1: the 2-D demo starts by itself; its sentence counts the generations the demo shows
      const counter = page.locator('[data-testid="gen-counter"]');
      await page.waitForFunction(
        () => document.querySelector('.gen-counter .status')?.getAttribute('data-status') === 'done',
        null,
        {
          timeout: 90_000,
        },
      );
      const gens = await counter.getAttribute('data-generation');
      expect(await sentenceOf(page)).toMatch(new RegExp(`^In ${gens} generations of 16 samples each, `));
      await shotAll(page, `step1-${vp.width}x${vp.height}.png`);
      for (let n = 2; n <= TOUR_STEPS.length; n++) {
        await page.locator('.tour-pager button.primary').click();
        const step = TOUR_STEPS[n - 1];
        await page.locator(`.tour-step[data-step="${step.id}"]`).waitFor();
        expect(new URL(page.url()).searchParams.get('tour')).toBe(String(n));
        const expected = expectedFragments(step.id);
        const missing = step.evidence.some((id) => {
          const e = getEvidence(id);
          try {
            readFileSync(join(PRECOMPUTED, e.file));
            return false;
          } catch {
            return true;
          }
        });
        if (missing) {
          const note = page.locator('[data-testid="tour-missing"]');
          await note.waitFor({ timeout: 60_000 });
          expect(await note.innerText()).toContain('This evidence has not been computed yet.');
        } else {
          const text = await sentenceOf(page);
          for (const f of expected ?? []) expect(text, step.id).toContain(f);
        }
        if (step.id === 'train-by-es' && !missing) {
          // the precomputed numbers say, for a teacher, what the commands under them are and where to run them
          await page.locator('.tour-provenance summary').click();
          expect(await page.locator('[data-testid="provenance-note"]').innerText()).toMatch(
            /command-line tool.*README/s,
          );
          await page.locator('.tour-provenance summary').click();
        }
        await page.waitForTimeout(300); // charts measure their box on the next frame
        await shotAll(page, `step${n}-${vp.width}x${vp.height}.png`);
        await page.screenshot({ path: join(SHOTS, `step${n}-${vp.width}x${vp.height}-full.png`), fullPage: true });
      }
      await page.close();
    }
  }, 400_000);

  it('projector mode: the chart and its sentence fit one 1280×720 screen', async () => {
    const page = await e2e.page({ width: 1280, height: 720 }, 60_000);
    await page.goto(e2e.url('tour=3&projector=1'));
    await sentenceOf(page);
    expect(await page.evaluate(() => document.documentElement.classList.contains('projector'))).toBe(true);
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    for (const sel of ['.tour-chart .chart-box', '[data-testid="tour-sentence"]']) {
      const b = await box(sel);
      expect(b.y, sel).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height, sel).toBeLessThanOrEqual(720);
    }
    await shotAll(page, 'projector-step3-1280x720.png');
    // leaving projector mode updates the page and the address
    await page.getByRole('button', { name: 'Leave projector mode' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('projector'))).toBe(false);
    expect(new URL(page.url()).searchParams.has('projector')).toBe(false);
    await page.close();
  }, 120_000);

  it('a teacher’s link opens the simple view; the link built in the page opens the same thing', async () => {
    const page = await e2e.page({ width: 1280, height: 720 }, 60_000);
    await page.goto(e2e.url('preset=mnist-2min&simple=1'));
    const form = page.locator('[data-testid="simple-form"]');
    await form.waitFor();
    expect(await page.locator('.presets').count()).toBe(0); // no preset cards, no full settings form
    expect(await page.locator('.config-form:not(.simple-form .config-form)').count()).toBe(0);
    expect(await form.locator('select, input').count()).toBe(3); // task, strategy, rounds
    expect(await form.locator('select').first().inputValue()).toBe('mnist-2min');
    await page.locator('.run-controls button:text-is("Start")').waitFor();
    await shotAll(page, 'simple-view-1280x720.png');
    // the header builds the link for what is on screen
    await page.locator('.teacher-menu summary').click();
    const link = await page.locator('.teacher-pop input.share-url').inputValue();
    expect(new URL(link).search).toBe('?preset=mnist-2min&simple=1');
    await page.locator('.teacher-pop button.primary').click();
    await page
      .locator('.teacher-pop [role="status"]')
      .filter({ hasText: /Copied|blocked/ })
      .waitFor();
    const student = await e2e.page({ width: 390, height: 844 }, 60_000);
    await student.goto(link);
    await student.locator('[data-testid="simple-form"]').waitFor();
    await student.screenshot({ path: join(SHOTS, 'simple-view-390x844.png') });
    // a tour step's link
    await page.locator('.view-nav .nav-tour').click();
    await page.locator('.tour-steps [data-tour-step="5"]').click();
    await page.locator('.teacher-menu summary').click();
    await page.locator('.teacher-menu summary').click();
    expect(new URL(await page.locator('.teacher-pop input.share-url').inputValue()).search).toBe('?tour=5');
    await student.close();
    await page.close();
  }, 120_000);

  it('a finished run starts its results with its sentence and scrolls them into view', async () => {
    const page = await e2e.page({ width: 1280, height: 720 }, 90_000);
    const q = tinyMnistQuery({
      rounds: 2,
      generationsPerRound: 12,
      evalEvery: 6,
      methods: ['magnitude', 'random_reinit'],
    });
    await page.goto(e2e.url(`${q}&projector=1`));
    await page.locator('.run-controls .button-row button:text-is("Start")').click();
    await waitStatus(page, 'done', 180_000);
    const result = page.locator('[data-testid="run-result"]');
    await result.waitFor();
    expect(plain(await result.innerText())).toMatch(
      /^Result: At 80 % of the weights \(round 2\), test accuracy: the magnitude ticket \d+\.\d % and a random mask with new random weights \d+\.\d % \(1 seed, seed 0\)\.$/,
    );
    await page.waitForFunction(
      () => {
        const r = document.querySelector('.results')!.getBoundingClientRect();
        return Math.abs(r.top) < 4;
      },
      null,
      { timeout: 10_000 },
    );
    const chart = (await page.locator('[data-chart="sparsity"] .chart-box').boundingBox())!;
    expect(chart.y + chart.height).toBeLessThanOrEqual(720);
    await shotAll(page, 'run-result-projector-1280x720.png');
    await page.close();
  }, 240_000);

  it('“Try it yourself” with no run open shows the step’s precomputed run in that lab tab, tab focused', async () => {
    const page = await e2e.page({ width: 1280, height: 800 }, 90_000);
    const n = TOUR_STEPS.findIndex((s) => s.labTab === 'masks') + 1;
    await page.goto(e2e.url(`tour=${n}`));
    await page.getByRole('button', { name: /Try it yourself in the lab’s “Masks” tab/ }).click();
    await page
      .locator('.results')
      .getByText(/Showing a stored run: \d+ trained networks \(one per round, pruning method and seed\) · MNIST/)
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Masks');
    expect(await page.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('Masks');
    await page.locator('.results canvas').first().waitFor(); // the masks are drawn
    await shotAll(page, 'try-it-masks-1280x800.png');
    await page.close();
  }, 120_000);

  it('the live rerun of step 2 streams over the precomputed curve and ends with “Your run”', async () => {
    const page = await e2e.page({ width: 1280, height: 720 }, 90_000);
    await page.goto(e2e.url('tour=2'));
    await sentenceOf(page);
    await page.locator('[data-testid="tour-rerun"] button.primary').click();
    const live = page.locator('[data-testid="tour-live-sentence"][data-ok="true"]');
    await live.waitFor({ timeout: 240_000 });
    expect(plain(await live.innerText())).toMatch(
      /^Your run: In round 1, PGPE trained all 6,634 weights .* \(1 seed\)\.$/,
    );
    const svg = await page.locator('.tour-chart svg.chart-svg').innerHTML();
    expect(svg).toContain('your run');
    expect(svg).toContain('precomputed');
    await shotAll(page, 'step2-live-1280x720.png');
    // "Run it live again" streams again (a finished stored run is reopened by the lab's Start, not here)
    await page.locator('[data-testid="tour-rerun"] button.primary', { hasText: 'Run it live again' }).click();
    // Stop asks first (as the lab's Cancel, in Stop's words): "Keep running" leaves it streaming, "Stop the run"
    // stops it
    const rerun = page.locator('[data-testid="tour-rerun"]');
    const ask = page.locator('[data-testid="cancel-run-dialog"]');
    await page.getByRole('button', { name: 'Stop the live run' }).click();
    await ask.getByRole('button', { name: 'Keep running' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await rerun.getAttribute('data-status')).toMatch(/starting|running/);
    await page.getByRole('button', { name: 'Stop the live run' }).click();
    expect(await ask.getByRole('heading').innerText()).toBe('Stop the live run?');
    await ask.getByRole('button', { name: 'Stop the run' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="tour-rerun"]')?.getAttribute('data-status') === 'cancelled',
      null,
      { timeout: 120_000 },
    );
    await page.close();
  }, 300_000);
});
