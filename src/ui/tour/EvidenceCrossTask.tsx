/**
 * Tickets on other tasks (paper Fig. 1–2; R2): per task, the ticket's lead over a random mask with new
 * weights as a share of the task's range from untrained to dense, against weights remaining; a table at the
 * sparsities every task reached; and the tasks of the claim that the evidence does not hold, with the
 * reason (core/tour/cross-task.ts).
 */
import { useMemo } from 'react';
import { crossTaskChartCurves, matchedPoints, taskEffects } from '../../core/tour/cross-task';
import { minus, perfText, pct, remainingText, seedsText } from '../../core/tour/words';
import { CurveChart } from './CurveChart';
import type { StepViewProps } from './step-types';
import { indexedStyle } from './tour-styles';

/** A normalised effect as the sentence writes it: 0.33 → "33 %", −0.07 → "−7 %". */
const share = (v: number) => minus(pct(100 * v, 0));

export function EvidenceCrossTask({ step, analysis }: StepViewProps) {
  const curves = useMemo(() => (analysis ? crossTaskChartCurves(analysis) : []), [analysis]);
  const tasks = useMemo(() => (analysis ? taskEffects(analysis) : []), [analysis]);
  const matched = useMemo(() => matchedPoints(tasks), [tasks]);
  const style = useMemo(() => indexedStyle(curves), [curves]);
  if (!analysis) return null;
  return (
    <div className="tour-chart tour-chart-tall">
      <CurveChart
        id={`tour-${step.id}`}
        title="Ticket's lead over a random mask, as a share of each task's range"
        curves={curves}
        style={style}
        yLabel="lead ÷ (dense − untrained) (%)"
        scale={100}
      />
      <table className="tour-transfer tour-compact">
        <caption>At matched sparsity: the lead as a share of the range (lowest … highest seed)</caption>
        <thead>
          <tr>
            <th scope="col">task</th>
            <th scope="col">untrained → dense</th>
            {matched.map((m) => (
              <th key={m.at} scope="col">
                ≈ {remainingText(m.at)} remaining
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tasks.map((t, i) => (
            <tr key={t.task}>
              <th scope="row">
                {t.task}
                <span className="small muted">
                  {t.setting}, {seedsText(t.seeds)}
                </span>
              </th>
              <td data-label="untrained → dense">
                {perfText(t.untrained, t.metric)} → {perfText(t.dense, t.metric)}
              </td>
              {matched.map((m) => (
                <td key={m.at} data-label={`≈ ${remainingText(m.at)} remaining`}>
                  {share(m.points[i].normalised)} ({share(m.points[i].lo)} … {share(m.points[i].hi)})
                </td>
              ))}
            </tr>
          ))}
          {(analysis.crossTaskMissing ?? []).map((x) => (
            <tr key={x.task} className="muted">
              <th scope="row">{x.task}</th>
              <td colSpan={1 + matched.length} data-label="not shown">
                {x.note}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
