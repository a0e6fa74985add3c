/**
 * Magnitude–SNR correlation view (paper §5 Fig. 7; docs/ALGORITHMS.md §8.1): a downsampled |μ| vs SNR scatter
 * for a chosen chain and round, and Pearson / Spearman per round (mean over seeds) for every chain with a
 * per-weight σ (chains without one are named, not drawn).
 */
import { useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CorrelationResult } from '../../core/analysis/analyses';
import { ChartFrame } from '../viz/ChartFrame';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { correlationRoundRows, scatterPoints } from './chart-data';

const f3 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '–');

export function CorrelationView({ result }: { result: CorrelationResult }) {
  const usable = result.rows.filter((r) => r.sigma === 'per-weight');
  const [idx, setIdx] = useState(usable.length - 1);
  const row = usable[Math.min(Math.max(0, idx), usable.length - 1)];
  const methods = [...new Set(usable.map((r) => r.method))];
  const byRound = correlationRoundRows(result);
  if (!row) return <p className="muted">No rounds to correlate.</p>;
  const pts = scatterPoints(row);
  const header = ['round', ...methods.flatMap((m) => [`${m} pearson`, `${m} pearson se`, `${m} spearman`])];
  return (
    <>
      <label className="view-controls">
        Scatter of
        <select value={idx} onChange={(e) => setIdx(Number(e.target.value))}>
          {usable.map((r, i) => (
            <option key={i} value={i}>
              {r.method} seed {r.seed} round {r.roundNum}
            </option>
          ))}
        </select>
      </label>
      <div className="view-grid two">
        <ChartFrame
          title={`|μ| vs SNR, ${result.layerName}, ${row.method} seed ${row.seed} round ${row.roundNum}`}
          note={
            <>
              {pts.length} of {row.n} unpruned weights shown. Pearson {f3(row.pearson)}, Spearman {f3(row.spearman)}; on
              the layer’s alive weights the two criteria make the same next-round decision for{' '}
              {(100 * row.agreeFrac).toFixed(1)}% (survivor IoU {f3(row.survivorIoU)}).
            </>
          }
          table={{ header: ['magnitude', 'snr'], rows: pts.map((p) => [p.magnitude, p.snr]) }}
        >
          <div style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer width="100%" height="100%">
              <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
                <CartesianGrid stroke="#e3e3e3" />
                <XAxis
                  dataKey="magnitude"
                  type="number"
                  name="|μ|"
                  tickFormatter={f3}
                  label={{ value: '|μ|', position: 'insideBottom', offset: -12 }}
                />
                <YAxis dataKey="snr" type="number" name="SNR" width={56} tickFormatter={f3} />
                <Tooltip formatter={(v) => f3(Number(v))} />
                <Scatter data={pts} fill={OKABE_ITO.blue} fillOpacity={0.45} isAnimationActive={false} shape="circle" />
              </ScatterChart>
            </ResponsiveContainer>
          </div>
        </ChartFrame>
        <ChartFrame
          title={`Magnitude–SNR correlation per round, ${result.layerName}`}
          note={
            'Pearson (solid) and Spearman (dashed) of |μ| vs |μ|/σ, mean over seeds.' +
            (result.withoutSigma.length
              ? ` Not shown (no per-weight σ): ${result.withoutSigma.map((w) => `${w.method} (${w.sigma === 'none' ? 'no σ' : 'one σ for all weights'})`).join(', ')}.`
              : '')
          }
          table={{ header, rows: byRound.map((r) => header.map((h) => (h === 'round' ? r.roundNum : r[h]))) }}
        >
          <div style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={byRound} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
                <CartesianGrid stroke="#e3e3e3" />
                <XAxis
                  dataKey="roundNum"
                  type="number"
                  domain={['dataMin', 'dataMax']}
                  allowDecimals={false}
                  label={{ value: 'IMP round', position: 'insideBottom', offset: -12 }}
                />
                <YAxis domain={[-1, 1]} width={40} />
                <Tooltip formatter={(v) => f3(Number(v))} />
                <Legend verticalAlign="top" height={24} />
                {methods
                  .map((m, i) => [
                    <Line
                      key={`${m}p`}
                      dataKey={`${m} pearson`}
                      stroke={seriesColour(i)}
                      strokeWidth={2}
                      isAnimationActive={false}
                    />,
                    <Line
                      key={`${m}s`}
                      dataKey={`${m} spearman`}
                      stroke={seriesColour(i)}
                      strokeDasharray="5 4"
                      isAnimationActive={false}
                    />,
                  ])
                  .flat()}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </ChartFrame>
      </div>
    </>
  );
}
