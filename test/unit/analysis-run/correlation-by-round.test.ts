import { describe, expect, it } from 'vitest';
import {
  correlationByRound,
  meanOverSeeds,
  roundCorrelation,
  type RoundSnapshot,
} from '../../../src/core/analysis/run/correlation-by-round';
import { buildLayout } from '../../../src/core/nets/layout';
import { Rng } from '../../../src/core/rng';

// Dense_0 [2,2] (kernel 0–3, bias 4–5), Dense_1 [2,3] (kernel 6–11, bias 12–14): D = 15, 10 prunable.
const layout = buildLayout([
  { name: 'Dense_0', kind: 'dense', kernelShape: [2, 2] },
  { name: 'Dense_1', kind: 'dense', kernelShape: [2, 3] },
]);
const layers = layout.layers;

/**
 * Hand-made round: Dense_1 entries 10, 11 already pruned (μ = 0, σ = 1e20, docs/ALGORITHMS.md §1.5). Active kernels:
 * Dense_0 μ = 5, 6, 7, 8; Dense_1 μ = 1, −2, 3, 4; σ = μ² everywhere, so SNR = 1/|μ|.
 */
function record(roundNum: number, seed = 0, stdOf: (m: number) => number = (m) => m * m): RoundSnapshot {
  const mean = new Float32Array(15),
    std = new Float32Array(15).fill(1e20),
    mask = new Uint8Array(15).fill(1);
  [5, 6, 7, 8, 0.1, 0.1, 1, -2, 3, 4].forEach((m, i) => {
    mean[i] = m;
    std[i] = stdOf(Math.abs(m));
  }); // entries 0–9 (4, 5: Dense_0 biases)
  for (const i of [12, 13, 14]) {
    mean[i] = 0.2;
    std[i] = 0.1;
  }
  mask[10] = 0;
  mask[11] = 0;
  return { seed, method: 'magnitude', roundNum, sparsityFrac: 0.2, mask, mean, std };
}
const opts = { layers, layerIndex: 1, pruneFrac: 0.2, rng: new Rng(0) };

describe('roundCorrelation (docs/ALGORITHMS.md §8.1) on a hand-made record', () => {
  it('Pearson/Spearman of |μ| vs SNR over the unpruned kernel entries of layer 1 only', () => {
    const r = roundCorrelation(record(2), opts);
    expect(r.n).toBe(4);
    // x = 1,2,3,4; y = 1/x: Pearson −0.9287432920695055 (numpy corrcoef), Spearman exactly −1.
    expect(r.pearson).toBeCloseTo(-0.9287432920695055, 6);
    expect(r.spearman).toBeCloseTo(-1, 12);
  });

  it("criteria agreement at the next round's sparsity 1 − 0.8² = 0.36 (4 of 10 pruned), over layer 1's alive entries", () => {
    const r = roundCorrelation(record(2), opts);
    expect(r.nextSparsityFrac).toBeCloseTo(0.36, 12);
    expect(r.sigma).toBe('per-weight');
    // Two more entries go. Magnitude prunes |μ| = 1, 2 (Dense_1 entries 6, 7); SNR prunes 1/8, 1/7 (Dense_0).
    // Dense_1's alive entries are 6–9 (10, 11 were pruned before and are not counted): the criteria agree
    // on 8 and 9 only → 2/4. Counting the two pruned entries too would give 4/6.
    expect(r.agreeFrac).toBeCloseTo(0.5, 12);
    // Survivors in Dense_1: magnitude {8, 9}, SNR {6, 7, 8, 9} → IoU 2/4.
    expect(r.survivorIoU).toBeCloseTo(0.5, 12);
  });

  it('at round 1 the next cut (0.2 → 2 entries) only removes the already-pruned pair: full agreement', () => {
    expect(roundCorrelation(record(1), opts).agreeFrac).toBe(1);
  });

  it('one σ for every weight (ARS, OpenES) makes SNR ∝ |μ|: marked isotropic, statistics NaN, no scatter', () => {
    const r = roundCorrelation(
      record(2, 0, () => 0.5),
      opts,
    );
    expect(r.sigma).toBe('isotropic');
    expect([r.pearson, r.spearman, r.agreeFrac, r.survivorIoU].every(Number.isNaN)).toBe(true);
    expect(r.n).toBe(4);
    expect(r.scatter.magnitude).toHaveLength(0);
  });

  it('no σ (GD-IMP stores NaN) is marked none', () => {
    expect(
      roundCorrelation(
        record(2, 0, () => NaN),
        opts,
      ).sigma,
    ).toBe('none');
  });

  it('scatter is a consistent subsample of the (|μ|, SNR) pairs', () => {
    const r = roundCorrelation(record(2), { ...opts, maxPoints: 2 });
    expect(r.scatter.magnitude.length).toBe(2);
    r.scatter.magnitude.forEach((m, i) => expect(r.scatter.snr[i]).toBeCloseTo(1 / m, 6));
    expect(roundCorrelation(record(2), opts).scatter.magnitude).toEqual(Float32Array.of(1, 2, 3, 4));
  });

  it('rejects a layer index the network does not have', () => {
    expect(() => roundCorrelation(record(2), { ...opts, layerIndex: 2 })).toThrow(/layer index 2/);
  });
});

describe('correlationByRound / meanOverSeeds', () => {
  it('sorts by method, seed, round and averages per (method, round) with s.e.', () => {
    const recs = [record(2, 1), record(2, 0, (m) => 1 / m), record(1, 0)];
    const rows = correlationByRound(recs, opts);
    expect(rows.map((r) => [r.seed, r.roundNum])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    const m = meanOverSeeds(rows, (r) => r.spearman);
    expect(m.map((g) => [g.roundNum, g.n])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(m[1].mean).toBeCloseTo(0, 12); // σ = 1/|μ| gives SNR = μ²: Spearman 1; σ = μ² gives −1 → mean 0
    expect(m[1].se).toBeCloseTo(1, 12); // s.d. √2, n = 2 → s.e. √2/√2 = 1
  });
});
