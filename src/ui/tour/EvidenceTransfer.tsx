/**
 * Tickets transfer (the tour's last step; paper Fig. 4–5): per transfer, at its sparsest round, the
 * transferred ticket, the target's random mask with new weights and (where measured) the target's own
 * ticket, as a table with bars (core/tour/analysis-curves.ts transferTable).
 */
import { useMemo } from 'react';
import { transferTable } from '../../core/tour/analysis-curves';
import { perfText, remainingText } from '../../core/tour/words';
import type { StepViewProps } from './step-types';

const COLUMNS = [
  { key: 'ticket', name: 'transferred ticket', className: 'bar-ticket' },
  { key: 'baseline', name: 'random mask, new weights', className: 'bar-baseline' },
  { key: 'native', name: "target's own ticket", className: 'bar-native' },
] as const;

export function EvidenceTransfer({ analysis }: StepViewProps) {
  const rows = useMemo(() => (analysis ? transferTable(analysis) : []), [analysis]);
  if (!analysis) return null;
  const metric = analysis.metric;
  const top = Math.max(...rows.flatMap((r) => [r.ticket, r.baseline, r.native ?? -Infinity]));
  const width = (v: number) => `${Math.max(0, (100 * v) / top).toFixed(1)}%`;
  return (
    <div className="tour-chart">
      <table className="tour-transfer">
        <caption>
          {metric === 'accuracy' ? 'Test accuracy' : 'Test return'} on the target, mean over seeds, at the sparsest
          round of each transfer
        </caption>
        <thead>
          <tr>
            <th scope="col">transfer</th>
            <th scope="col">weights left</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td data-label="weights left">{remainingText(r.remainingPct)}</td>
              {COLUMNS.map((c) => {
                const v = r[c.key];
                return (
                  <td key={c.key} data-label={c.name}>
                    {v === null ? (
                      '—'
                    ) : (
                      <span className="bar-cell">
                        {metric === 'accuracy' && (
                          <span className="bar-track" aria-hidden>
                            <span className={`bar ${c.className}`} style={{ width: width(v) }} />
                          </span>
                        )}
                        <span className="bar-value">{perfText(v, metric)}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
