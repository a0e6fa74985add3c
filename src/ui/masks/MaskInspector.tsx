/**
 * Mask inspection (paper §4): pick a chain (method, seed) and a round to see
 * the first layer's mask as per-hidden-unit input images, the aggregate "input pixels still used" map,
 * per-layer sparsity; pick two rounds for their diff (kept / newly pruned / regrown); and the IoU of the
 * SNR and magnitude masks at the same round. Self-contained: the parent passes round records and layers.
 */
import { useMemo, useState } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import type { LayerSpec } from '../../core/nets/types';
import { ChartFrame } from '../viz/ChartFrame';
import { CategoryLegend, GradientLegend } from '../viz/Legends';
import { cividis } from '../viz/palettes';
import '../viz/views.css';
import { KernelMaskImage } from './KernelMaskImage';
import { LayerSparsityBars, MethodIoUChart, PixelUsageMap } from './MaskCharts';
import { distinct, kernelView, maskCellKind, methodIoUByRound, roundDiff } from './mask-images';
import { diffLegendItems, KEPT_PRUNED_KEY } from './mask-palette';
import { layerNames, methodName } from '../../core/names';
import { Term } from '../glossary/Term';
import { OptionSelect } from '../settings/OptionSelect';

export interface MaskInspectorProps {
  /** Finished rounds of any chains (seeds × methods); each carries its length-D mask. */
  readonly records: readonly RoundRecord[];
  /** The network's layers (LayerSpec order = flat parameter layout). */
  readonly layers: readonly LayerSpec[];
  /** Task input shape, e.g. [28, 28, 1]; vector inputs ([3]) show kernels as matrices. */
  readonly inputShape: readonly number[];
}

