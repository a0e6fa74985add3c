// Worker analysis jobs (workers/analysis-job.ts): same numbers as the core analyses, one monotone progress
// bar over all rows, cancellation through the gate with no leaked tensors.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { correlationByRound, landscape1D, landscape2D, lmcMatrix } from '../../../src/core/analysis/run';
import { alphaGrid } from '../../../src/core/analysis/interpolation';
import { Rng } from '../../../src/core/rng';
import {
  runAnalysisJob,
  runCorrelationJob,
  runLandscapeJob,
  runLmcJob,
  type AnalysisProgress,
  type JobRecord,
} from '../../../workers/analysis-job';
import { inits, visionFixture } from '../analysis-run/fixtures';

const parts = visionFixture();
afterAll(() => parts.task.dispose());
const D = parts.net.paramCount;
const thetas = inits(parts.net, 6);

/** Two chains × (seeds 0, 1) × rounds 1–3 with distinct means, masks thinning with the round, σ > 0. */
function records(): JobRecord[] {
  const out: JobRecord[] = [];
  let k = 0;
  for (const method of ['magnitude', 'snr'])
    for (const seed of [0, 1])
      for (const roundNum of [1, 2, 3]) {
        const rng = new Rng(100 + k);
        const mask = Uint8Array.from({ length: D }, (_, i) => (roundNum === 1 || i % (roundNum + 1) !== 0 ? 1 : 0));
        const mean = Float32Array.from(thetas[k % thetas.length], (v, i) => (mask[i] ? v : 0));
        const std = Float32Array.from({ length: D }, (_, i) => (mask[i] ? 0.05 + rng.uniform() : 1e20));
        out.push({ method, seed, roundNum, sparsityFrac: 1 - mask.reduce((s, m) => s + m, 0) / D, mask, mean, std });
        k++;
      }
  return out;
}
const recs = records();
const pick = (method: string, seed: number, roundNum: number) =>
  recs.find((r) => r.method === method && r.seed === seed && r.roundNum === roundNum)!;

function recorder() {
  const seen: AnalysisProgress[] = [];
  return {
    seen,
    sink: (p: AnalysisProgress) => {
      seen.push(p);
    },
  };
}
function expectMonotoneToTotal(seen: readonly AnalysisProgress[], total: number) {
  expect(seen.length).toBeGreaterThan(1);
  for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
  expect(seen.every((p) => p.total === total)).toBe(true);
  expect(seen[seen.length - 1].done).toBe(total);
}

describe('runLmcJob', () => {
  it('rounds of one chain: the core lmcMatrix over that chain, in round order, with one progress bar', async () => {
    const { seen, sink } = recorder();
    const res = await runLmcJob(parts, recs, { pairs: 'rounds', method: 'snr', seed: 1, points: 5 }, sink);
    const chain = [1, 2, 3].map((k) => pick('snr', 1, k));
    const ref = await lmcMatrix({
      ...parts,
      nets: chain.map((r) => ({ label: `r${r.roundNum}`, theta: r.mean })),
      points: 5,
    });
    expect(res.matrix.labels).toEqual(['r1', 'r2', 'r3']);
    expect(res.matrix.barrier).toEqual(ref.barrier);
    expect(res.nets.map((n) => n.sparsityFrac)).toEqual(chain.map((r) => r.sparsityFrac));
    expectMonotoneToTotal(seen, 3 * alphaGrid(5).length);
  });

  it('seeds at one round; fewer than two networks is a clear error', async () => {
    const res = await runLmcJob(parts, recs, { pairs: 'seeds', method: 'magnitude', roundNum: 2, points: 4 });
    expect(res.matrix.labels).toEqual(['s0', 's1']);
    expect(res.matrix.pairs).toHaveLength(1);
    await expect(runLmcJob(parts, recs, { pairs: 'rounds', method: 'snr', seed: 7, points: 4 })).rejects.toThrow(
      /at least two networks/,
    );
  });
});

