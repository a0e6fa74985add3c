/**
 * The frame every chart of the app sits in (docs/ARCHITECTURE.md convention 11 "every chart has a data-table
 * alternative and an
 * export"): a title, an optional note, a "Show as table" toggle that swaps the chart for a plain table of
 * the same rows, and CSV / PNG / SVG downloads (export.ts). The table and the CSV are the same rows, so
 * what you read is what you export. The toggle is kept in the view store per chart, so it survives the
 * chart's re-mounts (result tabs, streaming updates).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DataTable, TableCell } from '../../core/table';
import { useViewStore } from '../../state/view-store';
import { downloadCsv, downloadPng, downloadSvg, fileSlug } from './export';
import './views.css';

export interface ChartFrameProps {
  readonly title: string;
  /** Stable id: `data-chart` attribute, table-toggle key and file-name stem (default: the title as a slug). */
  readonly id?: string;
  /** One-line explanation under the title. */
  readonly note?: ReactNode;
  /** The table alternative and the CSV content. */
  readonly table: DataTable;
  /** Shown instead of the chart while the table has no rows (without it, the chart is drawn regardless). */
  readonly empty?: string;
  /**
   * The chart fills a box of fixed height (charts that size themselves to their container: the live SVG
   * charts, recharts); otherwise it keeps its own size (canvases, small multiples).
   */
  readonly fill?: boolean;
  /** The chart; without one the frame shows the table (e.g. an analysis that has no view of its own). */
  readonly children?: ReactNode;
  /**
   * false: the chart is no picture (an HTML table heatmap such as the LMC barrier matrix): no PNG or SVG
   * button, as a PNG or SVG of it could only say so; CSV and the table toggle stay.
   */
  readonly image?: boolean;
  /** Below the chart or table (e.g. where overlaid numbers come from). */
  readonly footer?: ReactNode;
  /** Rows shown in table view before "show all" (default 200). */
  readonly maxTableRows?: number;
}

function cellText(v: TableCell): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : Number(v.toPrecision(5)).toString();
  return v === null || v === undefined ? '' : String(v);
}

export function ChartFrame({
  title,
  id,
  note,
  table,
  empty,
  fill = false,
  children,
  image = true,
  footer,
  maxTableRows = 200,
}: ChartFrameProps) {
  const key = id ?? fileSlug(title);
  const tableView = useViewStore((s) => !!s.chartAsTable[key]);
  // a frame without a chart (a table of its own, e.g. the Transfer summary): the table, CSV only
  const chartless = children === undefined;
  const asTable = tableView || chartless;
  const noImage = chartless || !image;
  const toggle = useViewStore((s) => s.toggleChartTable);
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const hasData = table.rows.length > 0;
  const emptyNow = !hasData && empty !== undefined;
  const rows = showAll ? table.rows : table.rows.slice(0, maxTableRows);
  // A chart drawn on a canvas has no vector form: it offers PNG only (an SVG button would only say so).
  const [canvasOnly, setCanvasOnly] = useState(false);
  useEffect(() => {
    const el = body.current;
    setCanvasOnly(!!el && !!el.querySelector('canvas') && !el.querySelector('svg'));
  }, [asTable, emptyNow, hasData, children]);
  /** Runs an image export of the drawn chart, showing its error (e.g. SVG of a canvas) under the title. */
  const exportImage = (run: (root: HTMLElement) => Promise<void> | void) => {
    if (!body.current) return;
    setError(null);
    Promise.resolve()
      .then(() => run(body.current!))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className={fill ? 'chart-block' : 'chart-frame'} aria-labelledby={`${key}-h`} data-chart={key}>
      <div className="chart-head">
        <h3 id={`${key}-h`}>{title}</h3>
        <div className="chart-actions">
          {chartless ? null : (
            <button type="button" className="link-button" aria-pressed={asTable} onClick={() => toggle(key)}>
              {asTable ? 'Show as chart' : 'Show as table'}
            </button>
          )}
          <button
            type="button"
            className="link-button"
            disabled={!hasData}
            onClick={() => downloadCsv(`${key}.csv`, table)}
          >
            CSV
          </button>
          {noImage ? null : (
            <button
              type="button"
              className="link-button"
              disabled={emptyNow || asTable}
              onClick={() => exportImage((root) => downloadPng(root, `${key}.png`))}
            >
              PNG
            </button>
          )}
          {canvasOnly || noImage ? null : (
            <button
              type="button"
              className="link-button"
              disabled={emptyNow || asTable}
              onClick={() => exportImage((root) => downloadSvg(root, `${key}.svg`))}
            >
              SVG
            </button>
          )}
        </div>
      </div>
      {note ? <p className="chart-note muted">{note}</p> : null}
      {error ? <p className="field-error">{error}</p> : null}
      {emptyNow ? (
        <p className="muted chart-empty">{empty}</p>
      ) : asTable ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                {table.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j}>{cellText(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {table.rows.length > rows.length ? (
            <button type="button" className="link-button" onClick={() => setShowAll(true)}>
              show all {table.rows.length} rows
            </button>
          ) : null}
        </div>
      ) : (
        <div ref={body} className={fill ? 'chart-box' : 'chart-body'}>
          {children}
        </div>
      )}
      {footer}
    </section>
  );
}
