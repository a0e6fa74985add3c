/**
 * Loss-landscape view (paper §5 Fig. 6 bottom; docs/ALGORITHMS.md §7): for a chosen network (run, seed,
 * round) the measured L(θ + ξη_d) per direction with its least-squares parabola (dashed), the sharpness a
 * per round (one series per run, mean ± s.e.), and the optional 2-D surfaces and planes. Every title names
 * the directions used (normalisation; masked or not).
 */
import { useState } from 'react';
import { ErrorBar, Line, LineChart, Scatter, ScatterChart, Tooltip, XAxis } from 'recharts';
import { gridLines, niceYAxis, PLOT_MARGIN, PlotBox, roundAxis, topLegend, xLabel } from '../viz/plot-parts';
import { niceAxis } from '../viz/scales';
import { directionsLabel, sharpnessRows, type LandscapeResult } from '../../core/analysis/analyses';
import { ChartFrame } from '../viz/ChartFrame';
import { seriesColour } from '../viz/palettes';
import { OptionSelect } from '../settings/OptionSelect';
import { profileRows } from './chart-data';
import { SurfaceView } from './SurfaceView';
import { methodName } from '../../core/names';
import { Term } from '../glossary/Term';
import { sigDigits } from '../viz/number-format';

const f4 = (v: number) => sigDigits(v, 4);

export function LandscapeView({ result }: { result: LandscapeResult }) {
  const [sel, setSel] = useState(result.rounds.length - 1);
  const entry = result.rounds[Math.min(Math.max(0, sel), result.rounds.length - 1)];
  if (!entry) return <p className="muted">No rounds profiled.</p>;
  const two = result.runLabels.length > 1;
  const name = (r: (typeof result.rounds)[number]) =>
    `${two ? `${result.runLabels[r.run]}: ` : ''}${methodName(r.method)}, seed ${r.seed}, round ${r.roundNum} (${(100 * (1 - r.sparsityFrac)).toFixed(1)} % of weights)`;
  const xis = entry.landscape.xis;
  const rows = profileRows(entry, xis);
  // both charts: ticks on whole 1-2-5 steps over the drawn values, not recharts' 0, 1.05, 2.1, 3.15, …
  const lossAxis = niceAxis(rows.flatMap((r) => Object.entries(r).flatMap(([k, v]) => (k === 'xi' ? [] : [v]))));
  const D = entry.landscape.profiles.length;
  const sharp = sharpnessRows(result);
  const runs = [...new Set(sharp.map((s) => s.run))];
  const sharpAxis = niceAxis(sharp.flatMap((c) => (Number.isFinite(c.se) ? [c.a - c.se, c.a + c.se] : [c.a])));
  const dirs = directionsLabel(result);
  const keys = ['xi', ...Array.from({ length: D }, (_, d) => [`d${d}`, `fit${d}`]).flat()];
  const header = [
    'step ξ',
    ...Array.from({ length: D }, (_, d) => [
      `direction ${d + 1}: ${result.lossKind}`,
      `direction ${d + 1}: fitted parabola`,
    ]).flat(),
  ];
  return (
    <>
      <div className="view-controls">
        <OptionSelect
          label="Network"
          value={sel}
          options={result.rounds.map((_, i) => i)}
          onChange={setSel}
          format={(i) => name(result.rounds[i])}
        />
      </div>
      <div className="view-grid two">
        <ChartFrame
          title={`The loss around the trained network: ${name(entry)}`}
          note={
            <>
              {result.lossKind} when the weights take a step ξ along {D} random directions ({dirs}); dashed: fitted
              parabola a·ξ² + b·ξ + c. <Term id="curvature">Sharpness</Term> a = {f4(entry.landscape.curvature.mean)} ±{' '}
              {f4(entry.landscape.curvature.se)}.
            </>
          }
          table={{ header, rows: rows.map((r) => keys.map((h) => r[h])) }}
        >
          <PlotBox height={280}>
            <LineChart data={rows} margin={PLOT_MARGIN}>
              {gridLines()}
              <XAxis
                dataKey="xi"
                type="number"
                domain={['dataMin', 'dataMax']}
                label={xLabel('step ξ along the direction')}
              />
              {niceYAxis(lossAxis, f4, result.lossKind, { dy: 60 })}
              <Tooltip formatter={(v) => f4(Number(v))} />
              {Array.from({ length: D }, (_, d) => [
                <Line
                  key={`d${d}`}
                  dataKey={`d${d}`}
                  name={`direction ${d + 1}`}
                  stroke={seriesColour(d)}
                  strokeWidth={2}
                  dot={{ r: 2 }}
                  isAnimationActive={false}
                />,
                <Line
                  key={`fit${d}`}
                  dataKey={`fit${d}`}
                  name={`fit ${d + 1}`}
                  stroke={seriesColour(d)}
                  strokeDasharray="5 4"
                  dot={false}
                  isAnimationActive={false}
                />,
              ]).flat()}
            </LineChart>
          </PlotBox>
        </ChartFrame>
        <ChartFrame
          title={`Sharpness per round (${dirs})`}
          note={`Fitted a (the curvature at the network is 2a): mean ± standard error over seeds (one seed: over directions)${two ? '; one series per run' : ''}. Higher: a sharper minimum.`}
          table={{
            header: [
              'run',
              'round',
              'weights remaining (%)',
              'sharpness a (mean)',
              'sharpness a (standard error)',
              'seeds',
              'worst fit quality (R²)',
            ],
            rows: sharp.map((c) => [result.runLabels[c.run], c.roundNum, c.remainingPct, c.a, c.se, c.seeds, c.minR2]),
          }}
        >
          <PlotBox height={280}>
            <ScatterChart margin={PLOT_MARGIN}>
              {gridLines()}
              {roundAxis(
                'roundNum',
                sharp.map((c) => c.roundNum),
                true,
              )}
              {niceYAxis(sharpAxis, f4, 'sharpness a', { dataKey: 'a' })}
              <Tooltip formatter={(v) => f4(Number(v))} />
              {two ? topLegend() : null}
              {runs.map((run) => (
                <Scatter
                  key={run}
                  name={result.runLabels[run]}
                  data={sharp
                    .filter((c) => c.run === run)
                    .map((c) => ({ ...c, err: Number.isFinite(c.se) ? c.se : 0 }))}
                  fill={seriesColour(run)}
                  line
                  isAnimationActive={false}
                >
                  <ErrorBar dataKey="err" direction="y" stroke={seriesColour(run)} />
                </Scatter>
              ))}
            </ScatterChart>
          </PlotBox>
        </ChartFrame>
      </div>
      {entry.surface ? (
        <SurfaceView
          surface={entry.surface}
          lossLabel={result.lossKind}
          title={`2-D surface, ${name(entry)} (${dirs})`}
        />
      ) : null}
      {result.planes
        .filter((p) => p.run === entry.run && p.seed === entry.seed)
        .map((p) => (
          <SurfaceView
            key={`${p.run}/${p.seed}`}
            surface={p.surface}
            lossLabel={result.lossKind}
            title={`Plane through θ0, round ${p.roundNum} and round ${p.roundNum + 1}${two ? `, ${result.runLabels[p.run]}` : ''}, seed ${p.seed}`}
          />
        ))}
    </>
  );
}
