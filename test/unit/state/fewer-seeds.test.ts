// The sparsity chart draws every round's mean ± s.d. alike, so where a point averages fewer seeds (one
// stopped early, or is still running) its caption says so (state/imp-selectors.ts fewerSeedsText).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fewerSeedsText, sparsityCurves } from '../../../src/state/imp-selectors';
import { precomputedFromBytes } from '../../../src/core/runs/precomputed';
import { roundRecord } from '../../helpers/round-record';

const chain = (seed: number, method: string, upTo: number) =>
  Array.from({ length: upTo }, (_, i) => roundRecord(seed, method, i + 1, 0.9 - i / 100));

describe('points over fewer seeds', () => {
  it('names the rounds a seed did not finish (the review: seed 2 stops at round 3 of 6)', () => {
    const records = [0, 1, 2].flatMap((seed) => chain(seed, 'magnitude', seed === 2 ? 3 : 6));
    expect(fewerSeedsText(sparsityCurves(records))).toBe(
      'Not every seed has finished every round, so some points average fewer seeds (rounds 4–6: 2 of 3 seeds).',
    );
  });

  it('says nothing when every point averages every seed, or there is one seed', () => {
    expect(fewerSeedsText(sparsityCurves([0, 1].flatMap((s) => chain(s, 'snr', 4))))).toBeNull();
    expect(fewerSeedsText(sparsityCurves(chain(0, 'snr', 4)))).toBeNull();
  });

  it('splits runs of rounds by count, and a diverged (NaN) round does not count as a seed', () => {
    const records = [
      ...chain(0, 'snr', 5),
      ...chain(1, 'snr', 5).map((r) => (r.roundNum === 2 ? { ...r, finalPerf: NaN } : r)),
      ...chain(2, 'snr', 3),
    ];
    expect(fewerSeedsText(sparsityCurves(records))).toBe(
      'Not every seed has finished every round, so some points average fewer seeds ' +
        '(round 2: 2 of 3 seeds; rounds 4–5: 2 of 3 seeds).',
    );
  });

  it('the shipped cartpole-reduced result, whose seed 1 stopped early, per method', async () => {
    const res = precomputedFromBytes(
      'cartpole-reduced',
      new Uint8Array(await readFile('public/precomputed/cartpole-reduced.json.gz')),
    );
    if (!res.ok) throw new Error(res.message);
    expect(fewerSeedsText(sparsityCurves(res.overlay.records))).toBe(
      'Not every seed has finished every round, so some points average fewer seeds ' +
        '(round 10: 1–2 of 2 seeds, by method; rounds 11–12: 1 of 2 seeds).',
    );
  });
});
