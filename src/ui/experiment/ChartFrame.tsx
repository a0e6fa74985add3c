/**
 * The frame every experiment chart sits in (STYLE.md §11: every chart has a table alternative and an export):
 * title, a chart ⇄ table toggle, and PNG / SVG / CSV downloads. The table and the CSV are the same rows,
 * so what you read is what you export.
 */
import { useRef, type ReactNode } from 'react';
import { useViewStore } from '../../state/view-store';
import { downloadBlob, downloadText, svgMarkup, svgToPng, toCsv } from './chart-export';

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export interface ChartFrameProps {
  /** Stable id: view-store key and file-name stem. */
  readonly id: string;
  readonly title: string;
  readonly table: ChartTable;
  /** Shown instead of the chart when there is nothing yet. */
  readonly empty?: string;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
}

const fmtCell = (v: string | number | null) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : (v ?? '');

export function ChartFrame({ id, title, table, empty, children, footer }: ChartFrameProps) {
  const asTable = useViewStore((s) => !!s.chartAsTable[id]);
  const toggle = useViewStore((s) => s.toggleChartTable);
  const box = useRef<HTMLDivElement>(null);
  const svg = () => box.current?.querySelector('svg.chart-svg, svg.recharts-surface') as SVGSVGElement | null;
  const hasData = table.rows.length > 0;
  return (
    <section className="chart-block" aria-labelledby={`${id}-h`} data-chart={id}>
      <div className="chart-toolbar">
        <h3 id={`${id}-h`}>{title}</h3>
        <div className="chart-actions">
          <button type="button" className="link-button" aria-pressed={asTable} onClick={() => toggle(id)}>
            {asTable ? 'Show as chart' : 'Show as table'}
          </button>
          <button
            type="button"
            className="link-button"
            disabled={!hasData}
            onClick={() => downloadText(`${id}.csv`, toCsv(table.columns, table.rows), 'text/csv')}
          >
            CSV
          </button>
          <button
            type="button"
            className="link-button"
            disabled={!hasData || asTable}
            onClick={() => {
              const s = svg();
              if (s) void svgToPng(s).then((b) => downloadBlob(`${id}.png`, b));
            }}
          >
            PNG
          </button>
          <button
            type="button"
            className="link-button"
            disabled={!hasData || asTable}
            onClick={() => {
              const s = svg();
              if (s) downloadText(`${id}.svg`, svgMarkup(s).markup, 'image/svg+xml');
            }}
          >
            SVG
          </button>
        </div>
      </div>
      {!hasData ? (
        <p className="muted chart-empty">{empty ?? 'No data yet.'}</p>
      ) : asTable ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) => (
                    <td key={j}>{fmtCell(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="chart-box" ref={box}>
          {children}
        </div>
      )}
      {footer}
    </section>
  );
}
