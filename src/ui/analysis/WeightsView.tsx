/**
 * Weight statistics view (paper §5, SI Fig. 11; R9): for a chosen layer, the fraction of its weights still
 * remaining, mean |W| and mean W of the alive weights against the IMP round — one line per chain, or per
 * run when two runs (ES vs GD) are compared. Numbers from core summarizeWeights via chart-data. The round
 * axis is padded and the legend has room of its own, so no point is cut at the plot's edge and the legend
 * clears the top tick label (test/e2e/analysis-views.test.ts).
 */
import { useState } from 'react';
import { Line, LineChart, Tooltip, YAxis } from 'recharts';
import { EDGE_DOTS, gridLines, PLOT_MARGIN, PlotBox, roundAxis, topLegend, yLabel } from '../viz/plot-parts';
import type { WeightsResult } from '../../core/analysis/analyses';
import { ChartFrame } from '../viz/ChartFrame';
import { seriesColour } from '../viz/palettes';
import { OptionSelect } from '../settings/OptionSelect';
import { weightChartRows, weightSeries, type WeightStat } from './chart-data';
import { layerNameAt } from '../../core/names';
import { sigDigits } from '../viz/number-format';

const f4 = (v: number) => sigDigits(v, 4);

const STATS: readonly { stat: WeightStat; title: string; axis: string }[] = [
  { stat: 'remainingFrac', title: 'Weights remaining in the layer (%)', axis: 'weights remaining (%)' },
  { stat: 'meanAbs', title: 'Mean size |W| of the remaining weights', axis: 'mean |W|' },
  { stat: 'mean', title: 'Mean value W of the remaining weights', axis: 'mean W' },
];

export function WeightsView({ result, layerNames }: { result: WeightsResult; layerNames?: readonly string[] }) {
  const [layer, setLayer] = useState(result.layerNames[0]);
  // the result lists every layer of the network in order, so its index names it as the Masks tab does
  const layerName = (l: string) => layerNameAt(result.layerNames.indexOf(l), l, layerNames);
  const series = weightSeries(result);
  const nSeeds = new Set(result.rows.map((r) => r.seed)).size;
  return (
    <>
      <div className="view-controls">
        <OptionSelect label="Layer" value={layer} options={result.layerNames} onChange={setLayer} format={layerName} />
      </div>
      <div className="view-grid two">
        {STATS.map(({ stat, title, axis }) => {
          const rows = weightChartRows(result, layer, stat);
          const keys = ['roundNum', ...series.flatMap((s) => [s.name, `${s.name} se`])];
          const header = ['round', ...series.flatMap((s) => [s.name, `${s.name}: standard error`])];
          return (
            <ChartFrame
              key={stat}
              title={`${title}: ${layerName(layer)}`}
              note={`Trained network of each round; ${nSeeds > 1 ? `mean over ${nSeeds} seeds` : 'one seed'}.`}
              table={{ header, rows: rows.map((r) => keys.map((k) => r[k])) }}
            >
              <PlotBox height={260}>
                <LineChart data={rows} margin={PLOT_MARGIN}>
                  {gridLines()}
                  {/* padded by half a round: the first and last round's dots sit inside the plot, not on its edges */}
                  {roundAxis(
                    'roundNum',
                    rows.map((r) => r.roundNum),
                    true,
                  )}
                  {/* width "auto": recharts measures the ticks, so the turned title clears mean-W ticks such
                      as "-0.0021", longer than a fixed width holds */}
                  <YAxis width="auto" tickFormatter={f4} domain={['auto', 'auto']} label={yLabel(axis, 50)} />
                  <Tooltip formatter={(v) => f4(Number(v))} />
                  {topLegend()}
                  {series.map((s, i) => (
                    <Line
                      key={s.name}
                      dataKey={s.name}
                      stroke={seriesColour(i)}
                      strokeWidth={2}
                      dot={EDGE_DOTS}
                      isAnimationActive={false}
                    />
                  ))}
                </LineChart>
              </PlotBox>
            </ChartFrame>
          );
        })}
      </div>
    </>
  );
}
