/**
 * When weight size and signal-to-noise disagree (paper Fig. 7; R11): per chain, the Pearson correlation of
 * |μ| and |μ|/σ over the alive weights, and the share of them on which both rules make the same keep-or-prune
 * choice, against weights remaining, from the step's analysis file (core/tour/correlation-evidence.ts).
 */
import { useMemo } from 'react';
import { correlationChartCurves } from '../../core/tour/correlation-evidence';
import { CurveChart } from './CurveChart';
import type { StepViewProps } from './step-types';
import { trainerStyle } from './tour-styles';

export function EvidenceCorrelation({ step, analysis }: StepViewProps) {
  const pearson = useMemo(() => (analysis ? correlationChartCurves(analysis, 'pearson') : []), [analysis]);
  const agree = useMemo(() => (analysis ? correlationChartCurves(analysis, 'agree') : []), [analysis]);
  const style = useMemo(() => trainerStyle(pearson), [pearson]);
  return (
    <div className="tour-chart tour-chart-pair">
      <CurveChart
        id={`tour-${step.id}-pearson`}
        title="Correlation of weight size |μ| and signal-to-noise |μ|/σ"
        curves={pearson}
        style={style}
        yLabel="Pearson correlation"
        scale={1}
        digits={2}
      />
      <CurveChart
        id={`tour-${step.id}-agree`}
        title="Alive weights on which both rules make the same choice"
        curves={agree}
        style={style}
        yLabel="same keep-or-prune choice (%)"
        scale={100}
      />
    </div>
  );
}
