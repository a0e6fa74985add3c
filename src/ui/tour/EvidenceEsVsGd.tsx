/**
 * ES and gradient descent under pruning (paper Fig. 3; R4): accuracy against weights remaining for the ES
 * tickets and every gradient-descent budget, and a table of where the signal-to-noise ES ticket overtakes
 * each budget for good (also marked on the chart), from the step's analysis file (core/tour/es-vs-gd.ts).
 */
import { useMemo } from 'react';
import { crossingCurve, esGdChartCurves, gdComparisons, seedWords } from '../../core/tour/es-vs-gd';
import { gapText, perfText, remainingText } from '../../core/tour/words';
import { CurveChart } from './CurveChart';
import type { StepViewProps } from './step-types';
import { trainerStyle } from './tour-styles';

export function EvidenceEsVsGd({ step, analysis }: StepViewProps) {
  const curves = useMemo(() => {
    const cross = analysis ? crossingCurve(analysis) : null;
    return analysis ? [...esGdChartCurves(analysis), ...(cross ? [cross] : [])] : [];
  }, [analysis]);
  const rows = useMemo(() => (analysis ? gdComparisons(analysis) : []), [analysis]);
  const style = useMemo(() => trainerStyle(curves), [curves]);
  if (!analysis) return null;
  const metric = analysis.metric;
  return (
    <div className="tour-chart tour-chart-tall">
      <CurveChart
        id={`tour-${step.id}`}
        title="ES tickets and gradient descent: test accuracy against weights remaining"
        curves={curves}
        style={style}
        yLabel="test accuracy (%)"
        scale={100}
      />
      <table className="tour-transfer tour-compact">
        <caption>Where the signal-to-noise ES ticket overtakes gradient descent (on the same seeds)</caption>
        <thead>
          <tr>
            <th scope="col">gradient descent</th>
            <th scope="col">seeds</th>
            <th scope="col">dense: GD / ES</th>
            <th scope="col">ES ahead from</th>
            <th scope="col">ES − GD at the end</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.epochs}>
              <th scope="row">{r.epochs} epochs per round</th>
              <td data-label="seeds">{seedWords(r.seeds)}</td>
              <td data-label="dense: GD / ES">
                {perfText(r.gdDense, metric)} / {perfText(r.esDense, metric)}
              </td>
              <td data-label="ES ahead from">
                {r.esAheadFromPct === null ? 'never' : `${remainingText(r.esAheadFromPct)} remaining`}
              </td>
              <td data-label="ES − GD at the end">
                {gapText(r.lastGap, metric)} at {remainingText(r.lastRemainingPct)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
