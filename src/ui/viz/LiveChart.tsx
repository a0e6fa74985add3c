/**
 * A light SVG line chart for the charts that update while a run streams (the main thread
 * must stay responsive: no long task over 50 ms). recharts 3 re-derives its whole redux state and re-measures
 * every tick label on each data change (100–400 ms per update on a loaded 2-core machine, measured with
 * test/e2e/fixtures/profile-longtasks.ts); this draws a few hundred SVG nodes from precomputed scales
 * (scales.ts) in a few ms. Series are polylines with optional dots and a shaded band (mean ± s.d.);
 * the legend is part of the SVG (so PNG/SVG export includes it); hover shows the values at the
 * nearest x. Keyboard users get the same numbers from ChartFrame's table view.
 */
import { LEGEND_TEXT_X, legendLayout, legendRows } from './legend-layout';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import {
  autoDomain,
  axisScale,
  linearTicks,
  linearTicksAtLeast,
  logTicks,
  nearestIndex,
  tickLabels,
  type ScaleKind,
} from './scales';
import { compactNumber } from './number-format';

export interface LiveSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly dash?: string;
  readonly width?: number;
  readonly opacity?: number;
  readonly dots?: boolean;
  /** Radius of the dots in px (default 3; larger for markers such as crossing points). */
  readonly dotRadius?: number;
  /** Listed in the legend and the hover read-out (default true). */
  readonly legend?: boolean;
  /** [x, y] points in x order; non-finite y are skipped (the line joins its neighbours). */
  readonly points: readonly (readonly [number, number])[];
  /** Optional band [x, lo, hi] drawn under the line. */
  readonly band?: readonly (readonly [number, number, number])[];
}

export interface LiveAxis {
  readonly label?: string;
  readonly scale?: ScaleKind;
  readonly domain?: readonly [number, number];
  readonly ticks?: readonly number[];
  readonly format?: (v: number) => string;
  /** Largest value on the left (x) / bottom (y). */
  readonly reversed?: boolean;
}

export interface LiveChartProps {
  readonly series: readonly LiveSeries[];
  readonly x: LiveAxis;
  readonly y: LiveAxis;
  /** Formats values in the hover read-out (default: y.format). */
  readonly valueFormat?: (v: number) => string;
  readonly xReadout?: (v: number) => string;
  readonly ariaLabel: string;
}

const M = { left: 62, right: 16, top: 8, bottom: 38 };
const LEGEND_ROW = 18;
const defaultFmt = (v: number) => compactNumber(v, 4, 1);

function useSize(ref: React.RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) =>
      setSize({ w: Math.round(e.contentRect.width), h: Math.round(e.contentRect.height) }),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