export function MaskInspector({ records, layers, inputShape }: MaskInspectorProps) {
  const methods = useMemo(() => distinct(records, 'method'), [records]);
  const seeds = useMemo(() => distinct(records, 'seed'), [records]);
  const [methodSel, setMethod] = useState<string | undefined>();
  const [seedSel, setSeed] = useState<number | undefined>();
  const method = methodSel !== undefined && methods.includes(methodSel) ? methodSel : methods[0];
  const seed = seedSel !== undefined && seeds.includes(seedSel) ? seedSel : seeds[0];
  const chain = useMemo(
    () => records.filter((r) => r.method === method && r.seed === seed).sort((a, b) => a.roundNum - b.roundNum),
    [records, method, seed],
  );
  const rounds = chain.map((r) => r.roundNum);
  const [roundSel, setRound] = useState<number | undefined>();
  const [diffFromSel, setDiffFrom] = useState<number | undefined>();
  const [layerIdx, setLayerIdx] = useState(0);
  const round = roundSel !== undefined && rounds.includes(roundSel) ? roundSel : rounds[rounds.length - 1];
  const diffFrom =
    diffFromSel !== undefined && rounds.includes(diffFromSel)
      ? diffFromSel
      : rounds[Math.max(0, rounds.indexOf(round) - 1)];
  const rec = chain.find((r) => r.roundNum === round);
  const recFrom = chain.find((r) => r.roundNum === diffFrom);
  const layer = layers[Math.min(layerIdx, layers.length - 1)];
  const diff = useMemo(() => (rec && recFrom ? roundDiff(recFrom, rec, layers) : null), [rec, recFrom, layers]);
  const iouRows = useMemo(() => methodIoUByRound(records, layers), [records, layers]);
  const names = useMemo(() => layerNames(layers), [layers]);
  const layerLabel = names[Math.min(layerIdx, layers.length - 1)];

  if (!rec || !layer)
    return <p className="muted">No finished rounds yet: mask views appear after the first IMP round.</p>;
  const imageView = kernelView(layers[0], inputShape).mode === 'image';
  const roundLabel = (k: number) => {
    const r = chain.find((x) => x.roundNum === k);
    return r ? `round ${k} (${(100 * (1 - r.sparsityFrac)).toFixed(1)}% kept)` : `round ${k}`;
  };
  const layerRows = (codes: Uint8Array) => {
    const out: [string, number, number][] = [];
    for (let i = layer.kernelOffset; i < layer.kernelOffset + layer.kernelSize; i++)
      out.push([layerLabel, i - layer.kernelOffset, codes[i]]);
    return out;
  };

  return (
    <div className="mask-inspector">
      <div className="view-controls" role="group" aria-label="Mask selection">
        <OptionSelect
          label="Pruning method"
          value={method}
          options={methods}
          onChange={setMethod}
          format={methodName}
        />
        <OptionSelect label="Seed" value={seed} options={seeds} onChange={setSeed} />
        <OptionSelect label="Round" value={round} options={rounds} onChange={setRound} format={roundLabel} />
        <OptionSelect
          label="Layer"
          value={layerIdx}
          options={layers.map((_, i) => i)}
          onChange={setLayerIdx}
          format={(i) => names[i]}
        />
      </div>
      <div className="view-grid two">
        <ChartFrame
          title={`Mask of ${layerLabel}: ${methodName(method)}, seed ${seed}, round ${round}`}
          note={
            <>
              The <Term id="mask">mask</Term> says which weights are kept (light) and which are pruned (dark).
              {kernelView(layer, inputShape).mode === 'image'
                ? ' One image per hidden unit: its incoming weights laid out like the input image.'
                : ''}
            </>
          }
          table={{ header: ['layer', 'weight number', 'kept (1) or pruned (0)'], rows: layerRows(rec.mask) }}
        >
          <KernelMaskImage
            layer={layer}
            inputShape={layerIdx === 0 ? inputShape : undefined}
            kind="mask"
            data={rec.mask}
            layerLabel={layerLabel}
            label={`${layerLabel} mask at round ${round}`}
          />
          {maskCellKind(kernelView(layer, layerIdx === 0 ? inputShape : undefined)) === 'binary' ? (
            <CategoryLegend title="Each weight" items={KEPT_PRUNED_KEY} />
          ) : (
            <GradientLegend
              title="kept share of the pixel's channels (0 = all pruned, 1 = all kept)"
              map={cividis}
              mapName="cividis"
              min={0}
              max={1}
            />
          )}
        </ChartFrame>
        <div>
          {imageView ? (
            <PixelUsageMap
              mask={rec.mask}
              layer={layers[0]}
              inputShape={inputShape}
              title={`Input pixels still used, round ${round}`}
            />
          ) : null}
          <LayerSparsityBars mask={rec.mask} layers={layers} title={`Weights pruned in each layer, round ${round}`} />
        </div>
      </div>
      <div className="view-controls" role="group" aria-label="Round diff selection">
        <OptionSelect
          label="Compare with an earlier round"
          value={diffFrom}
          options={rounds}
          onChange={setDiffFrom}
          format={roundLabel}
        />
        <span className="muted">→ later round {round} (set above)</span>
      </div>
      {diff ? (
        <ChartFrame
          title={`What changed in ${layerLabel}: round ${diffFrom} → ${round}`}
          note="Kept in both, newly pruned (kept in the earlier round only), regrown (kept in the later round only); counts over all layers."
          table={{
            header: ['layer', 'weight number', 'change (0 pruned in both, 1 kept in both, 2 newly pruned, 3 regrown)'],
            rows: layerRows(diff.codes),
          }}
        >
          <KernelMaskImage
            layer={layer}
            inputShape={layerIdx === 0 ? inputShape : undefined}
            kind="diff"
            data={diff.codes}
            layerLabel={layerLabel}
            label={`${layerLabel} diff between rounds ${diffFrom} and ${round}`}
          />
          <CategoryLegend title="Weights" items={diffLegendItems(diff)} />
        </ChartFrame>
      ) : null}
      <MethodIoUChart rows={iouRows} title="How much the signal-to-noise and magnitude tickets overlap, per round" />
    </div>
  );
}
