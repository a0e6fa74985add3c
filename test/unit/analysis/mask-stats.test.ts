import { describe, expect, it } from 'vitest';
import {
  inputPixelUsage,
  layerSparsity,
  layerWeightStats,
  maskDiff,
  maskIoU,
} from '../../../src/core/analysis/mask-stats';
import { makeLayers } from '../prune/fixtures';

// L0 kernel [2,2] at 0..3 (bias 4..5), L1 kernel [2,1] at 6..7 (bias 8).
const { layers } = makeLayers([
  { name: 'L0', shape: [2, 2] },
  { name: 'L1', shape: [2, 1] },
]);
const A = Uint8Array.from([1, 1, 0, 0, 1, 1, 1, 0, 1]);
const B = Uint8Array.from([1, 0, 1, 0, 1, 1, 1, 1, 1]);

describe('mask statistics (hand examples)', () => {
  it('per-layer sparsity', () => {
    expect(layerSparsity(A, layers)).toEqual([
      { name: 'L0', kernelSize: 4, kept: 2, sparsityFrac: 0.5 },
      { name: 'L1', kernelSize: 2, kept: 1, sparsityFrac: 0.5 },
    ]);
  });

  it('diff and IoU over kernel entries only', () => {
    const d = maskDiff(A, B, layers);
    // idx0 both, 1 onlyA, 2 onlyB, 3 neither, 6 both, 7 onlyB; biases coded 1
    expect([d.both, d.onlyA, d.onlyB, d.neither]).toEqual([2, 1, 2, 1]);
    expect(Array.from(d.codes)).toEqual([1, 2, 3, 0, 1, 1, 1, 3, 1]);
    expect(maskIoU(A, B, layers)).toBeCloseTo(2 / 5, 12);
    expect(maskIoU(A, A, layers)).toBe(1);
    const empty = Uint8Array.from([0, 0, 0, 0, 1, 1, 0, 0, 1]);
    expect(maskIoU(empty, empty, layers)).toBe(1);
  });

  it('layer weight stats over surviving entries', () => {
    const theta = Float32Array.from([1, -3, 100, 100, 9, 9, -2, 100, 9]);
    const s = layerWeightStats(theta, A, layers);
    expect(s[0]).toEqual({ name: 'L0', sparsityFrac: 0.5, meanAbs: 2, mean: -1 });
    expect(s[1]).toEqual({ name: 'L1', sparsityFrac: 0.5, meanAbs: 2, mean: -2 });
  });

  it('input-pixel usage of a dense first layer (2×2 grey image, 3 units)', () => {
    const net = makeLayers([{ name: 'Dense_0', shape: [4, 3] }]);
    const m = new Uint8Array(net.paramCount).fill(1);
    // rows = input pixels (row-major): pixel 0 keeps 3, pixel 1 keeps 1, pixel 2 keeps 0, pixel 3 keeps 2
    m.set([1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0]);
    const u = inputPixelUsage(m, net.layers[0], [2, 2]);
    expect(Array.from(u.counts)).toEqual([3, 1, 0, 2]);
    expect(Array.from(u.fraction).map((f) => +f.toFixed(6))).toEqual([1, 0.333333, 0, 0.666667]);
  });

  it('input-pixel usage sums channels per pixel and rejects mismatched shapes and conv layers', () => {
    const net = makeLayers([{ name: 'Dense_0', shape: [4, 2] }]); // 1×2 image with 2 channels
    const m = new Uint8Array(net.paramCount).fill(1);
    m.set([1, 0, 0, 0, 1, 1, 1, 1]); // (px0,c0) keeps 1, (px0,c1) 0, (px1,c0) 2, (px1,c1) 2
    const u = inputPixelUsage(m, net.layers[0], [1, 2, 2]);
    expect(Array.from(u.counts)).toEqual([1, 4]);
    expect(Array.from(u.fraction)).toEqual([0.25, 1]);
    expect(() => inputPixelUsage(m, net.layers[0], [3, 3])).toThrow(/fan-in/);
    const conv = makeLayers([{ name: 'Conv_0', kind: 'conv', shape: [3, 3, 1, 2] }]);
    expect(() => inputPixelUsage(new Uint8Array(conv.paramCount), conv.layers[0], [28, 28])).toThrow(/dense/);
  });
});
