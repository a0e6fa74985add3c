/**
 * Linear mode connectivity view (paper §5; docs/ALGORITHMS.md §6): pick one comparison (the rounds of a
 * chain, one round across seeds, or the same round of two runs), then the test error (or return) along
 * θ(α) = α·θ_A + (1 − α)·θ_B for each pair with the worst point marked, and BOTH barrier readings — the
 * endpoint-mean barrier B and the excess over the straight line — as a heatmap over all pairs and a table,
 * with whether the pair counts as connected (excess below the lab's 2 % threshold). Paths are coloured by
 * group (rounds of a chain: by how many rounds apart, chart-data lmcPairGroups) so many pairs stay
 * readable, with the legend above the plot, never over it. Vision errors are in % (chart, table, CSV).
 */
import { useState } from 'react';
import { Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { gridLines, PlotBox, xLabel, yLabel } from '../viz/plot-parts';
import { barrierDefinitions, type LmcResult } from '../../core/analysis/analyses';
import { ChartFrame } from '../viz/ChartFrame';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { viridis } from '../viz/colormap';
import { Term } from '../glossary/Term';
import { OptionSelect } from '../settings/OptionSelect';
import { BarrierMatrix } from './BarrierMatrix';
import { lmcBarrierMarks, lmcCurveRows, lmcGroupTitle, lmcMetric, lmcNetName, lmcPairGroups } from './chart-data';
import { sigDigits } from '../viz/number-format';

const f3 = (v: number) => sigDigits(v, 3);
const orDash = (v: number | null) => (v === null ? '–' : f3(v));

const KIND_NOTE: Record<LmcResult['groups'][number]['kind'], string> = {
  rounds: 'Rounds of one chain: the networks share their starting weights and the mask shrinks from round to round.',
  seeds:
    'Different seeds start from different weights, so barriers between them are expected for any optimiser (ES or gradient descent); they say nothing about ES in particular.',
  runs: 'The same seed and round of two runs (e.g. ES and gradient descent from the same starting weights), each with its own mask.',
};

/** Colour of group g of n: ordered groups (rounds apart) on a dark-to-light viridis ramp, others categorical. */
function groupColour(g: number, n: number, ordered: boolean): string {
  if (!ordered) return seriesColour(g - 1);
  const [r, gg, b] = viridis(n <= 1 ? 0 : (0.85 * (g - 1)) / (n - 1));
  return `rgb(${Math.round(r)}, ${Math.round(gg)}, ${Math.round(b)})`;
}

type Reading = 'endpoint' | 'excess';

export function LmcView({ result }: { result: LmcResult }) {
  const [sel, setSel] = useState(0);
  const [reading, setReading] = useState<Reading>('endpoint');
  const group = result.groups[Math.min(sel, result.groups.length - 1)];
  if (!group) return <p className="muted">No pairs to show.</p>;
  const { rows, series } = lmcCurveRows(result, group);
  const marks = lmcBarrierMarks(result, group);
  const metric = lmcMetric(result);
  const defs = barrierDefinitions(result.barrierKind);
  const pairs = lmcPairGroups(group);
  const ordered = group.kind === 'rounds';
  const pct = metric.key === 'error';
  const scale = pct ? 100 : 1;
  const unit = pct ? ' (%)' : '';
  const pp = pct ? ' (percentage points)' : '';
  const yTitle = pct ? 'test error (%)' : 'mean test return';
  const threshold = `${100 * result.connectedBelow} %`;
  const title = lmcGroupTitle(group);
  const colourOf = (key: string) => {
    const g = pairs.find((x) => x.key === key);
    return g ? groupColour(g.group, g.groups, ordered) : OKABE_ITO.black;
  };
  const nameOf = (key: string) => pairs.find((x) => x.key === key)?.name ?? key;
  const legend = [...new Map(pairs.map((g) => [g.group, g])).values()].sort((a, b) => a.group - b.group);
  const scaled = rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'alpha' ? v : v * scale])),
  );
  const header = ['α', ...series.map((s) => `${nameOf(s)}${unit}`)];
  const matrix = reading === 'endpoint' ? group.matrix.endpointBarrier : group.matrix.excessBarrier;
  // Control: B also as a share of the dense network's return (returns have no common scale across tasks)
  const control = result.barrierKind === 'return';
  // NaN (an empty cell): round 1 is not among the chosen rounds
  const ofDense = (m: (typeof marks)[number]) => (Number.isFinite(m.normalisedBarrier) ? m.normalisedBarrier : null);
  const ofDenseHead = 'B ÷ |dense round-1 return|';
  return (
    <>
      {result.groups.length > 1 ? (
        <div className="view-controls">
          <OptionSelect
            label="Comparison"
            value={sel}
            options={result.groups.map((_, i) => i)}
            onChange={setSel}
            format={(i) => lmcGroupTitle(result.groups[i])}
          />
        </div>
      ) : null}
      <ChartFrame
        title={`Paths between the networks: ${title}`}
        note={
          <>
            {pct ? 'Test error' : 'Mean test return'} of the networks on the straight line α·θ_A + (1 − α)·θ_B between
            each pair (α = 0: the first of the pair, α = 1: the second). A bump in the middle is a{' '}
            <Term id="barrier">barrier</Term>; dots mark each path&apos;s worst point. {KIND_NOTE[group.kind]}
          </>
        }
        table={{ header, rows: scaled.map((r) => ['alpha', ...series].map((h) => r[h])) }}
      >
        <ul className="swatches line-key" aria-label="Line colours">
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
        <PlotBox height={300}>
          <LineChart data={scaled} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
            {gridLines()}
            <XAxis
              dataKey="alpha"
              type="number"
              domain={['dataMin', 'dataMax']}
              label={xLabel('position α on the line', -14)}
            />
            <YAxis width="auto" tickFormatter={f3} domain={['auto', 'auto']} label={yLabel(yTitle, 50, -4)} />
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
        </PlotBox>
      </ChartFrame>
      {/* an HTML table heatmap, no picture: CSV and the table toggle, no PNG / SVG that could only fail */}
      <ChartFrame
        title={`Barrier between every pair: ${title}`}
        image={false}
        note={
          <>
            Two readings per pair. {defs.endpoint}. {defs.excess}: a straight ramp between two networks of different
            accuracy has excess 0.{' '}
            {result.barrierKind === 'error'
              ? `Connected: excess below ${threshold} test error.`
              : 'Control task: no connectivity threshold. B is also divided by the size of the dense network’s return (round 1 of the chain), so that different tasks can be compared: 2 means the dip is twice the dense network’s return. It is empty (–) when round 1 is not among the chosen rounds.'}
          </>
        }
        table={{
          header: [
            'pair',
            `barrier, endpoint mean${pp}`,
            `barrier, excess over the line${pp}`,
            'connected',
            'worst α',
            `${yTitle} at the worst α`,
            ...(control ? [ofDenseHead] : []),
          ],
          rows: marks.map((m) => [
            nameOf(m.series),
            m.endpointBarrier * scale,
            m.excessBarrier * scale,
            m.connected === null ? '' : m.connected ? 'yes' : 'no',
            m.alpha,
            m.value * scale,
            ...(control ? [ofDense(m)] : []),
          ]),
        }}
      >
        <div className="view-controls">
          <OptionSelect
            label="Heatmap shows"
            value={reading}
            options={['endpoint', 'excess'] as const}
            onChange={setReading}
            format={(r) => (r === 'endpoint' ? 'barrier B (endpoint mean)' : 'excess over the straight line')}
          />
        </div>
        <BarrierMatrix
          labels={group.nets.map((n) => lmcNetName(group, n))}
          barrier={matrix}
          scale={scale}
          unit={pct ? ' pp' : ''}
        />
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">pair</th>
              <th scope="col">B (endpoint mean){pct ? ', pp' : ''}</th>
              <th scope="col">excess over the line{pct ? ', pp' : ''}</th>
              {result.barrierKind === 'error' ? <th scope="col">connected (excess &lt; {threshold})</th> : null}
              <th scope="col">worst α</th>
              {control ? <th scope="col">{ofDenseHead}</th> : null}
            </tr>
          </thead>
          <tbody>
            {marks.map((m) => (
              <tr key={m.series}>
                <td>{nameOf(m.series)}</td>
                <td>{f3(m.endpointBarrier * scale)}</td>
                <td>{f3(m.excessBarrier * scale)}</td>
                {result.barrierKind === 'error' ? <td>{m.connected ? 'yes' : 'no'}</td> : null}
                <td>{f3(m.alpha)}</td>
                {control ? <td>{orDash(ofDense(m))}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="stat-line">
          {group.nets
            .map(
              (n) =>
                `${lmcNetName(group, n)}: ${(100 * (1 - n.sparsityFrac)).toFixed(1)} % of weights, ${
                  pct ? `test accuracy ${(100 * n.perf).toFixed(1)} %` : `return ${f3(n.perf)}`
                }`,
            )
            .join(' · ')}
        </p>
      </ChartFrame>
    </>
  );
}
