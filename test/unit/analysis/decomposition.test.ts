import { describe, expect, it } from 'vitest';
import {
  ADDITIVE_PARTS,
  DECOMPOSITION_METHODS,
  decomposeAt,
  sharesOfTotal,
} from '../../../src/core/analysis/decomposition';
import type { RoundPerf } from '../../../src/core/analysis/summary';

const perfs: Record<string, [number, number]> = {
  magnitude: [0.86, 0.88],
  permute_weights: [0.8, 0.84],
  permute_mask_weights: [0.7, 0.76],
  random_reinit: [0.6, 0.62],
  mask_reinit: [0.75, 0.79],
  layerwise_random: [0.72, 0.7],
};
const rows: RoundPerf[] = Object.entries(perfs).flatMap(([method, [s0, s1]]) => [
  { seed: 0, method, roundNum: 5, sparsityFrac: 0.59, perf: s0 },
  { seed: 1, method, roundNum: 5, sparsityFrac: 0.59, perf: s1 },
  { seed: 2, method, roundNum: 5, sparsityFrac: 0.59, perf: method === 'magnitude' ? 0.5 : 0.4 },
]);

describe('ticket-effect decomposition', () => {
  it('pairs by seed and the three additive parts sum to the total for every seed', () => {
    const v = decomposeAt(rows, 5);
    const get = (id: string) => v.find((x) => x.id === id)!;
    expect(get('total').perSeed.map((p) => p.value)).toEqual(
      [0.86 - 0.6, 0.88 - 0.62, 0.5 - 0.4].map((x) => expect.closeTo(x, 12)),
    );
    for (let s = 0; s < 3; s++) {
      const sum = ADDITIVE_PARTS.reduce((acc, id) => acc + get(id).perSeed[s].value, 0);
      expect(sum).toBeCloseTo(get('total').perSeed[s].value, 12);
    }
    expect(get('weights').mean).toBeCloseTo((0.06 + 0.04 + 0.1) / 3, 12);
    expect(get('mask_given_reinit').perSeed[0].value).toBeCloseTo(0.15, 12);
    expect(get('layers_theta0').n).toBe(3);
  });

  it('computes the sample sd and the shares of the total', () => {
    const v = decomposeAt(rows, 5);
    const total = v.find((x) => x.id === 'total')!;
    const diffs = [0.26, 0.26, 0.1];
    const m = diffs.reduce((a, b) => a + b) / 3;
    expect(total.sd).toBeCloseTo(Math.sqrt(diffs.reduce((a, d) => a + (d - m) ** 2, 0) / 2), 12);
    const shares = sharesOfTotal(v);
    expect(shares.weights + shares.mask + shares.layers).toBeCloseTo(1, 12);
    expect(shares.weights).toBeCloseTo(v.find((x) => x.id === 'weights')!.mean / m, 12);
  });

  it('leaves out seeds that lack a chain and reports NaN where no seed has both', () => {
    const partial = rows.filter((r) => !(r.method === 'permute_weights' && r.seed === 1));
    const v = decomposeAt(partial, 5);
    expect(v.find((x) => x.id === 'weights')!.n).toBe(2);
    const none = decomposeAt(rows, 4);
    expect(none.every((x) => x.n === 0 && Number.isNaN(x.mean))).toBe(true);
    expect(Number.isNaN(sharesOfTotal(none).mask)).toBe(true);
  });

  it('names the six chains it needs', () => {
    expect([...DECOMPOSITION_METHODS].sort()).toEqual(
      [
        'layerwise_random',
        'magnitude',
        'mask_reinit',
        'permute_mask_weights',
        'permute_weights',
        'random_reinit',
      ].sort(),
    );
  });
});
