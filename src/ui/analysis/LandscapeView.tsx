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
import type { LandscapeJobResult } from '../../../workers/analysis-job';
import { ChartFrame } from '../viz/ChartFrame';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { curvatureRows, profileRows } from './chart-data';
import { SurfaceView } from './SurfaceView';
import { methodName } from '../../core/names';
import { Term } from '../glossary/Term';

const f4 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : '–');

export function LandscapeView({ result }: { result: LandscapeJobResult }) {
  const [sel, setSel] = useState(result.rounds[result.rounds.length - 1]?.roundNum);
  const round = result.rounds.find((r) => r.roundNum === sel) ?? result.rounds[0];
  const xis = round.landscape.xis;
  const rows = profileRows(round, xis);
  const D = round.landscape.profiles.length;
  const curv = curvatureRows(result);
  const o = result.options;
  const keys = ['xi', ...Array.from({ length: D }, (_, d) => [`d${d}`, `fit${d}`]).flat()];
  const header = [
    'step ξ',
    ...Array.from({ length: D }, (_, d) => [
      `direction ${d + 1}: ${result.lossKind}`,
      `direction ${d + 1}: fitted parabola`,
    ]).flat(),
  ];
  const who = `${methodName(o.method)}, seed ${o.seed}`;
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
          title={`The loss around the trained network: ${who}, round ${round.roundNum}`}
          note={
            <>
              {result.lossKind} when the weights take a step ξ along {D} random directions (kept weights only,{' '}
              {o.normalisation} normalisation); dashed: fitted parabola a·ξ² + b·ξ + c.{' '}
              <Term id="curvature">Sharpness</Term> a = {f4(round.landscape.curvature.mean)} ±{' '}
              {f4(round.landscape.curvature.se)}.
            </>
          }
          table={{ header, rows: rows.map((r) => keys.map((h) => r[h])) }}
        >
          <div style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
                <CartesianGrid stroke="#e3e3e3" />
                <XAxis
                  dataKey="xi"
                  type="number"
                  domain={['dataMin', 'dataMax']}
                  label={{ value: 'step ξ along the direction', position: 'insideBottom', offset: -12 }}
                />
                <YAxis
                  width={60}
                  tickFormatter={f4}
                  domain={['auto', 'auto']}
                  label={{ value: result.lossKind, angle: -90, position: 'insideLeft', offset: 0, dy: 60 }}
                />
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
          title={`Sharpness per round: ${who}`}
          note="Fitted a (the curvature at the network is 2a): mean ± standard error over the directions. Higher: a sharper minimum."
          table={{
            header: [
              'round',
              'weights remaining (%)',
              'sharpness a (mean)',
              'sharpness a (standard error)',
              'worst fit quality (R²)',
            ],
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
                  label={{ value: 'round', position: 'insideBottom', offset: -12 }}
                />
                <YAxis
                  dataKey="a"
                  type="number"
                  width={64}
                  tickFormatter={f4}
                  domain={['auto', 'auto']}
                  label={{ value: 'sharpness a', angle: -90, position: 'insideLeft', offset: 0, dy: 40 }}
                />
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
