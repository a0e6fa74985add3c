import { describe, expect, it } from 'vitest';
import { maskFromScores, percentileLinear } from '../../../src/core/prune/threshold';
import { Rng } from '../../../src/core/rng';
import { NET, makeLayers } from './fixtures';

// Two dense layers: L0 kernel [2,2] at 0..3, bias 4..5; L1 kernel [2,1] at 6..7, bias 8.
const { layers, paramCount } = makeLayers([
  { name: 'L0', shape: [2, 2] },
  { name: 'L1', shape: [2, 1] },
]);

describe('maskFromScores (docs/ALGORITHMS.md §3.4)', () => {
  it('has the expected layout', () => {
    expect(paramCount).toBe(9);
    expect(layers[1].kernelOffset).toBe(6);
  });

  it('global scope prunes exactly round(s·N) lowest scores pooled over layers, biases untouched', () => {
    const scores = Float32Array.from([0.5, 0.1, 0.9, 0.3, 0, 0, 0.2, 0.8, 0]);
    const mask = new Uint8Array(paramCount).fill(1);
    const { mask: m } = maskFromScores(scores, mask, layers, 0.5);
    // N = 6, prune 3 lowest: 0.1 (idx1), 0.2 (idx6), 0.3 (idx3).
    expect(Array.from(m)).toEqual([1, 0, 1, 0, 1, 1, 0, 1, 1]);
  });

  it('breaks ties by flat index and prunes already-pruned entries first (nested masks)', () => {
    const scores = Float32Array.from([0.4, 0.4, 0.4, 0.4, 9, 9, 0.4, 0.4, 9]);
    const mask = new Uint8Array(paramCount).fill(1);
    expect(Array.from(maskFromScores(scores, mask, layers, 2 / 6).mask)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1]);
    // Entry 7 is already pruned but carries a stale large score: it counts as 0 and stays pruned, and a
    // live entry scoring exactly 0 (idx 2) does not push it back in.
    const scores2 = Float32Array.from([0.4, 0.5, 0, 0.6, 9, 9, 0.7, 5, 9]);
    const mask2 = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 0, 1]);
    expect(Array.from(maskFromScores(scores2, mask2, layers, 2 / 6).mask)).toEqual([1, 1, 0, 1, 1, 1, 1, 0, 1]);
  });

  it('layerwise scope prunes round(s·N_ℓ) per layer', () => {
    const scores = Float32Array.from([0.5, 0.1, 0.9, 0.3, 0, 0, 0.2, 0.8, 0]);
    const mask = new Uint8Array(paramCount).fill(1);
    const r = maskFromScores(scores, mask, layers, 0.5, 'layerwise');
    expect(Array.from(r.mask)).toEqual([1, 0, 1, 0, 1, 1, 0, 1, 1]);
    expect(r.layerThresholds.map((t) => t.name)).toEqual(['L0', 'L1']);
    // L0 scores sorted [0.1,0.3,0.5,0.9], h = 1.5 → 0.4; L1 [0.2,0.8], h = 0.5 → 0.5.
    expect(r.layerThresholds[0].threshold).toBeCloseTo(0.4, 6);
    expect(r.layerThresholds[1].threshold).toBeCloseTo(0.5, 6);
    const r2 = maskFromScores(scores, mask, layers, 0.25, 'layerwise'); // L0: 1 of 4, L1: round(0.5) = 1 of 2
    expect(Array.from(r2.mask)).toEqual([1, 0, 1, 1, 1, 1, 0, 1, 1]);
  });

  it('leaves excluded layers unchanged and counts only the others', () => {
    const scores = Float32Array.from([0.5, 0.1, 0.9, 0.3, 0, 0, 0.2, 0.8, 0]);
    const mask = new Uint8Array(paramCount).fill(1);
    const { mask: m } = maskFromScores(scores, mask, layers, 0.5, 'global', ['L1']);
    expect(Array.from(m)).toEqual([1, 0, 1, 0, 1, 1, 1, 1, 1]);
    expect(() => maskFromScores(scores, mask, layers, 0.5, 'global', ['Nope'])).toThrow(/unknown layer/);
  });

  it('returns the numpy-linear percentile threshold over pooled scores incl. pruned zeros', () => {
    expect(percentileLinear([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(percentileLinear([10, 0, 5], 0.25)).toBeCloseTo(2.5, 12);
    expect(percentileLinear([3], 0.9)).toBe(3);
    const scores = Float32Array.from([0.5, 0.1, 0.9, 0.3, 0, 0, 0.2, 0.8, 0]);
    const mask = Uint8Array.from([1, 1, 0, 1, 1, 1, 1, 1, 1]); // idx2 pruned → pooled q = [0.5,0.1,0,0.3,0.2,0.8]
    // sorted [0, 0.1, 0.2, 0.3, 0.5, 0.8]; s = 0.5 → h = 2.5 → 0.25
    expect(maskFromScores(scores, mask, layers, 0.5).threshold).toBeCloseTo(0.25, 6);
  });
});

describe('maskFromScores against a reference comparator sort', () => {
  // Reference: order = (already pruned first, score ascending, index ascending); prune the first n.
  function reference(scores: Float32Array, mask: Uint8Array, idx: number[], n: number): Set<number> {
    const key = (i: number) => (mask[i] ? scores[i] : -Infinity);
    return new Set([...idx].sort((a, b) => key(a) - key(b) || a - b).slice(0, n));
  }
  it('agrees on random tie-heavy scores and random prior masks (global and layerwise)', () => {
    const rng = new Rng(77);
    for (let trial = 0; trial < 50; trial++) {
      const scores = Float32Array.from({ length: NET.paramCount }, () => rng.int(4) / 4); // many ties
      const mask = Uint8Array.from({ length: NET.paramCount }, () => (rng.uniform() < 0.7 ? 1 : 0));
      for (const l of NET.layers) mask.fill(1, l.biasOffset, l.biasOffset + l.biasSize);
      const s = rng.uniform();
      for (const scope of ['global', 'layerwise'] as const) {
        const got = maskFromScores(scores, mask, NET.layers, s, scope).mask;
        const groups = scope === 'global' ? [NET.layers] : NET.layers.map((l) => [l]);
        for (const g of groups) {
          const idx = g.flatMap((l) => Array.from({ length: l.kernelSize }, (_, i) => l.kernelOffset + i));
          const pruned = reference(scores, mask, idx, Math.round(s * idx.length));
          for (const i of idx) expect(got[i]).toBe(pruned.has(i) ? 0 : 1);
        }
      }
    }
  });
});
