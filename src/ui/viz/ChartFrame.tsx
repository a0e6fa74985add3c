/**
 * The frame every analysis/mask chart sits in (STYLE.md §11 "every chart has a data-table alternative and
 * an export"): a title, a "show as table" toggle that swaps the chart for a plain table of the same rows,
 * and PNG / CSV download buttons (export.ts).
 */
import { useRef, useState, type ReactNode } from 'react';
import { downloadCsv, downloadPng, fileSlug, type CsvCell } from './export';

export interface ChartTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

export interface ChartFrameProps {
  readonly title: string;
  /** One-line explanation under the title. */
  readonly note?: ReactNode;
  /** The table alternative and the CSV content. */
  readonly table: ChartTable;
  /** The chart; without one the frame shows the table (e.g. an analysis that has no view of its own). */
  readonly children?: ReactNode;
  /** Rows shown in table view before "show all" (default 200). */
  readonly maxTableRows?: number;
}

function cellText(v: CsvCell): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : Number(v.toPrecision(5)).toString();
  return v === null || v === undefined ? '' : String(v);
}

export function ChartFrame({ title, note, table, children, maxTableRows = 200 }: ChartFrameProps) {
  const [tableView, setAsTable] = useState(false);
  const asTable = tableView || children === undefined;
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const rows = showAll ? table.rows : table.rows.slice(0, maxTableRows);
  const png = () => {
    if (!body.current) return;
    setError(null);
    downloadPng(body.current, `${fileSlug(title)}.png`).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="chart-frame" aria-label={title}>
      <div className="chart-head">
        <h3>{title}</h3>
        <div className="chart-actions">
          {children === undefined ? null : (
            <button type="button" className="link-button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
              {asTable ? 'show as chart' : 'show as table'}
            </button>
          )}
          <button type="button" className="link-button" onClick={png} disabled={asTable}>
            PNG
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => downloadCsv(table.header, table.rows, `${fileSlug(title)}.csv`)}
          >
            CSV
          </button>
        </div>
      </div>
      {note ? <p className="chart-note muted">{note}</p> : null}
      {error ? <p className="field-error">{error}</p> : null}
      <div ref={body} className="chart-body">
        {asTable ? (
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
          children
        )}
      </div>
    </section>
  );
}
