/**
 * Linear mode connectivity view (paper §5; docs/ALGORITHMS.md §6): test error (or return) along
 * θ(α) = α·θ_A + (1 − α)·θ_B for every pair, the worst point of each path marked, and the barrier of every
 * pair as a heatmap. Paths are coloured by group (rounds of a chain: by how many rounds apart, chart-data
 * lmcPairGroups) so many pairs stay readable, with the legend above the plot, never over it. Vision
 * errors are shown in % (chart, tables and CSV alike).
 */
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LmcJobResult } from '../../../workers/analysis-job';
import { methodName, netLabel } from '../../core/names';
import { ChartFrame } from '../viz/ChartFrame';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { viridis } from '../viz/colormap';
import { Term } from '../glossary/Term';
import { BarrierMatrix } from './BarrierMatrix';
import { lmcBarrierMarks, lmcCurveRows, lmcMetric, lmcPairGroups } from './chart-data';

const f3 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '–');

/** Colour of group g of n: ordered groups (rounds apart) on a dark-to-light viridis ramp, others categorical. */
function groupColour(g: number, n: number, ordered: boolean): string {
  if (!ordered) return seriesColour(g - 1);
  const [r, gg, b] = viridis(n <= 1 ? 0 : (0.85 * (g - 1)) / (n - 1));
  return `rgb(${Math.round(r)}, ${Math.round(gg)}, ${Math.round(b)})`;
}

export function LmcView({ result }: { result: LmcJobResult }) {
  const { rows, series } = lmcCurveRows(result);
  const marks = lmcBarrierMarks(result);
  const metric = lmcMetric(result);
  const groups = lmcPairGroups(result);
  const ordered = result.options.pairs === 'rounds';
  const o = result.options;
  const pct = metric.key === 'error';
  const scale = pct ? 100 : 1;
  const unit = pct ? ' (%)' : '';
  const yLabel = pct ? 'test error (%)' : 'mean test return';
  const what =
    o.pairs === 'rounds'
      ? `rounds of ${methodName(o.method)}, seed ${o.seed}`
      : o.pairs === 'seeds'
        ? `seeds of ${methodName(o.method)} at round ${o.roundNum}`
        : result.nets.map((n) => netLabel(n.label)).join(' vs ');
  const colourOf = (key: string) => {
    const g = groups.find((x) => x.key === key);
    return g ? groupColour(g.group, g.groups, ordered) : OKABE_ITO.black;
  };
  const nameOf = (key: string) => groups.find((x) => x.key === key)?.name ?? key;
  const legend = [...new Map(groups.map((g) => [g.group, g])).values()].sort((a, b) => a.group - b.group);
  const scaled = rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'alpha' ? v : v * scale])),
  );
  const header = ['α', ...series.map((s) => `${nameOf(s)}${unit}`)];
  return (
    <>
      <ChartFrame
        title={`Paths between the networks: ${what}`}
        note={
          <>
            {pct ? 'Test error' : 'Mean test return'} of the networks on the straight line α·θ_A + (1 − α)·θ_B between
            each pair (α = 0: the first of the pair, α = 1: the second). A bump in the middle is a{' '}
            <Term id="barrier">barrier</Term>; dots mark each path&apos;s worst point.
          </>
        }
        table={{ header, rows: scaled.map((r) => ['alpha', ...series].map((h) => r[h])) }}
      >
        <ul className="swatches line-key" aria-label="Colours">
          {legend.map((g) => (
            <li key={g.group}>
              <span
                className="line-swatch"
                style={{ background: groupColour(g.group, g.groups, ordered) }}
                aria-hidden="true"
              />
              {g.groupLabel}
            </li>
          ))}
        </ul>
        <div style={{ width: '100%', height: 300 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={scaled} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
              <CartesianGrid stroke="#e3e3e3" />
              <XAxis
                dataKey="alpha"
                type="number"
                domain={['dataMin', 'dataMax']}
                label={{ value: 'α (position on the line between the pair)', position: 'insideBottom', offset: -14 }}
              />
              <YAxis
                width={56}
                tickFormatter={f3}
                domain={['auto', 'auto']}
                label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: -4, dy: 50 }}
              />
              <Tooltip
                formatter={(v, key) => [`${f3(Number(v))}${pct ? ' %' : ''}`, nameOf(String(key))]}
                labelFormatter={(a) => `α = ${f3(Number(a))}`}
              />
              <ReferenceLine x={0} stroke="#999" strokeDasharray="3 3" />
              <ReferenceLine x={1} stroke="#999" strokeDasharray="3 3" />
              {series.map((s) => (
                <Line
                  key={s}
                  dataKey={s}
                  name={nameOf(s)}
                  stroke={colourOf(s)}
                  strokeWidth={ordered ? 1.6 : 2}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
              {marks.map((m) => (
                <ReferenceDot
                  key={m.series}
                  x={m.alpha}
                  y={m.value * scale}
                  r={4}
                  fill={colourOf(m.series)}
                  stroke={OKABE_ITO.black}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </ChartFrame>
      <ChartFrame
        title={`Barrier between every pair: ${what}`}
        note={
          pct
            ? 'Barrier = the worst error on the line minus the mean error of its two ends, in percentage points. Near 0: the two networks sit in one connected valley.'
            : 'Barrier = the mean return of the two ends minus the worst return on the line. Near 0: the two networks sit in one connected valley.'
        }
        table={{
          header: ['pair', `barrier${pct ? ' (percentage points)' : ''}`, 'worst α', `${yLabel} at the worst α`],
          rows: marks.map((m) => [nameOf(m.series), m.barrier * scale, m.alpha, m.value * scale]),
        }}
      >
        <BarrierMatrix
          labels={result.matrix.labels.map(netLabel)}
          barrier={result.matrix.barrier}
          scale={scale}
          unit={pct ? ' pp' : ''}
        />
        <p className="stat-line">
          {result.nets
            .map(
              (n, i) =>
                `${netLabel(n.label)}: ${(100 * (1 - n.sparsityFrac)).toFixed(1)} % of weights, ${
                  pct ? `test accuracy ${(100 * result.perf[i]).toFixed(1)} %` : `return ${f3(result.perf[i])}`
                }`,
            )
            .join(' · ')}
        </p>
      </ChartFrame>
    </>
  );
}
