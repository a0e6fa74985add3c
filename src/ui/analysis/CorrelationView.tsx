/**
 * Magnitude–SNR correlation view (paper §5 Fig. 7; docs/ALGORITHMS.md §8.1): a downsampled |μ| vs SNR scatter
 * for a chosen chain and round, and Pearson / Spearman per round (mean over seeds) for every chain with a
 * per-weight σ (chains without one are named, not drawn). Legends sit above the plots (never over the
 * lines); methods and layers by name (core/names.ts).
 */
import { useState } from 'react';
import { Line, LineChart, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { EDGE_DOTS, gridLines, niceYAxis, PLOT_MARGIN, PlotBox, roundAxis, xLabel, yLabel } from '../viz/plot-parts';
import { niceAxisWithin } from '../viz/scales';
import type { CorrelationResult } from '../../core/analysis/analyses';
import { ChartFrame } from '../viz/ChartFrame';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { correlationRoundRows, scatterPoints } from './chart-data';
import { layerNameAt, methodName } from '../../core/names';
import { Term } from '../glossary/Term';
import { sigDigits } from '../viz/number-format';

const f3 = (v: number) => sigDigits(v, 3);

export function CorrelationView({ result, layerNames }: { result: CorrelationResult; layerNames?: readonly string[] }) {
  const usable = result.rows.filter((r) => r.sigma === 'per-weight');
  const [idx, setIdx] = useState(usable.length - 1);
  const row = usable[Math.min(Math.max(0, idx), usable.length - 1)];
  const methods = [...new Set(usable.map((r) => r.method))];
  const byRound = correlationRoundRows(result);
  if (!row) return <p className="muted">No rounds to correlate.</p>;
  const pts = scatterPoints(row);
  const layer = layerNameAt(result.layerIndex, result.layerName, layerNames);
  const keys = ['roundNum', ...methods.flatMap((m) => [`${m} pearson`, `${m} pearson se`, `${m} spearman`])];
  // the y axis spans the drawn correlations (nice ticks, never past ±1), not a fixed −1…1: curves of
  // 0.8–0.99 shared the top tenth of that and the drop from round to round did not show
  const corrAxis = niceAxisWithin(
    byRound.flatMap((r) => methods.flatMap((m) => [r[`${m} pearson`], r[`${m} spearman`]])),
    -1,
    1,
  );
  const header = [
    'round',
    ...methods.flatMap((m) => [
      `${methodName(m)}: Pearson`,
      `${methodName(m)}: Pearson standard error`,
      `${methodName(m)}: Spearman`,
    ]),
  ];
  return (
    <>
      <label className="view-controls">
        Scatter of
        <select value={idx} onChange={(e) => setIdx(Number(e.target.value))}>
          {usable.map((r, i) => (
            <option key={i} value={i}>
              {methodName(r.method)}, seed {r.seed}, round {r.roundNum}
            </option>
          ))}
        </select>
      </label>
      <div className="view-grid two">
        <ChartFrame
          title={`Size |μ| against signal-to-noise |μ|/σ, ${layer}: ${methodName(row.method)}, seed ${row.seed}, round ${row.roundNum}`}
          note={
            <>
              {pts.length} of {row.n} remaining weights shown. Correlation: Pearson {f3(row.pearson)}, Spearman{' '}
              {f3(row.spearman)}. On the layer&apos;s remaining weights, magnitude and{' '}
              <Term id="snr">signal-to-noise</Term> pruning make the same next-round decision for{' '}
              {(100 * row.agreeFrac).toFixed(1)} % (overlap of the kept weights {f3(row.survivorIoU)}).
            </>
          }
          table={{ header: ['size |μ|', 'signal-to-noise |μ|/σ'], rows: pts.map((p) => [p.magnitude, p.snr]) }}
        >
          <PlotBox height={280}>
            <ScatterChart margin={PLOT_MARGIN}>
              {gridLines()}
              <XAxis dataKey="magnitude" type="number" name="|μ|" tickFormatter={f3} label={xLabel('size |μ|')} />
              <YAxis
                dataKey="snr"
                type="number"
                name="|μ|/σ"
                width="auto"
                tickFormatter={f3}
                label={yLabel('signal-to-noise |μ|/σ', 70)}
              />
              <Tooltip formatter={(v) => f3(Number(v))} />
              <Scatter data={pts} fill={OKABE_ITO.blue} fillOpacity={0.45} isAnimationActive={false} shape="circle" />
            </ScatterChart>
          </PlotBox>
        </ChartFrame>
        <ChartFrame
          title={`How closely size and signal-to-noise agree, per round, ${layer}`}
          note={
            'Correlation of |μ| with |μ|/σ over the remaining weights, mean over seeds (1: both rank the weights alike). The axis spans the values drawn, not −1 to 1, so a drop from round to round shows.' +
            (result.withoutSigma.length
              ? ` Not shown (no σ per weight): ${result.withoutSigma.map((w) => `${methodName(w.method)} (${w.sigma === 'none' ? 'no σ' : 'one σ for all weights'})`).join(', ')}.`
              : '')
          }
          table={{ header, rows: byRound.map((r) => keys.map((k) => r[k])) }}
        >
          <ul className="swatches line-key" aria-label="Line colours and styles">
            {methods.map((m, i) => (
              <li key={m}>
                <span className="line-swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
                {methodName(m)}
              </li>
            ))}
            <li>
              <span className="line-swatch" style={{ background: '#555' }} aria-hidden="true" />
              Pearson
            </li>
            <li>
              <span className="line-swatch dashed" style={{ borderColor: '#555' }} aria-hidden="true" />
              Spearman (ranks)
            </li>
          </ul>
          <PlotBox height={280}>
            <LineChart data={byRound} margin={PLOT_MARGIN}>
              {gridLines()}
              {roundAxis(
                'roundNum',
                byRound.map((r) => r.roundNum),
                true,
              )}
              {niceYAxis(corrAxis, f3, 'correlation of |μ| with |μ|/σ', { dy: 90 })}
              <Tooltip formatter={(v) => f3(Number(v))} />
              {methods
                .map((m, i) => [
                  <Line
                    key={`${m}p`}
                    dataKey={`${m} pearson`}
                    name={`${methodName(m)}: Pearson`}
                    stroke={seriesColour(i)}
                    strokeWidth={2}
                    dot={EDGE_DOTS}
                    isAnimationActive={false}
                  />,
                  <Line
                    key={`${m}s`}
                    dataKey={`${m} spearman`}
                    name={`${methodName(m)}: Spearman`}
                    stroke={seriesColour(i)}
                    strokeDasharray="5 4"
                    dot={EDGE_DOTS}
                    isAnimationActive={false}
                  />,
                ])
                .flat()}
            </LineChart>
          </PlotBox>
        </ChartFrame>
      </div>
    </>
  );
}
