// Mask-inspector data (src/ui/masks/mask-images.ts): unit images, kernel views, round diffs, SNR–magnitude IoU.
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src/core/nets/types';
import {
  DIFF_CATEGORIES,
  distinct,
  kernelSlice,
  kernelView,
  maskCellKind,
  methodIoUByRound,
  roundDiff,
  unitCodeImages,
  unitKeptImages,
  usageColourMax,
} from '../../../src/ui/masks/mask-images';

/** Dense [in, out] layer at `offset` followed by its bias. */
const dense = (name: string, inSize: number, out: number, offset: number): LayerSpec => ({
  name,
  kind: 'dense',
  kernelShape: [inSize, out],
  kernelOffset: offset,
  kernelSize: inSize * out,
  biasOffset: offset + inSize * out,
  biasSize: out,
  fanIn: inSize,
});

describe('kernel views', () => {
  it('image mode when a dense first layer reads a flattened h×w×c input, else a matrix', () => {
    const l0 = dense('Dense_0', 2 * 3 * 2, 4, 0);
    expect(kernelView(l0, [2, 3, 2])).toEqual({ mode: 'image', height: 2, width: 3, channels: 2, units: 4 });
    expect(kernelView(l0, [12])).toEqual({ mode: 'matrix', rows: 12, cols: 4 });
    expect(kernelView(l0, [3, 3, 1])).toEqual({ mode: 'matrix', rows: 12, cols: 4 });
    const conv: LayerSpec = {
      name: 'Conv_0',
      kind: 'conv',
      kernelShape: [3, 3, 1, 8],
      kernelOffset: 0,
      kernelSize: 72,
      biasOffset: 72,
      biasSize: 8,
      fanIn: 9,
    };
    expect(kernelView(conv, [28, 28, 1])).toEqual({ mode: 'matrix', rows: 9, cols: 8 });
  });

  it('unit images reshape each kernel column to the input image; channels average', () => {
    // 2×2 single-channel input, 3 units, kernel after a 5-entry offset. W[p, j] at 5 + p·3 + j.
    const l = dense('Dense_0', 4, 3, 5);
    const mask = new Uint8Array(5 + 12 + 3);
    // unit 1 keeps pixels 0 and 3 (top-left, bottom-right); unit 2 keeps pixel 2.
    mask[5 + 0 * 3 + 1] = 1;
    mask[5 + 3 * 3 + 1] = 1;
    mask[5 + 2 * 3 + 2] = 1;
    mask[0] = 1; // outside the kernel: ignored
    const view = kernelView(l, [2, 2, 1]);
    if (view.mode !== 'image') throw new Error('expected image mode');
    const imgs = unitKeptImages(mask, l, view);
    expect(imgs.map((a) => Array.from(a))).toEqual([
      [0, 0, 0, 0],
      [1, 0, 0, 1],
      [0, 0, 1, 0],
    ]);

    const l2 = dense('Dense_0', 2 * 2, 1, 0); // 1×2 image with 2 channels, 1 unit
    const v2 = kernelView(l2, [1, 2, 2]);
    if (v2.mode !== 'image') throw new Error('expected image mode');
    expect(Array.from(unitKeptImages(Uint8Array.of(1, 0, 1, 1), l2, v2)[0])).toEqual([0.5, 1]);
  });

  it('unit code images and kernel slices', () => {
    const l = dense('Dense_0', 2, 2, 1);
    const view = kernelView(l, [1, 2, 1]);
    if (view.mode !== 'image') throw new Error('expected image mode');
    const codes = Uint8Array.of(9, 0, 1, 2, 3, 9, 9);
    expect(unitCodeImages(codes, l, view).map((a) => Array.from(a))).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(Array.from(kernelSlice(codes, l))).toEqual([0, 1, 2, 3]);
  });
});

describe('round diff and method IoU', () => {
  const l = dense('Dense_0', 2, 2, 0); // kernel entries 0..3, bias 4..5
  it('earlier round is A: pruned since = code 2 (newly pruned), regrown = code 3', () => {
    const d = roundDiff({ mask: Uint8Array.of(1, 1, 0, 0, 1, 1) }, { mask: Uint8Array.of(1, 0, 1, 0, 1, 1) }, [l]);
    expect(Array.from(d.codes.subarray(0, 4))).toEqual([1, 2, 3, 0]);
    expect(d).toMatchObject({ both: 1, onlyA: 1, onlyB: 1, neither: 1 });
    expect(DIFF_CATEGORIES[2].label).toBe('newly pruned');
    expect(DIFF_CATEGORIES[3].label).toBe('regrown');
  });

  it('pairs snr and magnitude records at the same seed and round: IoU by hand', () => {
    const rec = (method: string, seed: number, roundNum: number, mask: number[]) => ({
      method,
      seed,
      roundNum,
      sparsityFrac: 0.5,
      mask: Uint8Array.from(mask),
    });
    const rows = methodIoUByRound(
      [
        rec('magnitude', 0, 2, [1, 1, 0, 0, 1, 1]),
        rec('snr', 0, 2, [1, 0, 1, 0, 1, 1]), // ∩ = 1, ∪ = 3 → 1/3
        rec('snr', 0, 3, [1, 0, 0, 0, 1, 1]), // no magnitude partner
        rec('snr', 1, 1, [1, 1, 1, 1, 1, 1]),
        rec('magnitude', 1, 1, [1, 1, 1, 1, 0, 0]), // biases ignored → 1
      ],
      [l],
    );
    expect(rows.map((r) => [r.seed, r.roundNum])).toEqual([
      [0, 2],
      [1, 1],
    ]);
    expect(rows[0].iou).toBeCloseTo(1 / 3, 12);
    expect(rows[1].iou).toBe(1);
    expect(distinct([{ roundNum: 3 }, { roundNum: 1 }, { roundNum: 3 }], 'roundNum')).toEqual([1, 3]);
  });
});

describe('mask colour keys', () => {
  it('a one-channel or matrix mask is kept/pruned (a two-colour key); a multi-channel image is a share', () => {
    const l = dense('Dense_0', 196, 32, 0);
    expect(maskCellKind(kernelView(l, [14, 14, 1]))).toBe('binary'); // MNIST MLP: the bar once said "channels"
    expect(maskCellKind(kernelView(dense('Dense_1', 32, 10, 0), undefined))).toBe('binary');
    expect(maskCellKind(kernelView(dense('Dense_0', 48, 8, 0), [4, 4, 3]))).toBe('share');
  });

  it('the input-pixel map is scaled to the largest share kept, not to 1', () => {
    expect(usageColourMax(new Float32Array([0.02, 0.116, 0.09]))).toBe(0.2);
    expect(usageColourMax([0.2, 0.24])).toBe(0.25);
    expect(usageColourMax([0.3, 0.41])).toBe(0.5);
    expect(usageColourMax([0.9, 1])).toBe(1);
    expect(usageColourMax([0, 0])).toBe(1); // nothing kept: the plain 0–1 scale
  });
});
