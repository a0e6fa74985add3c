/**
 * What the weights look like (paper SI Fig. 11; R9): for the first layer, the mean |W| of the alive weights
 * and how much of the layer is kept relative to the whole network, ES against every gradient-descent budget,
 * against weights remaining,
 * from the step's analysis file (core/tour/weights-evidence.ts).
 */
import { useMemo } from 'react';
import { weightsChartCurves, weightsLayerName } from '../../core/tour/weights-evidence';
import { evidenceLayers } from '../../core/tour/evidence-layers';
import { CurveChart } from './CurveChart';
import type { StepViewProps } from './step-types';
import { trainerStyle } from './tour-styles';

export function EvidenceWeights({ step, analysis }: StepViewProps) {
  const size = useMemo(() => (analysis ? weightsChartCurves(analysis, 'meanAbsW') : []), [analysis]);
  const kept = useMemo(() => (analysis ? weightsChartCurves(analysis, 'relativeKept') : []), [analysis]);
  const style = useMemo(() => trainerStyle(size), [size]);
  // the layer as the result tabs name it ("hidden layer 1 (196 → 32)")
  const layer = useMemo(
    () => (analysis ? weightsLayerName(analysis, 0, evidenceLayers(step.evidence)) : ''),
    [analysis, step],
  );
  return (
    <div className="tour-chart tour-chart-pair tour-chart-tall">
      <CurveChart
        id={`tour-${step.id}-size`}
        title={`Mean size |W| of the alive weights in ${layer}`}
        curves={size}
        style={style}
        yLabel="mean |W| of alive weights"
        scale={1}
      />
      <CurveChart
        id={`tour-${step.id}-kept`}
        title={`How much of ${layer} is kept, relative to the whole network`}
        curves={kept}
        style={style}
        yLabel="layer kept ÷ all weights kept"
        scale={1}
        digits={1}
      />
    </div>
  );
}
