/**
 * ES and gradient descent find different minima (the tour's "Different minima" step; paper Fig. 6): error barriers
 * between pairs of trained networks against weights remaining, and the sharpness of the minima, from the
 * step's analysis file (core/tour/analysis-curves.ts).
 */
import { useMemo } from 'react';
import { barrierCurves, barrierReading, sharpnessCurves, type Curve } from '../../core/tour/analysis-curves';
import { methodColor, methodDash } from '../experiment/palette';
import { OKABE_ITO } from '../viz/palettes';
import { CurveChart } from './CurveChart';
import type { StepViewProps } from './step-types';

const PAIR_STYLE: Readonly<Record<string, { color: string; dash?: string }>> = {
  seeds: { color: OKABE_ITO.vermillion },
  'es-gd': { color: OKABE_ITO.reddishPurple, dash: '6 3' },
  'rounds-es': { color: OKABE_ITO.blue },
  'rounds-gd': { color: '#332288', dash: '2 2' },
};

/** Names the directions the sharpness was measured along (the file's normalisation; pruned weights stay 0). */
function sharpnessDirections(analysis: StepViewProps['analysis']): string {
  const norms = [...new Set((analysis?.sharpness ?? []).map((r) => r.norm))];
  const norm = norms.length === 1 ? norms[0] : null;
  const words =
    norm === 'filter'
      ? 'filter-normalised'
      : norm === 'layer'
        ? 'layer-normalised'
        : norm === 'none'
          ? 'unnormalised'
          : 'mixed';
  return `${words} random directions, pruned weights kept at 0`;
}

export function EvidenceMinima({ step, analysis }: StepViewProps) {
  const barriers = useMemo(() => (analysis ? barrierCurves(analysis) : []), [analysis]);
  const sharp = useMemo(() => (analysis ? sharpnessCurves(analysis) : []), [analysis]);
  const pairStyle = useMemo(() => (c: Curve) => ({ ...(PAIR_STYLE[c.key] ?? { color: '#555' }), name: c.name }), []);
  const chainStyle = useMemo(
    () => (c: Curve) => ({ color: methodColor(c.key), dash: methodDash(c.key), name: c.name }),
    [],
  );
  return (
    <div className="tour-chart tour-chart-pair">
      <CurveChart
        id={`tour-${step.id}-barriers`}
        title={
          analysis && barrierReading(analysis) === 'excess'
            ? 'Error barrier between two networks (above the straight line between their errors)'
            : 'Error barrier between two networks (above the mean of their errors)'
        }
        curves={barriers}
        style={pairStyle}
        yLabel="error barrier (% of test error)"
        scale={100}
      />
      <CurveChart
        id={`tour-${step.id}-sharpness`}
        title={`Sharpness of the minimum (${sharpnessDirections(analysis)})`}
        curves={sharp}
        style={chainStyle}
        yLabel="fitted sharpness a"
        scale={1}
      />
    </div>
  );
}
