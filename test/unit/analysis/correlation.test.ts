import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  criteriaAgreement,
  downsampleScatter,
  lastHiddenLayerIndex,
  layerIndexOf,
  magnitudeSnrCorrelation,
  pearson,
  relativeSnrGain,
  sigmaKind,
  spearman,
  survivorRankCorrelation,
} from '../../../src/core/analysis/correlation';
import { Rng } from '../../../src/core/rng';
import { makeLayers } from '../prune/fixtures';

describe('pearson / spearman (hand-computed)', () => {
  const x = [1, 2, 3, 4, 5],
    y = [2, 4, 5, 4, 5];
  it('pearson: Σdxdy = 6, Σdx² = 10, Σdy² = 6 → 6/√60', () => {
    expect(pearson(x, y)).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(
      pearson(
        x,
        x.map((v) => -3 * v + 1),
      ),
    ).toBeCloseTo(-1, 12);
    expect(Number.isNaN(pearson([1, 1, 1], [1, 2, 3]))).toBe(true);
  });
  it('average ranks give ties their mean rank', () => {
    expect(Array.from(averageRanks(y))).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
    expect(Array.from(averageRanks([3, 3, 3]))).toEqual([2, 2, 2]);
    expect(Array.from(averageRanks([0.5, -1, 7]))).toEqual([2, 1, 3]);
  });
  it('spearman with ties: ranks y = [1, 2.5, 4.5, 2.5, 4.5] → 7/√90 (scipy 0.7378647873726218)', () => {
    expect(spearman(x, y)).toBeCloseTo(0.7378647873726218, 12);
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12); // monotone but nonlinear
  });
});

// L0 kernel [2,2] at 0..3 (bias 4..5), L1 kernel [2,1] at 6..7 (bias 8).
const { layers } = makeLayers([
  { name: 'L0', shape: [2, 2] },
  { name: 'L1', shape: [2, 1] },
]);

