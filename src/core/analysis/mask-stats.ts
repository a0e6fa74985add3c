/**
 * Mask and weight statistics for the mask views and SI Fig. 11 (paper §5; docs/ALGORITHMS.md §6
 * "weight statistics"): per-layer sparsity and weight moments, IoU and diff between two masks over
 * prunable (kernel) entries, and the first layer's input-pixel usage map for image inputs.
 */
import type { LayerSpec } from '../nets/types';

export interface LayerSparsity {
  readonly name: string;
  readonly kernelSize: number;
  readonly kept: number;
  readonly sparsityFrac: number;
}

/** Per kernel: kept entries and sparsity (pruned / size). */
export function layerSparsity(mask: Uint8Array, layers: readonly LayerSpec[]): LayerSparsity[] {
  return layers.map((l) => {
    let kept = 0;
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) kept += mask[i] ? 1 : 0;
    return { name: l.name, kernelSize: l.kernelSize, kept, sparsityFrac: l.kernelSize ? 1 - kept / l.kernelSize : 0 };
  });
}

export interface LayerWeightStats {
  readonly name: string;
  readonly sparsityFrac: number;
  /** Mean |W| over surviving kernel entries (SI Fig. 11; [U] whether es-lottery averaged over zeros too). */
  readonly meanAbs: number;
  /** Mean W over surviving kernel entries. */
  readonly mean: number;
}

/** Per kernel: sparsity, mean |W| and mean W over surviving entries (NaN if none survive). */
export function layerWeightStats(
  theta: Float32Array,
  mask: Uint8Array,
  layers: readonly LayerSpec[],
): LayerWeightStats[] {
  return layers.map((l) => {
    let kept = 0,
      sAbs = 0,
      s = 0;
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) {
      if (!mask[i]) continue;
      kept++;
      sAbs += Math.abs(theta[i]);
      s += theta[i];
    }
    return {
      name: l.name,
      sparsityFrac: 1 - kept / l.kernelSize,
      meanAbs: kept ? sAbs / kept : NaN,
      mean: kept ? s / kept : NaN,
    };
  });
}

export interface MaskDiff {
  readonly both: number;
  readonly onlyA: number;
  readonly onlyB: number;
  readonly neither: number;
  /** Per flat index: 0 = pruned in both, 1 = kept in both, 2 = only in A, 3 = only in B (biases: 1). */
  readonly codes: Uint8Array;
}

/** Entry-by-entry comparison of two masks; counts cover prunable (kernel) entries only. */
export function maskDiff(a: Uint8Array, b: Uint8Array, layers: readonly LayerSpec[]): MaskDiff {
  if (a.length !== b.length) throw new Error(`maskDiff: lengths ${a.length} and ${b.length} differ`);
  const codes = new Uint8Array(a.length).fill(1);
  const n = [0, 0, 0, 0];
  for (const l of layers) {
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) {
      const c = a[i] ? (b[i] ? 1 : 2) : b[i] ? 3 : 0;
      codes[i] = c;
      n[c]++;
    }
  }
  return { neither: n[0], both: n[1], onlyA: n[2], onlyB: n[3], codes };
}

/** |A ∩ B| / |A ∪ B| of the kept kernel entries (1 when both keep nothing). */
export function maskIoU(a: Uint8Array, b: Uint8Array, layers: readonly LayerSpec[]): number {
  const d = maskDiff(a, b, layers);
  const union = d.both + d.onlyA + d.onlyB;
  return union === 0 ? 1 : d.both / union;
}

export interface PixelUsage {
  readonly height: number;
  readonly width: number;
  /** Per pixel (row-major h×w): surviving outgoing first-layer weights, summed over channels. */
  readonly counts: Float32Array;
  /** counts / (channels · units): 1 = every outgoing weight of the pixel survives. */
  readonly fraction: Float32Array;
}

/**
 * Which input pixels a sparse network still reads: for a dense first layer [h·w·c, out] (input flattened
 * row-major as h, w, c), count each pixel's surviving outgoing weights. Conv layers share weights across
 * pixels, so the map is only defined for a dense first layer.
 */
export function inputPixelUsage(mask: Uint8Array, layer: LayerSpec, inputShape: readonly number[]): PixelUsage {
  if (layer.kind !== 'dense')
    throw new Error(`inputPixelUsage: layer ${layer.name} is ${layer.kind}; only a dense first layer maps to pixels`);
  const [height, width, channels = 1] = inputShape;
  const [fanIn, units] = layer.kernelShape;
  if (height * width * channels !== fanIn)
    throw new Error(`inputPixelUsage: input ${inputShape.join('×')} does not match fan-in ${fanIn}`);
  const counts = new Float32Array(height * width);
  for (let inIdx = 0; inIdx < fanIn; inIdx++) {
    const row = layer.kernelOffset + inIdx * units;
    let kept = 0;
    for (let j = 0; j < units; j++) kept += mask[row + j] ? 1 : 0;
    counts[Math.floor(inIdx / channels)] += kept;
  }
  return { height, width, counts, fraction: Float32Array.from(counts, (c) => c / (channels * units)) };
}
