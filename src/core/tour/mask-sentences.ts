/**
 * What a ticket's first-layer mask keeps of the input image, in one sentence (paper §5 and SI Fig. 11:
 * per-layer statistics of the masks; docs/ALGORITHMS.md §6 "weight statistics"): the share of connections
 * kept from the central pixels against the border pixels, for the ticket and for a random mask at the same
 * sparsity. Pixel usage is core/analysis/mask-stats inputPixelUsage.
 */
import { inputPixelUsage, type PixelUsage } from '../analysis/mask-stats';
import type { LayerSpec } from '../nets/types';
import { deepestComparable } from './run-curves';
import type { RunData } from './run-sentences';
import { missing, sentence, type Sentence } from './sentence';
import { chainWords, countText, pct, remainingText, seedsText } from './words';

export interface CentreBorder {
  /** Mean kept fraction of the outgoing first-layer weights of the central / border pixels. */
  readonly centreKept: number;
  readonly borderKept: number;
  readonly centrePixels: number;
  readonly borderPixels: number;
  /** Pixels none of whose outgoing weights survive. */
  readonly unread: number;
}

/** The border is the outer ring of width round(side / 7): 2 pixels of a 14×14 image, 4 of a 28×28 one. */
export function borderWidth(height: number, width: number): number {
  return Math.max(1, Math.round(Math.min(height, width) / 7));
}

/** Centre-vs-border summary of a pixel-usage map. */
export function centreBorder(usage: PixelUsage): CentreBorder {
  const { height: h, width: w, fraction } = usage;
  const ring = borderWidth(h, w);
  let cSum = 0,
    cN = 0,
    bSum = 0,
    bN = 0,
    unread = 0;
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++) {
      const f = fraction[i * w + j];
      if (f === 0) unread++;
      if (Math.min(i, j, h - 1 - i, w - 1 - j) < ring) {
        bSum += f;
        bN++;
      } else {
        cSum += f;
        cN++;
      }
    }
  return {
    centreKept: cN ? cSum / cN : NaN,
    borderKept: bN ? bSum / bN : NaN,
    centrePixels: cN,
    borderPixels: bN,
    unread,
  };
}

/**
 * Mean over `seeds` of each pixel's kept fraction (inputPixelUsage) for `chain` at round `roundNum`: the
 * picture the tour shows, whose centre/border averages are the sentence's numbers.
 */
export function meanPixelUsage(
  run: RunData,
  chain: string,
  roundNum: number,
  seeds: readonly number[],
  first: LayerSpec,
  inputShape: readonly number[],
): PixelUsage {
  const maps = seeds.map((seed) => {
    const rec = run.records.find((r) => r.method === chain && r.seed === seed && r.roundNum === roundNum);
    if (!rec) throw new Error(`meanPixelUsage: no ${chain} record for seed ${seed}, round ${roundNum}`);
    return inputPixelUsage(rec.mask, first, inputShape);
  });
  const avg = (k: 'counts' | 'fraction') =>
    Float32Array.from(maps[0][k], (_, i) => maps.reduce((s, m) => s + m[k][i], 0) / maps.length);
  return { height: maps[0].height, width: maps[0].width, counts: avg('counts'), fraction: avg('fraction') };
}

/**
 * The ticket's and the baseline's first-layer masks at the sparsest round both reached, averaged over the
 * seeds both reached it on. Needs a dense first layer over an image input (an MLP on MNIST).
 */
export function inputPixelSentence(
  run: RunData,
  layers: readonly LayerSpec[],
  inputShape: readonly number[],
  ticket = 'magnitude',
  baseline = 'random_reinit',
): Sentence {
  const first = layers[0];
  if (!first || first.kind !== 'dense' || inputShape.length < 2)
    return missing('this network does not read the image through one dense layer, so its mask has no pixel picture');
  const at = deepestComparable(run.records, [ticket, baseline]);
  if (!at || at.roundNum < 2) return missing('no pruned round has finished for both chains yet');
  // centre/border averages are linear in the map, so the mean map's summary is the mean of the seeds' summaries
  const t = centreBorder(meanPixelUsage(run, ticket, at.roundNum, at.seeds, first, inputShape)),
    b = centreBorder(meanPixelUsage(run, baseline, at.roundNum, at.seeds, first, inputShape));
  const v = {
    remainingPct: at.remainingPct,
    round: at.roundNum,
    ticketCentre: t.centreKept,
    ticketBorder: t.borderKept,
    baselineCentre: b.centreKept,
    baselineBorder: b.borderKept,
    centrePixels: t.centrePixels,
    borderPixels: t.borderPixels,
    seeds: at.seeds.length,
  };
  const ratio = v.ticketCentre / v.ticketBorder;
  const lean =
    v.ticketBorder === 0
      ? v.ticketCentre > 0
        ? 'nothing of the border'
        : 'nothing at all'
      : ratio > 1.05
        ? `${ratio.toFixed(1)} times as much of the centre as of the border`
        : ratio < 0.95
          ? 'less of the centre than of the border'
          : 'about as much of the centre as of the border';
  const seeds = at.seeds.length > 1 ? `mean of ${seedsText(at.seeds.length)}` : `seed ${at.seeds[0]}`;
  return sentence(
    `At ${remainingText(at.remainingPct)} of the weights, ${chainWords(ticket)} keeps ${pct(100 * v.ticketCentre)} of ` +
      `the connections from the ${countText(v.centrePixels)} central pixels and ${pct(100 * v.ticketBorder)} from the ` +
      `${countText(v.borderPixels)} border pixels (${lean}), while ${chainWords(baseline)} keeps ` +
      `${pct(100 * v.baselineCentre)} and ${pct(100 * v.baselineBorder)} (${seeds}).`,
    null,
    v,
  );
}
