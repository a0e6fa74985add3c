/**
 * What the masks keep (the tour's fourth step): for the ticket and the random mask at the sparsest round
 * both reached, the share of each input pixel's outgoing first-layer weights that survive, averaged over
 * the seeds (core/tour/mask-sentences.ts meanPixelUsage, the same numbers as the sentence), on one shared
 * colour scale so the two pictures compare. A finished live rerun is shown the same way underneath.
 */
import { useMemo } from 'react';
import { meanPixelUsage } from '../../core/tour/mask-sentences';
import { deepestComparable } from '../../core/tour/run-curves';
import { remainingText } from '../../core/tour/words';
import type { StepRun } from '../../core/tour/step-sentence';
import { methodName } from '../../core/names';
import { valuesToImage } from '../viz/image-data';
import { GradientLegend } from '../viz/Legends';
import { viridis } from '../viz/colormap';
import { PixelCanvas } from '../viz/PixelCanvas';
import type { StepViewProps } from './step-types';

function PixelPair({ run, chains, title }: { run: StepRun; chains: readonly string[]; title: string }) {
  const maps = useMemo(() => {
    const first = run.layers?.[0];
    const at = deepestComparable(run.records, chains);
    if (!first || !run.inputShape || !at || at.roundNum < 2) return null;
    const usages = chains.map((c) => meanPixelUsage(run, c, at.roundNum, at.seeds, first, run.inputShape!));
    const max = Math.max(1e-9, ...usages.flatMap((u) => Array.from(u.fraction)));
    return { at, max, usages };
  }, [run, chains]);
  if (!maps) return <p className="muted">No pruned round has finished for both chains yet.</p>;
  const { at, max, usages } = maps;
  const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
  return (
    <figure className="tour-pixels">
      <figcaption>
        {title}: {remainingText(at.remainingPct)} of the weights (round {at.roundNum}),{' '}
        {at.seeds.length > 1 ? `mean of ${at.seeds.length} seeds` : `seed ${at.seeds[0]}`}
      </figcaption>
      <div className="tour-pixel-row">
        {usages.map((u, i) => (
          <div key={chains[i]} className="tour-pixel-map">
            <h3>{methodName(chains[i])}</h3>
            <PixelCanvas
              image={valuesToImage(u.fraction, u.width, u.height, (v) => v / max, viridis)}
              label={`${methodName(chains[i])}: share of each input pixel's weights kept`}
              pixelSize={Math.min(16, 240 / u.width)}
              describe={(x, y) => `pixel (row ${y}, col ${x}): ${pct(u.fraction[y * u.width + x])} of its weights kept`}
            />
          </div>
        ))}
      </div>
      <GradientLegend title="share of the pixel's weights kept" map={viridis} mapName="viridis" min={0} max={max} />
    </figure>
  );
}

export function EvidencePixels({ step, run, live }: StepViewProps) {
  const chains = useMemo(
    () => [step.chains?.[0] ?? 'magnitude', step.chains?.at(-1) ?? 'random_reinit'],
    [step.chains],
  );
  return (
    <div className="tour-chart">
      {run && <PixelPair run={run} chains={chains} title="Precomputed" />}
      {live && live.records.some((r) => r.roundNum > 1) && <PixelPair run={live} chains={chains} title="Your run" />}
    </div>
  );
}
