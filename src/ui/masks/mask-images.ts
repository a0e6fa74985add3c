/**
 * Pure data for the mask inspector (paper §4 Fig. 4-style first-layer masks):
 * slices a flat length-D mask (or a maskDiff code array) into per-hidden-unit input images of a dense
 * first layer, or into a kernel matrix for any layer; names the round-diff categories; and pairs SNR and
 * magnitude chains at the same round for their mask IoU (core/analysis/mask-stats maskIoU). Tested in Node.
 */
import { maskDiff, maskIoU } from '../../core/analysis/mask-stats';
import type { RoundRecord } from '../../core/experiments/events';
import type { LayerSpec } from '../../core/nets/types';

/** How a layer's kernel is shown: per-unit input images (dense layer over an image) or one matrix. */
export type KernelView =
  | {
      readonly mode: 'image';
      readonly height: number;
      readonly width: number;
      readonly channels: number;
      readonly units: number;
    }
  | { readonly mode: 'matrix'; readonly rows: number; readonly cols: number };

/**
 * 'image' when `layer` is dense and its fan-in is the flattened h×w×c input (row-major h, w, c: the
 * layout core/analysis inputPixelUsage assumes); otherwise a [kernelSize / lastDim, lastDim] matrix
 * (dense [in, out]; conv HWIO flattened to [kh·kw·cin, cout]).
 */
export function kernelView(layer: LayerSpec, inputShape: readonly number[] | undefined): KernelView {
  const shape = layer.kernelShape;
  if (layer.kind === 'dense' && inputShape && inputShape.length >= 2) {
    const [height, width, channels = 1] = inputShape;
    if (height * width * channels === shape[0]) return { mode: 'image', height, width, channels, units: shape[1] };
  }
  const cols = shape[shape.length - 1];
  return { mode: 'matrix', rows: layer.kernelSize / cols, cols };
}

/**
 * What a mask picture's colours mean: each cell is one weight, kept (1) or pruned (0), unless the picture
 * is per-unit input images over a multi-channel input, where a cell is a pixel and its colour the kept
 * share of that pixel's channels. 'binary' gets a two-colour key, 'share' a colour bar.
 */
export function maskCellKind(view: KernelView): 'binary' | 'share' {
  return view.mode === 'image' && view.channels > 1 ? 'share' : 'binary';
}

/**
 * Top of the input-pixel map's colour scale: the largest share kept, rounded up to 1, 2, 2.5 or 5 × 10^k
 * (at most 1). With a fixed 0–1 scale a ticket keeping ~10 % of the weights drew one flat dark map.
 */
export function usageColourMax(fraction: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < fraction.length; i++) if (fraction[i] > max) max = fraction[i];
  if (!(max > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(max));
  const nice = [1, 2, 2.5, 5, 10].find((m) => m * mag >= max * (1 - 1e-9))! * mag;
  return Math.min(1, Number(nice.toPrecision(6)));
}

/**
 * Per hidden unit j: an h×w image of the fraction of its c input weights at each pixel that are kept
 * (1 = kept; for one channel exactly the mask column reshaped). Weight (pixel p, channel ch, unit j) sits
 * at kernelOffset + (p·c + ch)·units + j.
 */
export function unitKeptImages(
  mask: Uint8Array,
  layer: LayerSpec,
  view: Extract<KernelView, { mode: 'image' }>,
): Float32Array[] {
  const { height, width, channels, units } = view;
  return Array.from({ length: units }, (_, j) => {
    const img = new Float32Array(height * width);
    for (let p = 0; p < height * width; p++) {
      let kept = 0;
      for (let ch = 0; ch < channels; ch++) kept += mask[layer.kernelOffset + (p * channels + ch) * units + j] ? 1 : 0;
      img[p] = kept / channels;
    }
    return img;
  });
}

/**
 * Per hidden unit j: an h×w image of maskDiff codes (0 pruned in both, 1 kept in both, 2 only in A,
 * 3 only in B). With several channels a pixel shows the most frequent code over its channels (ties: lower code).
 */
export function unitCodeImages(
  codes: Uint8Array,
  layer: LayerSpec,
  view: Extract<KernelView, { mode: 'image' }>,
): Uint8Array[] {
  const { height, width, channels, units } = view;
  return Array.from({ length: units }, (_, j) => {
    const img = new Uint8Array(height * width);
    const n = [0, 0, 0, 0];
    for (let p = 0; p < height * width; p++) {
      n.fill(0);
      for (let ch = 0; ch < channels; ch++) n[codes[layer.kernelOffset + (p * channels + ch) * units + j]]++;
      img[p] = n.indexOf(Math.max(...n));
    }
    return img;
  });
}

/** The layer's kernel slice of a flat array (mask, codes, weights): row-major [rows, cols] of its matrix view. */
export function kernelSlice<T extends Uint8Array | Float32Array>(flat: T, layer: LayerSpec): T {
  return flat.subarray(layer.kernelOffset, layer.kernelOffset + layer.kernelSize) as T;
}

/** Round-diff categories in maskDiff code order, with A = the earlier round and B = the later one. */
export const DIFF_CATEGORIES = [
  { code: 0, label: 'pruned in both' },
  { code: 1, label: 'kept in both' },
  { code: 2, label: 'newly pruned' },
  { code: 3, label: 'regrown' },
] as const;

/** maskDiff with the earlier round as A, so code 2 = pruned since the earlier round, 3 = regrown. */
export function roundDiff(
  earlier: Pick<RoundRecord, 'mask'>,
  later: Pick<RoundRecord, 'mask'>,
  layers: readonly LayerSpec[],
) {
  return maskDiff(earlier.mask, later.mask, layers);
}

export interface MethodIoURow {
  readonly seed: number;
  readonly roundNum: number;
  readonly sparsityA: number;
  readonly sparsityB: number;
  /** |A ∩ B| / |A ∪ B| of the kept kernel entries. */
  readonly iou: number;
}

/** Mask IoU of two methods' chains (default SNR vs magnitude) at every (seed, round) both have, sorted. */
export function methodIoUByRound(
  records: readonly Pick<RoundRecord, 'seed' | 'method' | 'roundNum' | 'sparsityFrac' | 'mask'>[],
  layers: readonly LayerSpec[],
  methodA = 'snr',
  methodB = 'magnitude',
): MethodIoURow[] {
  const bIndex = new Map(records.filter((r) => r.method === methodB).map((r) => [`${r.seed}/${r.roundNum}`, r]));
  return records
    .filter((r) => r.method === methodA)
    .flatMap((a) => {
      const b = bIndex.get(`${a.seed}/${a.roundNum}`);
      return b
        ? [
            {
              seed: a.seed,
              roundNum: a.roundNum,
              sparsityA: a.sparsityFrac,
              sparsityB: b.sparsityFrac,
              iou: maskIoU(a.mask, b.mask, layers),
            },
          ]
        : [];
    })
    .sort((x, y) => x.seed - y.seed || x.roundNum - y.roundNum);
}

/** The distinct values of a record field, sorted (for pickers). */
export function distinct<K extends 'seed' | 'method' | 'roundNum'>(
  records: readonly Pick<RoundRecord, K>[],
  key: K,
): RoundRecord[K][] {
  return [...new Set(records.map((r) => r[key]))].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
}
