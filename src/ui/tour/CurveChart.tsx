/**
 * One chart of the tour's analysis steps: curves from a tour analysis file (core/tour/*: every point a
 * mean over seeds) against weights remaining, in the one ChartFrame with its table of the same numbers.
 */
import { useMemo } from 'react';
import type { Curve } from '../../core/tour/analysis-curves';
import { ChartFrame } from '../viz/ChartFrame';
import { sparsityXAxis } from '../experiment/sparsity-axis';
import { LiveChart, type LiveSeries } from '../viz/LiveChart';

/** How a curve is drawn. */
export interface CurveStyle {
  readonly color: string;
  readonly dash?: string;
  readonly name: string;
  /** Line width (0: markers only, e.g. crossing points). */
  readonly width?: number;
  readonly dotRadius?: number;
}

export function CurveChart({
  id,
  title,
  curves,
  style,
  yLabel,
  scale,
  digits,
}: {
  id: string;
  title: string;
  curves: readonly Curve[];
  style: (c: Curve) => CurveStyle;
  yLabel: string;
  scale: number;
  /** Decimals of the y ticks (default: 0 for percentages, 1 otherwise). */
  digits?: number;
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
          width: s.width ?? 2.4,
          dotRadius: s.dotRadius,
          dots: true,
          points: c.points.map(([x, y]) => [x, y * scale] as const),
        };
      }),
    [curves, style, scale],
  );
  const x = useMemo(() => sparsityXAxis(curves.flatMap((c) => c.points.map((p) => p[0]))), [curves]);
  const y = useMemo(
    () => ({ label: yLabel, format: (v: number) => v.toFixed(digits ?? (scale > 1 ? 0 : 1)) }),
    [yLabel, scale, digits],
  );
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
