/**
 * Text helpers for analysis reports (CSV cells, markdown tables): numbers with fixed decimals, '' for
 * NaN, and "mean ± s.e." over seeds. Pure, shared by every analysis's `report` and the CLI's `summarize`.
 */
import { curvatureSummary, type CurvatureSummary } from '../quadratic-fit';
import type { Cell } from './types';

/** A number for CSV/markdown: fixed decimals, '' for NaN/undefined. */
export function fmt(v: number | undefined | null, digits = 4): string {
  return v === undefined || v === null || !Number.isFinite(v) ? '' : v.toFixed(digits);
}

/** A GitHub-flavoured markdown table (what docs/RESULTS.md embeds); a "|" inside a cell is escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (r: readonly Cell[]) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Mean, s.d. and s.e. of the finite values (NaN-free: a seed without a value is left out). */
export function meanSe(values: readonly number[]): CurvatureSummary {
  return curvatureSummary(values.filter(Number.isFinite));
}

/** "mean ± s.e." with n > 1, the value alone with n = 1, '' with none. */
export function pmCell(values: readonly number[], digits = 3): string {
  const s = meanSe(values);
  return s.n === 0 ? '' : s.n > 1 ? `${fmt(s.mean, digits)} ± ${fmt(s.se, digits)}` : fmt(s.mean, digits);
}

/** Percent of prunable weights remaining for a sparsity fraction. */
export const remainingPct = (sparsityFrac: number): number => 100 * (1 - sparsityFrac);

/**
 * The "remaining %" of runs A and B of a two-run table, side by side: the two runs may prune at different
 * rates (p or scope), so "same round" need not mean "same sparsity", and run A's number alone would be
 * read as both. `sparsityOf(run, round)` is the actual sparsity (0 = A, 1 = B; undefined where absent).
 */
export function remainingByRun(
  rounds: readonly number[],
  sparsityOf: (run: number, roundNum: number) => number | undefined,
): { pct: (run: number, roundNum: number) => string; note: string } {
  const pct = (run: number, k: number) => {
    const s = sparsityOf(run, k);
    return s === undefined ? '' : fmt(remainingPct(s), 1);
  };
  const differ = rounds.filter((k) => pct(0, k) && pct(1, k) && pct(0, k) !== pct(1, k));
  const shown = differ
    .slice(0, 3)
    .map((k) => `round ${k}: ${pct(0, k)} % remaining in A, ${pct(1, k)} % in B`)
    .join('; ');
  const note = differ.length
    ? `Note: runs A and B are not equally sparse at the same round (${shown}${differ.length > 3 ? '; …' : ''}): ` +
      'their pruning schedules differ (p or scope), so each row compares networks of different sizes.'
    : '';
  return { pct, note };
}