export const LiveChart = memo(function LiveChart({ series, x, y, valueFormat, xReadout, ariaLabel }: LiveChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const { w, h } = useSize(box);
  const [hoverX, setHoverX] = useState<number | null>(null);
  // On a narrow chart the legend uses the whole width, not only the plot's (the y-axis labels take 62 px).
  const legendLeft = w < 520 ? 8 : M.left;
  const legend = useMemo(
    () =>
      legendLayout(
        series.filter((s) => s.legend !== false),
        Math.max(100, w - legendLeft - M.right),
      ),
    [series, w, legendLeft],
  );
  const top = M.top + legendRows(legend) * LEGEND_ROW;
  const geo = useMemo(() => {
    const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
    const yVals = series.flatMap((s) => [...s.points.map((p) => p[1]), ...(s.band ?? []).flatMap((b) => [b[1], b[2]])]);
    const xk = x.scale ?? 'linear',
      yk = y.scale ?? 'linear';
    const xd = x.domain ?? autoDomain(xs, xk),
      yd = y.domain ?? autoDomain(yVals, yk);
    const plotW = Math.max(10, w - M.left - M.right),
      plotH = Math.max(10, h - top - M.bottom);
    const sx = axisScale(xk, xd, x.reversed ? [M.left + plotW, M.left] : [M.left, M.left + plotW]);
    const sy = axisScale(yk, yd, y.reversed ? [top, top + plotH] : [top + plotH, top]);
    const xTicks =
      x.ticks ??
      (xk === 'log' ? logTicks(xd[0], xd[1]) : linearTicks(xd[0], xd[1], Math.max(2, Math.floor(plotW / 80))));
    // A log axis spanning less than a 1-2-5 step (e.g. σ ≈ 0.1 everywhere) gets evenly spaced linear ticks instead.
    const logY = yk === 'log' ? logTicks(yd[0], yd[1], 6) : [];
    const yTicks =
      y.ticks ??
      (logY.length >= 3 ? logY : linearTicksAtLeast(yd[0], yd[1], Math.max(2, Math.min(6, Math.floor(plotH / 45)))));
    return { xs, sx, sy, xTicks, yTicks, plotW, plotH };
  }, [series, x, y, w, h, top]);
  const { sx, sy, plotW, plotH } = geo;
  const fx = x.format ?? defaultFmt,
    fy = y.format ?? defaultFmt,
    fv = valueFormat ?? fy;
  const path = (pts: readonly (readonly [number, number])[]) =>
    pts
      .filter((p) => Number.isFinite(p[1]))
      .map((p, i) => `${i ? 'L' : 'M'}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`)
      .join('');
  const bandPath = (b: readonly (readonly [number, number, number])[]) => {
    const ok = b.filter((p) => Number.isFinite(p[1]) && Number.isFinite(p[2]));
    return ok.length < 2
      ? ''
      : `M${ok.map((p) => `${sx(p[0]).toFixed(1)},${sy(p[2]).toFixed(1)}`).join('L')}L${[...ok]
          .reverse()
          .map((p) => `${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`)
          .join('L')}Z`;
  };
  const hoverIdx = hoverX === null || !geo.xs.length ? null : nearestIndex(geo.xs.map(sx), hoverX);
  const hx = hoverIdx === null ? null : geo.xs[hoverIdx];
  const readout =
    hx === null
      ? []
      : series
          .filter((s) => s.legend !== false)
          .flatMap((s) => {
            const p = s.points.find((q) => q[0] === hx);
            return p && Number.isFinite(p[1]) ? [{ s, v: p[1] }] : [];
          });

  return (
    <div className="live-chart" ref={box}>
      {w > 0 && h > 0 && (
        <svg
          className="chart-svg"
          width={w}
          height={h}
          role="img"
          aria-label={ariaLabel}
          // CSS zoom (projector mode) scales the client rectangle but not the chart's own coordinates
          onPointerMove={(e) =>
            setHoverX(
              (e.clientX - e.currentTarget.getBoundingClientRect().left) /
                ((e.currentTarget as unknown as { currentCSSZoom?: number }).currentCSSZoom ?? 1),
            )
          }
          onPointerLeave={() => setHoverX(null)}
        >
          {/* not class "legend": that CSS (0.8rem) would override the 12 px legendLayout measures for */}
          <g className="chart-legend" fontSize={12}>
            {legend.map(({ s, x: lx, row, lines }) => (
              <g key={s.key} transform={`translate(${legendLeft + lx},${M.top + row * LEGEND_ROW + 6})`}>
                <line
                  x1={0}
                  x2={22}
                  y1={0}
                  y2={0}
                  stroke={s.color}
                  strokeWidth={s.width ?? 2}
                  strokeDasharray={s.dash}
                />
                {s.dots && <circle cx={11} cy={0} r={s.dotRadius ?? 3} fill={s.color} />}
                <text x={LEGEND_TEXT_X} y={4} fill="#333">
                  {lines.map((line, i) => (
                    <tspan key={i} x={LEGEND_TEXT_X} dy={i ? LEGEND_ROW : 0}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            ))}
          </g>
          <g className="grid" stroke="#e3e6ea">
            {geo.yTicks.map((t) => (
              <line key={`y${t}`} x1={M.left} x2={M.left + plotW} y1={sy(t)} y2={sy(t)} />
            ))}
            {geo.xTicks.map((t) => (
              <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={top} y2={top + plotH} />
            ))}
          </g>
          <g className="axes" fontSize={11} fill="#555">
            <line x1={M.left} x2={M.left + plotW} y1={top + plotH} y2={top + plotH} stroke="#888" />
            <line x1={M.left} x2={M.left} y1={top} y2={top + plotH} stroke="#888" />
            {tickLabels(geo.xTicks, fx).map((label, i) => (
              <text key={geo.xTicks[i]} x={sx(geo.xTicks[i])} y={top + plotH + 14} textAnchor="middle">
                {label}
              </text>
            ))}
            {tickLabels(geo.yTicks, fy).map((label, i) => (
              <text key={geo.yTicks[i]} x={M.left - 5} y={sy(geo.yTicks[i]) + 4} textAnchor="end">
                {label}
              </text>
            ))}
            {x.label && (
              <text x={M.left + plotW / 2} y={h - 4} textAnchor="middle" fill="#333">
                {x.label}
              </text>
            )}
            {y.label && (
              <text transform={`translate(13,${top + plotH / 2}) rotate(-90)`} textAnchor="middle" fill="#333">
                {y.label}
              </text>
            )}
          </g>
          <g className="series" fill="none">
            {series.map(
              (s) =>
                s.band && (
                  <path key={`${s.key}:band`} d={bandPath(s.band)} fill={s.color} fillOpacity={0.15} stroke="none" />
                ),
            )}
            {series.map((s) => (
              <path
                key={s.key}
                d={path(s.points)}
                stroke={s.color}
                strokeWidth={s.width ?? 2}
                strokeDasharray={s.dash}
                strokeOpacity={s.opacity ?? 1}
              />
            ))}
            {series
              .filter((s) => s.dots)
              .map((s) => (
                <g key={`${s.key}:dots`} fill={s.color}>
                  {s.points
                    .filter((p) => Number.isFinite(p[1]))
                    .map((p) => (
                      <circle key={p[0]} className="chart-dot" cx={sx(p[0])} cy={sy(p[1])} r={s.dotRadius ?? 3} />
                    ))}
                </g>
              ))}
          </g>
          {hx !== null && (
            <line
              x1={sx(hx)}
              x2={sx(hx)}
              y1={top}
              y2={top + plotH}
              stroke="#999"
              strokeDasharray="3 3"
              pointerEvents="none"
            />
          )}
        </svg>
      )}
      {hx !== null && readout.length > 0 && (
        <div className="live-tooltip" style={{ left: Math.min(sx(hx) + 10, Math.max(0, w - 220)), top }} aria-hidden>
          <strong>{xReadout ? xReadout(hx) : fx(hx)}</strong>
          {readout.map(({ s, v }) => (
            <div key={s.key}>
              <span style={{ color: s.color }}>■</span> {s.name}: {fv(v)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
