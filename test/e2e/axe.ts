/**
 * axe-core in an e2e page: the devDependency's own build is injected as a script (playwright-core has no
 * axe wrapper; `@axe-core/playwright` needs the full `playwright` package) and run over the whole
 * document with its default rules (WCAG 2.0/2.1 A/AA and best practices) plus WCAG 2.2's target size
 * (2.5.8: every pointer target at least 24 × 24 px or spaced as if it were; off by default in axe).
 * Each call returns the violations split by impact; the e2e files assert that none is serious or
 * critical and print the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { REPO_ROOT } from './helpers';

const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** One violated rule, as printed: impact, rule id, its help text and up to 5 offending elements. */
export interface AxeFinding {
  readonly impact: string;
  readonly rule: string;
  readonly help: string;
  readonly targets: readonly string[];
}

export interface AxeReport {
  readonly label: string;
  /** serious or critical: the e2e files assert this is empty. */
  readonly blocking: readonly AxeFinding[];
  /** moderate or minor: printed. */
  readonly other: readonly AxeFinding[];
}

const finding = (v: Result): AxeFinding => ({
  impact: v.impact ?? 'unknown',
  rule: v.id,
  help: v.help,
  targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
});

/** Runs axe over `page` as it is now (injecting it first when the page has navigated since). */
export async function runAxe(page: Page, label: string): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
      rules: { 'target-size': { enabled: true } },
    }),
  );
  const all = results.violations.map(finding);
  const blocking = all.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  const other = all.filter((f) => !blocking.includes(f));
  for (const f of other) console.log(`[axe ${label}] ${f.impact} ${f.rule}: ${f.help} — ${f.targets.join(' | ')}`);
  return { label, blocking, other };
}

/** The blocking findings as one readable line each (for the assertion's message). */
export const describeBlocking = (r: AxeReport): string[] =>
  r.blocking.map((f) => `${r.label}: ${f.impact} ${f.rule} (${f.help}) at ${f.targets.join(' | ')}`);
