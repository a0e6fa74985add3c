// Invariants over the pruning registry (docs/ARCHITECTURE.md convention 12; docs/ALGORITHMS.md §3.3–3.7): every method
// hits the exact target sparsity, leaves biases and excluded layers alone, rewinds/reinitialises as
// documented; nested methods give monotone masks; permutation baselines keep per-layer counts and values.
import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../../src/core/params';
import { PRUNE_METHODS, getPruneMethod } from '../../../src/core/prune/registry';
import { denseMask, keptInKernel, prunableCountOf } from '../../../src/core/prune/layout';
import { magnitudeScores, snrScores } from '../../../src/core/prune/scores';
import { sparsityOfRound } from '../../../src/core/prune/schedule';
import { maskFromScores } from '../../../src/core/prune/threshold';
import type { PruneMethod, PruneResult } from '../../../src/core/prune/types';
import { Rng } from '../../../src/core/rng';
import { NET, fakeTrainedRound, gaussianVector, makeContext } from './fixtures';

const KEEP = 0.8;
const ROUNDS = 8;
const N_PRUNABLE = prunableCountOf(NET.layers);

interface RoundRecord {
  ctxMask: Uint8Array;
  mean: Float32Array;
  std: Float32Array;
  theta0: Float32Array;
  target: number;
  result: PruneResult;
}

/** Runs a chain of ROUNDS rounds with fake training; returns each round's prune input and output. */
function runChain(
  method: PruneMethod,
  seed: number,
  opts: { exclude?: string[]; params?: Record<string, string> } = {},
): RoundRecord[] {
  const root = new Rng(seed);
  const theta0 = gaussianVector(root.split('theta0'), NET.paramCount, 0.5);
  let mask = denseMask(NET.paramCount),
    init = theta0;
  const out: RoundRecord[] = [];
  for (let roundNum = 1; roundNum < ROUNDS; roundNum++) {
    const { mean, std } = fakeTrainedRound(root.split('train').split(roundNum), mask, init);
    const target = sparsityOfRound(roundNum + 1, KEEP);
    const ctx = makeContext({
      rng: root.split('prune').split(roundNum),
      mask,
      mean,
      std,
      theta0,
      targetSparsity: target,
      exclude: opts.exclude,
    });
    const result = method.next(ctx, { ...defaultsOf(method.paramSpecs), ...opts.params });
    out.push({ ctxMask: mask, mean, std, theta0, target, result });
    mask = result.mask;
    init = result.init;
  }
  return out;
}

function prunedPrunable(mask: Uint8Array, excluded: string[] = []): number {
  return NET.layers
    .filter((l) => !excluded.includes(l.name))
    .reduce((n, l) => n + l.kernelSize - keptInKernel(mask, l), 0);
}

const VARIANTS: { method: PruneMethod; params?: Record<string, string> }[] = PRUNE_METHODS.flatMap((m) =>
  m.paramSpecs.maskPermute
    ? [
        { method: m, params: { maskPermute: 'elementwise' } },
        { method: m, params: { maskPermute: 'rows' } },
      ]
    : [{ method: m }],
);

describe.each(VARIANTS)('pruning method $method.id $params', ({ method, params }) => {
  const chain = runChain(method, 11, { params });

  it('hits the exact target sparsity over prunable weights every round', () => {
    for (const r of chain) expect(prunedPrunable(r.result.mask)).toBe(Math.round(r.target * N_PRUNABLE));
  });

  it('keeps biases active and returns weights that are zero exactly where pruned', () => {
    for (const r of chain) {
      for (const l of NET.layers) for (let i = 0; i < l.biasSize; i++) expect(r.result.mask[l.biasOffset + i]).toBe(1);
      for (let i = 0; i < NET.paramCount; i++) if (!r.result.mask[i]) expect(r.result.init[i]).toBe(0);
      expect(r.result.init.length).toBe(NET.paramCount);
    }
  });

  it('leaves an excluded layer untouched', () => {
    const ex = runChain(method, 12, { exclude: ['Dense_1'], params });
    const l = NET.layers[2];
    const nOther = N_PRUNABLE - l.kernelSize;
    for (const r of ex) {
      expect(keptInKernel(r.result.mask, l)).toBe(l.kernelSize);
      expect(prunedPrunable(r.result.mask, ['Dense_1'])).toBe(Math.round(r.target * nOther));
      if (!['random_reinit', 'mask_reinit'].includes(method.id)) {
        expect(Array.from(r.result.init.subarray(l.kernelOffset, l.kernelOffset + l.kernelSize))).toEqual(
          Array.from(r.theta0.subarray(l.kernelOffset, l.kernelOffset + l.kernelSize)),
        );
      }
    }
  });

  it('is deterministic for a given rng', () => {
    const again = runChain(method, 11, { params });
    expect(Array.from(again[ROUNDS - 2].result.mask)).toEqual(Array.from(chain[ROUNDS - 2].result.mask));
    expect(Array.from(again[ROUNDS - 2].result.init)).toEqual(Array.from(chain[ROUNDS - 2].result.init));
  });

  it(method.nested ? 'gives nested (monotone) masks' : 'declares itself non-nested and is not nested', () => {
    let violations = 0;
    for (const r of chain) for (let i = 0; i < NET.paramCount; i++) if (r.result.mask[i] && !r.ctxMask[i]) violations++;
    if (method.nested) expect(violations).toBe(0);
    else expect(violations).toBeGreaterThan(0);
  });

  it('has label and help text for the UI', () => {
    expect(method.label.length).toBeGreaterThan(3);
    expect(method.help.length).toBeGreaterThan(40);
  });
});

