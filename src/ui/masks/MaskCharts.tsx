/**
 * The chart parts of the mask inspector: input-pixel usage map (core inputPixelUsage), per-layer sparsity
 * bars (core layerSparsity) and the SNR-vs-magnitude mask IoU per round (core maskIoU via methodIoUByRound).
 * Each sits in a ChartFrame with its table and exports.
 */
import { useMemo } from 'react';
import { Bar, BarChart, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { EDGE_DOTS, gridLines, PLOT_MARGIN, PlotBox, roundAxis, topLegend, xLabel, yLabel } from '../viz/plot-parts';
import { inputPixelUsage, layerSparsity } from '../../core/analysis/mask-stats';
import type { LayerSpec } from '../../core/nets/types';
import { ChartFrame } from '../viz/ChartFrame';
import { valuesToImage } from '../viz/image-data';
import { GradientLegend } from '../viz/Legends';
import { viridis } from '../viz/colormap';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { PixelCanvas } from '../viz/PixelCanvas';
import { usageColourMax, type MethodIoURow } from './mask-images';
import { layerNames } from '../../core/names';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/**
 * Fraction of each input pixel's outgoing first-layer weights still kept, as an h×w viridis image whose
 * colours span 0 to the largest share (usageColourMax), as the tour's step 4 does: on a fixed 0–1 scale a
 * ticket at ~10 % drew one flat dark map. The colour bar says so.
 */
export function PixelUsageMap({
  mask,
  layer,
  inputShape,
  title,
}: {
  mask: Uint8Array;
  layer: LayerSpec;
  inputShape: readonly number[];
  title: string;
}) {
  const usage = useMemo(() => inputPixelUsage(mask, layer, inputShape), [mask, layer, inputShape]);
  const top = useMemo(() => usageColourMax(usage.fraction), [usage]);
  const image = useMemo(
    () => valuesToImage(usage.fraction, usage.width, usage.height, (v) => Math.min(1, v / top), viridis),
    [usage, top],
  );
  const perUnit = layer.kernelShape[1] * (inputShape[2] ?? 1);
  const rows = Array.from(
    usage.fraction,
    (f, p) => [Math.floor(p / usage.width), p % usage.width, usage.counts[p], f] as const,
  );
  return (
    <ChartFrame
      title={title}
      note="Share of each pixel's outgoing first-layer weights that survive (1 = all kept)."
      table={{
        header: ['row', 'column', 'weights kept', 'kept (%)'],
        rows: rows.map((r) => [r[0], r[1], r[2], 100 * r[3]]),
      }}
    >
      <PixelCanvas
        image={image}
        label={`${title}: input pixel usage map`}
        maxCssWidth={280}
        maxCssHeight={280}
        describe={(x, y) => {
          const p = y * usage.width + x;
          return `pixel (row ${y}, col ${x}): ${usage.counts[p]} of ${perUnit} weights kept (${pct(usage.fraction[p])})`;
        }}
      />
      <GradientLegend
        title={`share of the pixel's weights kept${top < 1 ? `, colours scaled to this map: 0 to ${top}` : ''}`}
        map={viridis}
        mapName="viridis"
        min={0}
        max={top}
      />
    </ChartFrame>
  );
}

/** Per-layer kernel sparsity as horizontal bars. */
export function LayerSparsityBars({
  mask,
  layers,
  title,
}: {
  mask: Uint8Array;
  layers: readonly LayerSpec[];
  title: string;
}) {
  const data = useMemo(() => layerSparsity(mask, layers), [mask, layers]);
  const names = useMemo(() => layerNames(layers), [layers]);
  const short = (i: number) =>
    names[i]
      .replace(/ \(.*\)$/, '')
      .replace('hidden layer', 'hidden')
      .replace(' layer', '');
  return (
    <ChartFrame
      title={title}
      note="Share of each layer's weights that are pruned (biases are never pruned)."
      table={{
        header: ['layer', 'weights', 'kept', 'pruned (%)'],
        rows: data.map((d, i) => [names[i], d.kernelSize, d.kept, 100 * d.sparsityFrac]),
      }}
    >
      <PlotBox height={64 + 34 * data.length}>
        <BarChart
          data={data.map((d, i) => ({ name: short(i), sparsity: d.sparsityFrac }))}
          layout="vertical"
          margin={{ top: 4, right: 24, bottom: 24, left: 8 }}
        >
          {gridLines(false)}
          <XAxis type="number" domain={[0, 1]} tickFormatter={pct} label={xLabel('weights pruned', -14)} />
          <YAxis type="category" dataKey="name" width={84} />
          <Tooltip formatter={(v) => pct(Number(v))} />
          <Bar dataKey="sparsity" name="pruned" fill={OKABE_ITO.blue} isAnimationActive={false} />
        </BarChart>
      </PlotBox>
    </ChartFrame>
  );
}

/** IoU of the SNR and magnitude masks at the same round, one line per seed. */
export function MethodIoUChart({ rows, title }: { rows: readonly MethodIoURow[]; title: string }) {
  const seeds = [...new Set(rows.map((r) => r.seed))];
  const rounds = [...new Set(rows.map((r) => r.roundNum))].sort((a, b) => a - b);
  const data = rounds.map((k) =>
    Object.fromEntries([
      ['round', k],
      ...seeds.map((s) => [`seed ${s}`, rows.find((r) => r.seed === s && r.roundNum === k)?.iou]),
    ]),
  );
  return (
    <ChartFrame
      title={title}
      note="Weights kept by both tickets ÷ weights kept by either (IoU), same seed and round: 1 = the same ticket, 0 = no weight in common."
      table={{
        header: [
          'seed',
          'round',
          'signal-to-noise ticket: pruned (%)',
          'magnitude ticket: pruned (%)',
          'overlap (IoU)',
        ],
        rows: rows.map((r) => [r.seed, r.roundNum, 100 * r.sparsityA, 100 * r.sparsityB, r.iou]),
      }}
      empty="Needs an SNR and a magnitude chain with the same seed and round."
    >
      <PlotBox height={240}>
        <LineChart data={data} margin={PLOT_MARGIN}>
          {gridLines()}
          {/* padded, and dots drawn whole: an overlap of 1 sits on the top edge, round 1 on the left */}
          {roundAxis('round', rounds, true)}
          <YAxis domain={[0, 1]} width={56} label={yLabel('overlap (IoU)', 40, 4)} />
          <Tooltip formatter={(v) => Number(v).toFixed(3)} />
          {topLegend()}
          {seeds.map((s, i) => (
            <Line
              key={s}
              dataKey={`seed ${s}`}
              stroke={seriesColour(i)}
              strokeWidth={2}
              dot={EDGE_DOTS}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </PlotBox>
    </ChartFrame>
  );
}
