/**
 * Linear mode connectivity view (paper §5; docs/ALGORITHMS.md §6): test error (or return) along θ(α) = α·θ_A + (1 − α)·θ_B
 * for every pair, the worst point of each path marked and its barrier listed.
 */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LmcJobResult } from '../../protocol/worker-protocol';
import { ChartFrame } from '../viz/ChartFrame';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { lmcBarrierMarks, lmcCurveRows, lmcMetric } from './chart-data';

const f3 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '–');

export function LmcView({ result }: { result: LmcJobResult }) {
  const { rows, series } = lmcCurveRows(result);
  const marks = lmcBarrierMarks(result);
  const metric = lmcMetric(result);
  const o = result.options;
  const what =
    o.pairs === 'rounds'
      ? `rounds of ${o.method} seed ${o.seed}`
      : o.pairs === 'seeds'
        ? `seeds of ${o.method} at round ${o.roundNum}`
        : result.nets.map((n) => n.label).join(' vs ');
  const header = ['alpha', ...series];
  return (
    <>
      <ChartFrame
        title={`Interpolation paths: ${what}`}
        note={
          <>
            {metric.label} along α·θ_A + (1 − α)·θ_B (α = 0: first network of the pair). Dots mark each path's worst
            point; barrier B ={' '}
            {metric.key === 'error' ? 'max error − mean endpoint error' : 'mean endpoint return − min return'}.
          </>
        }
        table={{ header, rows: rows.map((r) => header.map((h) => r[h])) }}
      >
        <div style={{ width: '100%', height: 300 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid stroke="#e3e3e3" />
              <XAxis
                dataKey="alpha"
                type="number"
                domain={['dataMin', 'dataMax']}
                label={{ value: 'α', position: 'insideBottom', offset: -12 }}
              />
              <YAxis width={56} tickFormatter={f3} domain={['auto', 'auto']} />
              <Tooltip formatter={(v) => f3(Number(v))} labelFormatter={(a) => `α = ${f3(Number(a))}`} />
              <Legend verticalAlign="top" height={24} />
              <ReferenceLine x={0} stroke="#999" strokeDasharray="3 3" />
              <ReferenceLine x={1} stroke="#999" strokeDasharray="3 3" />
              {series.map((s, i) => (
                <Line
                  key={s}
                  dataKey={s}
                  stroke={seriesColour(i)}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
              {marks.map((m, i) => (
                <ReferenceDot
                  key={m.series}
                  x={m.alpha}
                  y={m.value}
                  r={5}
                  fill={seriesColour(i)}
                  stroke={OKABE_ITO.black}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </ChartFrame>
      <ChartFrame
        title={`Barriers: ${what}`}
        note="Per pair: barrier and where the path is worst; endpoint performance per network."
        table={{
          header: ['pair', 'barrier', 'worst_alpha', 'value_at_worst'],
          rows: marks.map((m) => [m.series, m.barrier, m.alpha, m.value]),
        }}
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">pair</th>
              <th scope="col">barrier B</th>
              <th scope="col">worst α</th>
            </tr>
          </thead>
          <tbody>
            {marks.map((m) => (
              <tr key={m.series}>
                <td>{m.series}</td>
                <td>{f3(m.barrier)}</td>
                <td>{f3(m.alpha)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="stat-line">
          {result.nets
            .map((n, i) => `${n.label}: ${(100 * (1 - n.sparsityFrac)).toFixed(1)}% kept, perf ${f3(result.perf[i])}`)
            .join(' · ')}
        </p>
      </ChartFrame>
    </>
  );
}
