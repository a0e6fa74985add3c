/**
 * Chart data of a precomputed overlay: the bundle's sparsity curves (mean over its seeds, from
 * the tested `sparsityCurves`) as dotted, faded series labelled "precomputed", and the same numbers as
 * extra columns of the chart's table, so what is drawn is what the table and CSV export say.
 */
import type { SparsityCurves } from '../../state/imp-selectors';
import type { DataTable, TableCell } from '../../core/table';
import type { LiveSeries } from '../viz/LiveChart';
import { methodColor, methodDash } from '../experiment/palette';
import { sourcedName } from '../../core/names';

/** Dotted and faded: never mistaken for this tab's own (solid / dashed) curves. */
export const PRECOMPUTED_DASH = '1.5 3.5';

export function precomputedSeries(pre: SparsityCurves, scale: number): LiveSeries[] {
  return pre.methods.map((m) => ({
    key: `pre:${m}`,
    name: sourcedName(m, 'precomputed'),
    color: methodColor(m),
    dash: PRECOMPUTED_DASH,
    // all dotted, so a baseline is told apart from a ticket by its dots (as dashes do for this tab's own curves)
    ...(methodDash(m) ? { dots: true, dotRadius: 2.5 } : {}),
    width: 2,
    opacity: 0.55,
    points: pre.rows
      .filter((r) => typeof r[m] === 'number')
      .map((r) => [r.remainingPct, (r[m] as number) * scale] as const),
  }));
}

/** How the overlay's values appear in the table: ×`scale` (100 where the chart shows %), under `column(method)`. */
export interface PrecomputedColumns {
  readonly scale: number;
  readonly column: (method: string) => string;
}

/** Adds one column per precomputed method, rows joined by round (rounds only one side has get nulls). */
export function withPrecomputedColumns(table: DataTable, pre: SparsityCurves, cols: PrecomputedColumns): DataTable {
  const width = table.header.length - 2;
  const live = new Map(table.rows.map((r) => [r[0] as number, r]));
  const preByRound = new Map(pre.rows.map((r) => [r.roundNum, r]));
  const rounds = [...new Set([...live.keys(), ...preByRound.keys()])].sort((a, b) => a - b);
  return {
    header: [...table.header, ...pre.methods.map(cols.column)],
    rows: rounds.map((k) => {
      const p = preByRound.get(k);
      const head = live.get(k) ?? [
        k,
        p ? Number(p.remainingPct.toFixed(3)) : null,
        ...Array<TableCell>(width).fill(null),
      ];
      return [
        ...head,
        ...pre.methods.map((m) => (p && typeof p[m] === 'number' ? (p[m] as number) * cols.scale : null)),
      ];
    }),
  };
}