describe('criteria', () => {
  for (const id of ['magnitude', 'snr']) {
    it(`${id}: every survivor scores ≥ every newly pruned entry, weights rewound to θ0`, () => {
      for (const r of runChain(getPruneMethod(id), 21)) {
        const q = id === 'magnitude' ? magnitudeScores(r.mean, r.ctxMask) : snrScores(r.mean, r.std, r.ctxMask);
        let minKept = Infinity,
          maxPruned = -Infinity;
        for (const l of NET.layers)
          for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) {
            if (r.result.mask[i]) minKept = Math.min(minKept, q[i]);
            else if (r.ctxMask[i]) maxPruned = Math.max(maxPruned, q[i]);
          }
        expect(minKept).toBeGreaterThanOrEqual(maxPruned);
        for (let i = 0; i < NET.paramCount; i++) expect(r.result.init[i]).toBe(r.result.mask[i] ? r.theta0[i] : 0);
        expect(r.result.threshold).toBeGreaterThanOrEqual(0);
      }
    });
  }

  it('snr differs from magnitude when σ varies, and matches it when σ is constant', () => {
    const rng = new Rng(3);
    const mask = denseMask(NET.paramCount);
    const mean = gaussianVector(rng, NET.paramCount),
      theta0 = gaussianVector(rng, NET.paramCount);
    const varied = Float32Array.from(mean, () => 0.05 + rng.uniform());
    const flat = new Float32Array(NET.paramCount).fill(0.3);
    const base = { rng, mask, mean, theta0, targetSparsity: 0.5 };
    const mag = getPruneMethod('magnitude').next(makeContext({ ...base, std: varied }), {}).mask;
    expect(Array.from(getPruneMethod('snr').next(makeContext({ ...base, std: varied }), {}).mask)).not.toEqual(
      Array.from(mag),
    );
    expect(Array.from(getPruneMethod('snr').next(makeContext({ ...base, std: flat }), {}).mask)).toEqual(
      Array.from(mag),
    );
  });

  it('snr keeps previously pruned entries pruned when σ = 1e20 there, even with a stale non-zero μ', () => {
    const rng = new Rng(4);
    const mask = denseMask(NET.paramCount);
    const l = NET.layers[1];
    for (let i = 0; i < 40; i++) mask[l.kernelOffset + i] = 0;
    const mean = gaussianVector(rng, NET.paramCount),
      std = new Float32Array(NET.paramCount).fill(0.5);
    for (let i = 0; i < 40; i++) {
      mean[l.kernelOffset + i] = 100;
      std[l.kernelOffset + i] = 1e20;
    }
    const res = getPruneMethod('snr').next(
      makeContext({ rng, mask, mean, std, theta0: mean, targetSparsity: 0.3 }),
      {},
    );
    for (let i = 0; i < 40; i++) expect(res.mask[l.kernelOffset + i]).toBe(0);
    expect(prunedPrunable(res.mask)).toBe(Math.round(0.3 * N_PRUNABLE));
  });

  it('registry lookup works and rejects unknown ids', () => {
    expect(new Set(PRUNE_METHODS.map((m) => m.id)).size).toBe(PRUNE_METHODS.length);
    expect(getPruneMethod('snr').needsStd).toBe(true);
    expect(PRUNE_METHODS.filter((m) => m.needsStd).map((m) => m.id)).toEqual(['snr']);
    expect(() => getPruneMethod('nope')).toThrow(/known: magnitude/);
  });
});

/** The magnitude mask the baselines start from, recomputed independently. */
function magMaskOf(r: RoundRecord): Uint8Array {
  return maskFromScores(magnitudeScores(r.mean, r.ctxMask), r.ctxMask, NET.layers, r.target).mask;
}

function sortedSurvivors(theta: Float32Array, mask: Uint8Array, l: (typeof NET.layers)[number]): number[] {
  const v: number[] = [];
  for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) if (mask[i]) v.push(theta[i]);
  return v.sort((a, b) => a - b);
}

