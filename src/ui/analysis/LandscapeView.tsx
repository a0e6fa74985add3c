/**
 * Loss-landscape view (paper §5 Fig. 6 bottom; docs/ALGORITHMS.md §7): for a chosen round the measured L(θ + ξη_d) per
 * direction with its least-squares parabola (dashed), the sharpness a (mean ± s.e.) per round, and the
 * optional 2-D surface.
 */
import { useState } from 'react';
import {
  CartesianGrid,
  ErrorBar,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LandscapeJobResult } from '../../protocol/worker-protocol';
import { ChartFrame } from '../viz/ChartFrame';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { curvatureRows, profileRows } from './chart-data';
import { SurfaceView } from './SurfaceView';

const f4 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : '–');

export function LandscapeView({ result }: { result: LandscapeJobResult }) {
  const [sel, setSel] = useState(result.rounds[result.rounds.length - 1]?.roundNum);
  const round = result.rounds.find((r) => r.roundNum === sel) ?? result.rounds[0];
  const xis = round.landscape.xis;
  const rows = profileRows(round, xis);
  const D = round.landscape.profiles.length;
  const curv = curvatureRows(result);
  const o = result.options;
  const header = ['xi', ...Array.from({ length: D }, (_, d) => [`d${d}`, `fit${d}`]).flat()];
  return (
    <>
      <label className="view-controls">
        Round
        <select value={round.roundNum} onChange={(e) => setSel(Number(e.target.value))}>
          {result.rounds.map((r) => (
            <option key={r.roundNum} value={r.roundNum}>
              round {r.roundNum} ({(100 * (1 - r.sparsityFrac)).toFixed(1)}% kept)
            </option>
          ))}
        </select>
      </label>
      <div className="view-grid two">
        <ChartFrame
          title={`1-D profiles, ${o.method} seed ${o.seed}, round ${round.roundNum}`}
          note={
            <>
              {result.lossKind} along {D} random masked directions ({o.normalisation} normalisation); dashed: fitted
              a·ξ² + b·ξ + c. Sharpness a = {f4(round.landscape.curvature.mean)} ± {f4(round.landscape.curvature.se)}.
            </>
          }
          table={{ header, rows: rows.map((r) => header.map((h) => r[h])) }}
        >
          <div style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
                <CartesianGrid stroke="#e3e3e3" />
                <XAxis
                  dataKey="xi"
                  type="number"
                  domain={['dataMin', 'dataMax']}
                  label={{ value: 'ξ', position: 'insideBottom', offset: -12 }}
                />
                <YAxis width={56} tickFormatter={f4} domain={['auto', 'auto']} />
                <Tooltip formatter={(v) => f4(Number(v))} />
                {Array.from({ length: D }, (_, d) => [
                  <Line
                    key={`d${d}`}
                    dataKey={`d${d}`}
                    name={`direction ${d}`}
                    stroke={seriesColour(d)}
                    strokeWidth={2}
                    dot={{ r: 2 }}
                    isAnimationActive={false}
                  />,
                  <Line
                    key={`fit${d}`}
                    dataKey={`fit${d}`}
                    name={`fit ${d}`}
                    stroke={seriesColour(d)}
                    strokeDasharray="5 4"
                    dot={false}
                    isAnimationActive={false}
                  />,
                ]).flat()}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </ChartFrame>
        <ChartFrame
          title={`Sharpness per round, ${o.method} seed ${o.seed}`}
          note="Fitted a (curvature at 0 is 2a): mean ± s.e. over directions."
          table={{
            header: ['round', 'remaining_pct', 'a_mean', 'a_se', 'min_fit_r2'],
            rows: curv.map((c) => [c.roundNum, c.remainingPct, c.a, c.se, c.minR2]),
          }}
        >
          <div style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer width="100%" height="100%">
              <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
                <CartesianGrid stroke="#e3e3e3" />
                <XAxis
                  dataKey="roundNum"
                  type="number"
                  domain={['dataMin - 0.5', 'dataMax + 0.5']}
                  allowDecimals={false}
                  label={{ value: 'IMP round', position: 'insideBottom', offset: -12 }}
                />
                <YAxis dataKey="a" type="number" width={64} tickFormatter={f4} domain={['auto', 'auto']} />
                <Tooltip formatter={(v) => f4(Number(v))} />
                <Scatter
                  data={curv.map((c) => ({ ...c, err: Number.isFinite(c.se) ? c.se : 0 }))}
                  fill={OKABE_ITO.blue}
                  line
                  isAnimationActive={false}
                >
                  <ErrorBar dataKey="err" direction="y" stroke={OKABE_ITO.black} />
                </Scatter>
              </ScatterChart>
            </ResponsiveContainer>
          </div>
        </ChartFrame>
      </div>
      {result.surface ? (
        <SurfaceView
          surface={result.surface.surface}
          lossLabel={result.lossKind}
          title={
            result.surface.plane
              ? `Plane through θ0, round ${result.surface.roundNum} and round ${result.surface.roundNum + 1}`
              : `2-D surface, round ${result.surface.roundNum}`
          }
        />
      ) : null}
    </>
  );
}
