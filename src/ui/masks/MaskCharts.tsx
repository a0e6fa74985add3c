/**
 * The chart parts of the mask inspector: input-pixel usage map (core inputPixelUsage), per-layer sparsity
 * bars (core layerSparsity) and the SNR-vs-magnitude mask IoU per round (core maskIoU via methodIoUByRound).
 * Each sits in a ChartFrame with its table and exports.
 */
import { useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { inputPixelUsage, layerSparsity } from '../../core/analysis/mask-stats';
import type { LayerSpec } from '../../core/nets/types';
import { ChartFrame } from '../viz/ChartFrame';
import { valuesToImage } from '../viz/image-data';
import { GradientLegend } from '../viz/Legends';
import { viridis } from '../viz/colormap';
import { OKABE_ITO, seriesColour } from '../viz/palettes';
import { PixelCanvas } from '../viz/PixelCanvas';
import type { MethodIoURow } from './mask-images';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** Fraction of each input pixel's outgoing first-layer weights still kept, as an h×w viridis image. */
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
  const image = useMemo(() => valuesToImage(usage.fraction, usage.width, usage.height, (v) => v, viridis), [usage]);
  const perUnit = layer.kernelShape[1] * (inputShape[2] ?? 1);
  const rows = Array.from(
    usage.fraction,
    (f, p) => [Math.floor(p / usage.width), p % usage.width, usage.counts[p], f] as const,
  );
  return (
    <ChartFrame
      title={title}
      note="Share of each pixel's outgoing first-layer weights that survive (1 = all kept)."
      table={{ header: ['row', 'col', 'kept_weights', 'kept_frac'], rows }}
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
      <GradientLegend title="kept fraction" map={viridis} mapName="viridis" min={0} max={1} />
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
  return (
    <ChartFrame
      title={title}
      note="Pruned share of each layer's kernel (biases are never pruned)."
      table={{
        header: ['layer', 'kernel_size', 'kept', 'sparsity'],
        rows: data.map((d) => [d.name, d.kernelSize, d.kept, d.sparsityFrac]),
      }}
    >
      <div style={{ width: '100%', height: 40 + 34 * data.length }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data.map((d) => ({ name: d.name, sparsity: d.sparsityFrac }))}
            layout="vertical"
            margin={{ top: 4, right: 24, bottom: 16, left: 8 }}
          >
            <CartesianGrid stroke="#e3e3e3" horizontal={false} />
            <XAxis type="number" domain={[0, 1]} tickFormatter={pct} />
            <YAxis type="category" dataKey="name" width={72} />
            <Tooltip formatter={(v) => pct(Number(v))} />
            <Bar dataKey="sparsity" name="sparsity" fill={OKABE_ITO.blue} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
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
      note="|SNR ∩ magnitude| / |SNR ∪ magnitude| over kept kernel entries at the same seed and round (1 = identical tickets)."
      table={{
        header: ['seed', 'round', 'sparsity_snr', 'sparsity_magnitude', 'iou'],
        rows: rows.map((r) => [r.seed, r.roundNum, r.sparsityA, r.sparsityB, r.iou]),
      }}
    >
      {rows.length === 0 ? (
        <p className="muted">Needs an SNR and a magnitude chain with the same seed and round.</p>
      ) : (
        <div style={{ width: '100%', height: 240 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid stroke="#e3e3e3" />
              <XAxis
                dataKey="round"
                type="number"
                domain={['dataMin', 'dataMax']}
                allowDecimals={false}
                label={{ value: 'IMP round', position: 'insideBottom', offset: -12 }}
              />
              <YAxis domain={[0, 1]} width={48} />
              <Tooltip formatter={(v) => Number(v).toFixed(3)} />
              <Legend verticalAlign="top" height={24} />
              {seeds.map((s, i) => (
                <Line
                  key={s}
                  dataKey={`seed ${s}`}
                  stroke={seriesColour(i)}
                  strokeWidth={2}
                  dot
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartFrame>
  );
}
