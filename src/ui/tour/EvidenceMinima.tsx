/**
 * ES and gradient descent find different minima (the tour's seventh step; paper Fig. 6): error barriers
 * between pairs of trained networks against weights remaining, and the sharpness of the minima, from the
 * step's analysis file (core/tour/analysis-curves.ts).
 */
import { useMemo } from 'react';
import { barrierCurves, barrierReading, sharpnessCurves, type Curve } from '../../core/tour/analysis-curves';
import { ChartFrame } from '../viz/ChartFrame';
import { methodColor, methodDash } from '../experiment/palette';
import { methodName } from '../../core/names';
import { sparsityXAxis } from '../experiment/sparsity-axis';
import { LiveChart, type LiveSeries } from '../viz/LiveChart';
import { OKABE_ITO } from '../viz/palettes';
import type { StepViewProps } from './step-types';

const PAIR_STYLE: Readonly<Record<string, { color: string; dash?: string }>> = {
  seeds: { color: OKABE_ITO.vermillion },
  'es-gd': { color: OKABE_ITO.reddishPurple, dash: '6 3' },
  'rounds-es': { color: OKABE_ITO.blue },
  'rounds-gd': { color: '#332288', dash: '2 2' },
};

function CurveChart({
  id,
  title,
  curves,
  style,
  yLabel,
  scale,
}: {
  id: string;
  title: string;
  curves: readonly Curve[];
  style: (c: Curve) => { color: string; dash?: string; name: string };
  yLabel: string;
  scale: number;
}) {
  const series: LiveSeries[] = useMemo(
    () =>
      curves.map((c) => {
        const s = style(c);
        return {
          key: c.key,
          name: s.name,
          color: s.color,
          dash: s.dash,
          width: 2.4,
          dots: true,
          points: c.points.map(([x, y]) => [x, y * scale] as const),
        };
      }),
    [curves, style, scale],
  );
  const x = useMemo(() => sparsityXAxis(curves.flatMap((c) => c.points.map((p) => p[0]))), [curves]);
  const y = useMemo(() => ({ label: yLabel, format: (v: number) => v.toFixed(scale > 1 ? 0 : 1) }), [yLabel, scale]);
  const xs = [...new Set(curves.flatMap((c) => c.points.map((p) => p[0])))].sort((a, b) => b - a);
  const table = {
    header: ['weights remaining %', ...series.map((s) => s.name)],
    rows: xs.map((v) =>
      [Number(v.toFixed(3)), ...curves.map((c) => (c.points.find((p) => p[0] === v)?.[1] ?? NaN) * scale)].map((n) =>
        Number.isFinite(n) ? n : null,
      ),
    ),
  };
  return (
    <ChartFrame fill id={id} title={title} table={table} empty="Not in this analysis file.">
      <LiveChart
        series={series}
        x={x}
        y={y}
        ariaLabel={`${title}, against weights remaining`}
        xReadout={(v) => `${v.toFixed(2)} % remaining`}
      />
    </ChartFrame>
  );
}

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
    () => (c: Curve) => ({ color: methodColor(c.key), dash: methodDash(c.key), name: methodName(c.key) }),
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