describe('magnitude–SNR analysis (docs/ALGORITHMS.md §8)', () => {
  it('correlates |μ| with |μ|/σ over the unpruned kernel entries of one layer', () => {
    const mean = Float32Array.from([1, -2, 3, 99, 0, 0, 0, 0, 0]);
    const std = Float32Array.from([1, 1, 1, 1e20, 1, 1, 1, 1, 1]);
    const mask = Uint8Array.from([1, 1, 1, 0, 1, 1, 1, 1, 1]);
    // |μ| = [1,2,3], σ = 1 → SNR = |μ| → r = 1 (entry 3 is pruned and ignored)
    expect(magnitudeSnrCorrelation(mean, std, mask, layers[0])).toBeCloseTo(1, 6);
    const std2 = Float32Array.from([0.5, 2, 6, 1e20, 1, 1, 1, 1, 1]); // SNR = [2, 1, 0.5]: reversed order
    // pearson([1,2,3], [2,1,0.5]): dx = [−1,0,1], dy = [5/6, −1/6, −2/3] → Σdxdy = −1.5, Σdx² = 2, Σdy² = 7/6
    expect(magnitudeSnrCorrelation(mean, std2, mask, layers[0])).toBeCloseTo(-1.5 / Math.sqrt((2 * 7) / 6), 6);
  });

  it('criteriaAgreement counts the prunable entries on which both masks decide alike', () => {
    const mask = new Uint8Array(9).fill(1);
    const mag = Float32Array.from([0.9, 0.1, 0.5, 0.3, 0, 0, 0.2, 0.8, 0]);
    const snr = Float32Array.from([0.9, 0.6, 0.1, 0.3, 0, 0, 0.2, 0.8, 0]);
    // s = 0.5, N = 6 → prune 3. mag prunes {1, 6, 3}; snr prunes {2, 6, 3}. Disagree on 1 and 2.
    const r = criteriaAgreement(mag, snr, mask, layers, 0.5);
    expect(Array.from(r.magnitudeMask)).toEqual([1, 0, 1, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(r.snrMask)).toEqual([1, 1, 0, 0, 1, 1, 0, 1, 1]);
    expect(r.agreeFrac).toBeCloseTo(4 / 6, 12);
    expect(r.survivorIoU).toBeCloseTo(2 / 4, 12); // both keep {0, 7}; union {0, 1, 2, 7}
  });

  it('criteriaAgreement leaves out entries pruned before this round (they agree trivially)', () => {
    const mask = Uint8Array.from([1, 1, 1, 0, 1, 1, 0, 1, 1]); // entries 3 and 6 already pruned
    const mag = Float32Array.from([0.9, 0.1, 0.5, 0, 0, 0, 0, 0.8, 0]);
    const snr = Float32Array.from([0.9, 0.6, 0.1, 0, 0, 0, 0, 0.8, 0]);
    // s = 0.5 of 6 → 3 pruned: the 2 already pruned + 1 more: mag prunes 1, snr prunes 2.
    const r = criteriaAgreement(mag, snr, mask, layers, 0.5);
    expect(r.alive).toBe(4); // 0, 1, 2, 7
    expect(r.agreeFrac).toBeCloseTo(2 / 4, 12); // agree on 0 and 7; not on 1, 2 (counting 3 and 6 would give 4/6)
    expect(r.survivorIoU).toBeCloseTo(2 / 4, 12); // kept: mag {0, 2, 7}, snr {0, 1, 7}
    const onlyL1 = criteriaAgreement(mag, snr, mask, layers, 0.5, 'global', [layers[1]]);
    expect([onlyL1.alive, onlyL1.agreeFrac]).toEqual([1, 1]); // entry 7 only
  });

  it('sigmaKind: per-weight, one σ for all (ARS), or none (GD); default layer = the last hidden one', () => {
    const mask = Uint8Array.from([1, 1, 1, 0, 1, 1, 1, 1, 1]);
    expect(sigmaKind(Float32Array.from([0.1, 0.2, 0.1, 1e20, 1, 1, 1, 1, 1]), mask, layers[0])).toBe('per-weight');
    expect(sigmaKind(Float32Array.from([0.03, 0.03, 0.03, 1e20, 1, 1, 1, 1, 1]), mask, layers[0])).toBe('isotropic');
    expect(sigmaKind(Float32Array.from([NaN, NaN, NaN, 1e20, 1, 1, 1, 1, 1]), mask, layers[0])).toBe('none');
    expect(sigmaKind(new Float32Array(0), mask, layers[0])).toBe('none'); // σ not sent
    expect(lastHiddenLayerIndex(layers)).toBe(0); // L0 feeds the output layer L1
    expect(lastHiddenLayerIndex(['Conv_0', 'Conv_1', 'Dense_0'])).toBe(1); // es-lottery's Conv_1
    expect(layerIndexOf(-1, layers)).toBe(0);
    expect(layerIndexOf(1, layers)).toBe(1);
    expect(() => layerIndexOf(2, layers)).toThrow(/0 = L0, 1 = L1/);
  });

  it('survivorRankCorrelation ranks only the final survivors (kernel entries)', () => {
    const final = Uint8Array.from([1, 0, 1, 1, 1, 1, 1, 0, 1]); // survivors 0, 2, 3, 6 (+ biases, ignored)
    const r1 = Float32Array.from([1, 50, 2, 3, 7, 7, 4, -9, 7]);
    const rk = Float32Array.from([10, -5, 30, 20, 0, 0, 40, 99, 0]);
    // ranks r1 = [1,2,3,4], rk = [1,3,2,4] → Σd² = 2 → ρ = 1 − 6·2/(4·15) = 0.8
    expect(survivorRankCorrelation(rk, r1, final, layers)).toBeCloseTo(0.8, 12);
  });

  it('relative SNR gain is (SNR − IMP) / dense SNR performance', () => {
    expect(relativeSnrGain([0.8, 0.7, 0.5], [0.8, 0.6, 0.3])).toEqual(
      [0, 0.1 / 0.8, 0.2 / 0.8].map((v) => expect.closeTo(v, 12)),
    );
  });
});

describe('downsampleScatter', () => {
  it('keeps everything when small, else maxPoints distinct sorted indices with matching values', () => {
    const x = Float32Array.from({ length: 1000 }, (_, i) => i),
      y = Float32Array.from(x, (v) => 2 * v);
    expect(downsampleScatter(x, y, 2000, new Rng(1)).x.length).toBe(1000);
    const d = downsampleScatter(x, y, 100, new Rng(1));
    expect(d.indices.length).toBe(100);
    expect(new Set(d.indices).size).toBe(100);
    for (let k = 1; k < 100; k++) expect(d.indices[k]).toBeGreaterThan(d.indices[k - 1]);
    for (let k = 0; k < 100; k++) {
      expect(d.x[k]).toBe(d.indices[k]);
      expect(d.y[k]).toBe(2 * d.indices[k]);
    }
  });
});