describe('baselines (docs/ALGORITHMS.md §3.7)', () => {
  it('mask_reinit and permute_weights keep the magnitude mask; mask_reinit draws a fresh init', () => {
    for (const id of ['mask_reinit', 'permute_weights']) {
      for (const r of runChain(getPruneMethod(id), 31)) {
        expect(Array.from(r.result.mask)).toEqual(Array.from(magMaskOf(r)));
        if (id === 'mask_reinit')
          expect(r.result.init[NET.layers[0].biasOffset]).not.toBe(r.theta0[NET.layers[0].biasOffset]);
      }
    }
  });

  for (const [id, maskPermute] of [
    ['permute_weights', ''],
    ['permute_mask_weights', 'elementwise'],
    ['permute_mask_weights', 'rows'],
  ]) {
    it(`${id} ${maskPermute}: keeps per-layer counts and the multiset of surviving θ0 values, biases = θ0`, () => {
      let moved = 0;
      for (const r of runChain(getPruneMethod(id), 32, { params: maskPermute ? { maskPermute } : {} })) {
        const mag = magMaskOf(r);
        for (const l of NET.layers) {
          expect(keptInKernel(r.result.mask, l)).toBe(keptInKernel(mag, l));
          expect(sortedSurvivors(r.result.init, r.result.mask, l)).toEqual(sortedSurvivors(r.theta0, mag, l));
          for (let i = 0; i < l.biasSize; i++) expect(r.result.init[l.biasOffset + i]).toBe(r.theta0[l.biasOffset + i]);
          for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++)
            if (r.result.mask[i] && r.result.init[i] !== r.theta0[i]) moved++;
        }
      }
      expect(moved).toBeGreaterThan(0);
    });
  }

  it('rows permutation moves whole axis-0 slices of the mask', () => {
    for (const r of runChain(getPruneMethod('permute_mask_weights'), 33, { params: { maskPermute: 'rows' } })) {
      const mag = magMaskOf(r);
      for (const l of NET.layers) {
        const rows = l.kernelShape[0],
          len = l.kernelSize / rows;
        const key = (m: Uint8Array, i: number) =>
          Array.from(m.subarray(l.kernelOffset + i * len, l.kernelOffset + (i + 1) * len)).join('');
        const before = Array.from({ length: rows }, (_, i) => key(mag, i)).sort();
        const after = Array.from({ length: rows }, (_, i) => key(r.result.mask, i)).sort();
        expect(after).toEqual(before);
      }
    }
  });

  it('layerwise_random keeps per-layer counts of the magnitude mask and θ0 at each survivor', () => {
    for (const r of runChain(getPruneMethod('layerwise_random'), 34)) {
      const mag = magMaskOf(r);
      for (const l of NET.layers) expect(keptInKernel(r.result.mask, l)).toBe(keptInKernel(mag, l));
      for (let i = 0; i < NET.paramCount; i++) expect(r.result.init[i]).toBe(r.result.mask[i] ? r.theta0[i] : 0);
    }
  });

  it('random_reinit: sparsity-matched global random mask, fresh each round, layer ratios not preserved, fresh init', () => {
    const chain = runChain(getPruneMethod('random_reinit'), 35);
    const last = chain[chain.length - 1];
    expect(Number.isNaN(last.result.threshold)).toBe(true);
    // Layer-wise counts drift from the magnitude mask's (global random ignores layer structure).
    const mag = magMaskOf(last);
    expect(NET.layers.some((l) => keptInKernel(last.result.mask, l) !== keptInKernel(mag, l))).toBe(true);
    // Fresh init: survivors are not θ0.
    let same = 0,
      kept = 0;
    for (let i = 0; i < NET.paramCount; i++)
      if (last.result.mask[i]) {
        kept++;
        if (last.result.init[i] === last.theta0[i]) same++;
      }
    expect(same).toBeLessThan(kept / 10);
    // Roughly uniform: over many draws each prunable entry survives at about the keep rate.
    const counts = new Float64Array(NET.paramCount);
    const draws = 400;
    const mask = denseMask(NET.paramCount),
      z = new Float32Array(NET.paramCount);
    for (let d = 0; d < draws; d++) {
      const res = getPruneMethod('random_reinit').next(
        makeContext({ rng: new Rng(1000 + d), mask, mean: z, std: z, theta0: z, targetSparsity: 0.5 }),
        {},
      );
      for (let i = 0; i < NET.paramCount; i++) counts[i] += res.mask[i];
    }
    for (const l of NET.layers)
      for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) {
        expect(Math.abs(counts[i] / draws - 0.5)).toBeLessThan(0.12); // 4.8 binomial s.d.
      }
  });
});
