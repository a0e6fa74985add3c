/**
 * The recharts pieces the analysis and mask plots share (docs/ARCHITECTURE.md convention 11): the box a
 * plot fills, its margins and grid, the per-round x axis and the axis-label placement. recharts reads
 * its axes and grid from the chart's direct children, so these are functions that return the elements
 * (called inside the chart), not components that wrap them.
 */
import type { ReactElement } from 'react';
import { CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { roundTicks } from './scales';

/** Margins that leave room for the axis labels below and to the left. */
export const PLOT_MARGIN = { top: 8, right: 16, bottom: 20, left: 8 } as const;

/** A plot `height` px tall that fills the width of its column. */
export function PlotBox({ height, children }: { readonly height: number; readonly children: ReactElement }) {
  return (
    <div style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/**
 * The series legend above a plot, with room of its own: recharts lays the plot out right under the
 * legend's box, and the top y tick label ("0.24", "105"), centred on the plot's top edge, stuck up into
 * the legend's line. The padding below the entries (part of the measured box) keeps them clear.
 */
export function topLegend(): ReactElement {
  return <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 12 }} />;
}

/**
 * Line dots drawn whole on the plot's edge: a plot whose x axis allows no overflow (roundAxis) clips its
 * lines to the plot area, dots included, so a point on the top or bottom of the y range showed as half a
 * circle. `dot={EDGE_DOTS}` clips the dots to the plot area widened by their size instead.
 */
export const EDGE_DOTS = { clipDot: false } as const;

/** Light grid lines behind the data. */
export function gridLines(horizontal = true): ReactElement {
  return <CartesianGrid stroke="#e3e3e3" horizontal={horizontal} />;
}

/** An x-axis label below the axis. */
export function xLabel(value: string, offset = -12) {
  return { value, position: 'insideBottom', offset } as const;
}

/**
 * A y-axis label, turned and placed inside the left margin; `dy` centres it on the axis. Axes whose tick
 * values come from the data take `width="auto"`: recharts then measures the tick labels and this title, so
 * a long tick ("-0.0001235", "-1235") cannot slide under the title as it would in a fixed width.
 */
export function yLabel(value: string, dy = 40, offset = 0) {
  return { value, angle: -90, position: 'insideLeft', offset, dy } as const;
}

/**
 * A y axis over a computed `axis` (scales.ts niceAxis: its domain and every tick drawn), with `format` for
 * the ticks and the turned `title` (yLabel's `dy`). Its width is measured ("auto"), so ticks of any length
 * stay clear of the title. `dataKey` for a scatter chart, whose points carry the value under that key.
 */
export function niceYAxis(
  axis: { readonly domain: [number, number]; readonly ticks: readonly number[] },
  format: (v: number) => string,
  title: string,
  opts: { readonly dy?: number; readonly dataKey?: string } = {},
): ReactElement {
  return (
    <YAxis
      {...(opts.dataKey ? { dataKey: opts.dataKey, type: 'number' as const } : {})}
      width="auto"
      tickFormatter={format}
      domain={axis.domain}
      ticks={[...axis.ticks]}
      interval={0}
      label={yLabel(title, opts.dy)}
    />
  );
}

/**
 * The x axis of a per-round plot: whole rounds from the first to the last. Given the plotted `rounds`, its
 * ticks are whole rounds from roundTicks (recharts' own read 1, 3, 5, 6 or, padded, ran past the last
 * round: 1, 3, 5, 7 for six); `pad` widens it by half a round each side, so the first and last round's
 * points (scatter symbols, line dots) sit inside the plot, not half cut off on its left and right edges.
 */
export function roundAxis(dataKey = 'roundNum', rounds?: readonly number[], pad = false): ReactElement {
  const [first, last] = rounds?.length ? [Math.min(...rounds), Math.max(...rounds)] : [NaN, NaN];
  const p = pad ? 0.5 : 0;
  return Number.isFinite(first) ? (
    <XAxis
      dataKey={dataKey}
      type="number"
      domain={[first - p, last + p]}
      ticks={roundTicks(first, last)}
      interval={0}
      allowDataOverflow
      label={xLabel('round')}
    />
  ) : (
    <XAxis
      dataKey={dataKey}
      type="number"
      domain={['dataMin', 'dataMax']}
      allowDecimals={false}
      label={xLabel('round')}
    />
  );
}
