/**
 * Linear mode connectivity view (paper §5; docs/ALGORITHMS.md §6): pick one comparison (the rounds of a
 * chain, one round across seeds, or the same round of two runs), then the test error (or return) along
 * θ(α) = α·θ_A + (1 − α)·θ_B for each pair with the worst point marked, and a table with BOTH barrier
 * readings — the endpoint-mean barrier B and the excess over the straight line — and whether the pair
 * counts as connected (excess below the lab's 2 % threshold).
 */
import { useState } from 'react';
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
import { barrierDefinitions, type LmcResult } from '../../core/analysis/analyses';
import { ChartFrame } from '../viz/ChartFrame';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { lmcBarrierMarks, lmcCurveRows, lmcMetric } from './chart-data';
import { OptionSelect } from '../settings/OptionSelect';

const f3 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '–');

const KIND_NOTE: Record<LmcResult['groups'][number]['kind'], string> = {
  rounds: 'Rounds of one chain: the networks share θ0 and the mask shrinks from round to round.',
  seeds:
    'Different seeds start from different θ0, so barriers between them are expected for any optimiser (ES or GD); they say nothing about ES in particular.',
  runs: 'The same seed and round of two runs (e.g. ES and GD from the same θ0), each with its own mask.',
};

export function LmcView({ result }: { result: LmcResult }) {
  const [sel, setSel] = useState(0);
  const group = result.groups[Math.min(sel, result.groups.length - 1)];
  if (!group) return <p className="muted">No pairs to show.</p>;
  const { rows, series } = lmcCurveRows(result, group);
  const marks = lmcBarrierMarks(result, group);
  const metric = lmcMetric(result);
  const defs = barrierDefinitions(result.barrierKind);
  const threshold = `${100 * result.connectedBelow} %`;
  const header = ['alpha', ...series];
  return (
    <>
      {result.groups.length > 1 ? (
        <div className="view-controls">
          <OptionSelect
            label="Comparison"
            value={sel}
            options={result.groups.map((_, i) => i)}
            onChange={setSel}
            format={(i) => result.groups[i].title}
          />
        </div>
      ) : null}
      <ChartFrame
        title={`Interpolation paths: ${group.title}`}
        note={
          <>
            {metric.label} along α·θ_A + (1 − α)·θ_B (α = 0: the first network of the pair). Dots mark each path’s worst
            point. {KIND_NOTE[group.kind]}
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
        title={`Barriers: ${group.title}`}
        note={
          <>
            Two readings per pair. {defs.endpoint}. {defs.excess}: a straight ramp between two networks of different
            accuracy has excess 0.{' '}
            {result.barrierKind === 'error'
              ? `Connected: excess below ${threshold} test error.`
              : 'Control task: no connectivity threshold.'}
          </>
        }
        table={{
          header: ['pair', 'endpoint_barrier', 'excess_barrier', 'connected', 'worst_alpha', 'value_at_worst'],
          rows: marks.map((m) => [
            m.series,
            m.endpointBarrier,
            m.excessBarrier,
            m.connected === null ? '' : m.connected ? 'yes' : 'no',
            m.alpha,
            m.value,
          ]),
        }}
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">pair</th>
              <th scope="col">B (endpoint mean)</th>
              <th scope="col">excess over the line</th>
              {result.barrierKind === 'error' ? <th scope="col">connected (excess &lt; {threshold})</th> : null}
              <th scope="col">worst α</th>
            </tr>
          </thead>
          <tbody>
            {marks.map((m) => (
              <tr key={m.series}>
                <td>{m.series}</td>
                <td>{f3(m.endpointBarrier)}</td>
                <td>{f3(m.excessBarrier)}</td>
                {result.barrierKind === 'error' ? <td>{m.connected ? 'yes' : 'no'}</td> : null}
                <td>{f3(m.alpha)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="stat-line">
          {group.nets
            .map((n) => `${n.label}: ${(100 * (1 - n.sparsityFrac)).toFixed(1)}% kept, perf ${f3(n.perf)}`)
            .join(' · ')}
        </p>
      </ChartFrame>
    </>
  );
}