describe('runLandscapeJob', () => {
  it('per-round 1-D profiles and the 2-D surface equal the core calls with the same rng', async () => {
    const { seen, sink } = recorder();
    const o = {
      method: 'magnitude',
      seed: 0,
      roundNums: [1, 3],
      directions: 2,
      points: 5,
      normalisation: 'filter' as const,
      rngSeed: 3,
      surfacePoints: 3,
    };
    const res = await runLandscapeJob(parts, recs, o, sink);
    expect(res.rounds.map((r) => r.roundNum)).toEqual([1, 3]);
    expect(res.lossKind).toBe('test cross-entropy');
    const rng = new Rng(3).split('landscape');
    const r3 = pick('magnitude', 0, 3);
    const setup = { ...parts, theta: r3.mean, mask: r3.mask, normalisation: 'filter' as const, rng };
    const ref = await landscape1D({ ...setup, directions: 2, points: 5 });
    expect(res.rounds[1].landscape.curvature.mean).toBe(ref.curvature.mean);
    expect(res.rounds[1].landscape.profiles[1].loss).toEqual(ref.profiles[1].loss);
    const surf = await landscape2D({ ...setup, points: 3 });
    expect(res.surface?.roundNum).toBe(3);
    expect(Array.from(res.surface!.surface.loss)).toEqual(Array.from(surf.loss));
    expectMonotoneToTotal(seen, 2 * 2 * 5 + 9);
    expect(new Set(seen.map((p) => p.label))).toEqual(
      new Set(['round 1: 1-D profiles', 'round 3: 1-D profiles', 'round 3: 2-D surface']),
    );
  });

  it("cancels through the gate: rejects with the gate's error and leaks no tensors", async () => {
    const before = tf.memory().numTensors;
    let calls = 0;
    const gate = () => {
      if (++calls === 3) throw new Error('run cancelled');
    };
    await expect(
      runLandscapeJob(
        parts,
        recs,
        { method: 'snr', seed: 0, directions: 3, points: 21, normalisation: 'none' },
        undefined,
        gate,
      ),
    ).rejects.toThrow('run cancelled');
    expect(calls).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('runCorrelationJob', () => {
  it('equals correlationByRound with the CLI rng; counts records as progress; gate runs per record', async () => {
    const { seen, sink } = recorder();
    let gates = 0;
    const res = await runCorrelationJob(parts, recs, { layerIndex: 1, pruneFrac: 0.2, maxPoints: 50 }, sink, () => {
      gates++;
    });
    const ref = correlationByRound(recs, {
      layers: parts.net.layers,
      layerIndex: 1,
      pruneFrac: 0.2,
      maxPoints: 50,
      rng: new Rng(0).split('scatter'),
    });
    expect(res.rows.map((r) => [r.method, r.seed, r.roundNum, r.pearson, r.spearman, r.agreeFrac])).toEqual(
      ref.map((r) => [r.method, r.seed, r.roundNum, r.pearson, r.spearman, r.agreeFrac]),
    );
    expect(Array.from(res.rows[4].scatter.snr)).toEqual(Array.from(ref[4].scatter.snr));
    expect(res.layerName).toBe(parts.net.layers[1].name);
    expect(gates).toBe(12);
    expectMonotoneToTotal(seen, 12);
    expect(res.summary.pearson).toHaveLength(6); // 2 methods × 3 rounds, mean over 2 seeds
    expect(res.summary.pearson.every((s) => s.n === 2)).toBe(true);
  });

  it('dispatcher routes by kind and filters methods', async () => {
    const res = await runAnalysisJob('correlation', parts, recs, { methods: ['snr'], layerIndex: 0, pruneFrac: 0.5 });
    expect(new Set(res.rows.map((r) => r.method))).toEqual(new Set(['snr']));
    await expect(runAnalysisJob('correlation', parts, recs, { layerIndex: 9, pruneFrac: 0.5 })).rejects.toThrow(
      /out of range/,
    );
  });
});
