// Cross-run analyses of workers/analysis-job.ts (ES vs GD, and the plane
// through three networks): LMC in the 'records' pairs mode takes exactly the two records sent — an ES
// round and a GD round of the same seed and round from two stored runs — and gives the same barrier as
// the same pair in a one-run matrix; through LabEngine.runAnalysis too, without leaking tensors. The
// landscape's plane option evaluates the plane through θ0, round k and round k + 1 with the three marked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { LabEngine } from '../../../workers/lab-engine';
import type { ImpProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { runLandscapeJob, runLmcJob } from '../../../workers/analysis-job';
import { instantiate } from '../../../src/core/experiments/setup';
import { parseConfig } from '../../../src/core/runs/config';
import { lmcMatrix } from '../../../src/core/analysis/run';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { dataReader } from '../../../src/cli/node-io';

// Tiny vision runs on KMNIST's partial training split: ES (PGPE, 3 generations/round) and GD (one epoch).
const base = {
  task: { id: 'kmnist', params: { pool: '14x14', testSubset: 200, batchSize: 64 } },
  network: { id: 'mlp', params: { hiddenLayers: 1, width: 8 } },
  es: { id: 'pgpe', popSize: 8 },
  prune: { methods: ['magnitude'], rounds: 2, pruneFrac: 0.5 },
  budget: { generationsPerRound: 3, evalEvery: 3 },
  seeds: [0],
};
const esConfig = parseConfig(base);
const gdConfig = parseConfig({ ...base, trainer: { id: 'gd', params: { batchSize: 1024, lr: 1e-2 } } });

let eng: LabEngine;
const es: RoundRecord[] = [],
  gd: RoundRecord[] = [];
const collect = (into: RoundRecord[]) => (m: ImpProgress) => {
  if (m.kind === 'round') into.push(m.record);
};

beforeAll(async () => {
  eng = new LabEngine({ initBackend: (pref) => selectBackend(pref), readBytes: (p) => dataReader.readBytes(p) });
  await eng.init('wasm');
  await eng.runImp(esConfig, collect(es));
  await eng.runImp(gdConfig, collect(gd)); // routed to the GD job by its trainer block
}, 120_000);
afterAll(async () => {
  await tf.setBackend('wasm');
});

describe('cross-run analyses', () => {
  it('LMC "records": exactly the two networks sent, same barrier as the pair in a matrix; engine path leak-free', async () => {
    const a = es.find((r) => r.roundNum === 2)!,
      b = gd.find((r) => r.roundNum === 2)!;
    expect(a.method).toBe('magnitude');
    expect(b.method).toBe('gd_magnitude');
    const parts = await instantiate(esConfig, { readBytes: (p) => dataReader.readBytes(p) });
    try {
      const args = {
        pairs: 'records' as const,
        labels: ['ES r2', 'GD r2'],
        method: 'magnitude',
        seed: 0,
        roundNum: 2,
        points: 5,
      };
      const direct = await runLmcJob(parts, [a, b], args);
      expect(direct.nets.map((n) => n.label)).toEqual(['ES r2', 'GD r2']);
      const ref = await lmcMatrix({
        ...parts,
        nets: [
          { label: 'a', theta: a.mean },
          { label: 'b', theta: b.mean },
        ],
        points: 5,
      });
      expect(direct.matrix.barrier[0][1]).toBe(ref.barrier[0][1]);
      expect(direct.matrix.barrier[0][1]).toBeGreaterThanOrEqual(0);
      expect(direct.perf[0]).toBeCloseTo(a.finalPerf, 6); // the path's endpoints are the two runs' networks
      expect(direct.perf[1]).toBeCloseTo(b.finalPerf, 6);

      const before = tf.memory().numTensors;
      const out = await eng.runAnalysis('lmc', esConfig, [a, b], args);
      expect(out.status === 'done' && out.result.matrix.barrier[0][1]).toBe(direct.matrix.barrier[0][1]);
      const cached = tf.memory().numTensors; // the engine caches the run's task once
      await eng.runAnalysis('lmc', esConfig, [a, b], args);
      expect(tf.memory().numTensors).toBe(cached);
      expect(cached - before).toBeLessThanOrEqual(10);
    } finally {
      parts.task.dispose();
    }
  }, 120_000);

  it('landscape plane: θ0, round 1 and round 2 of the chain marked on a points × points grid', async () => {
    const parts = await instantiate(esConfig, { readBytes: (p) => dataReader.readBytes(p) });
    try {
      const res = await runLandscapeJob(parts, es, {
        method: 'magnitude',
        seed: 0,
        directions: 2,
        points: 5,
        normalisation: 'filter',
        surfacePoints: 7,
        surfaceRoundNum: 1,
        plane: true,
      });
      expect(res.surface?.plane).toBe(true);
      const s = res.surface!.surface;
      expect(s.marks.map((m) => m.label)).toEqual(['θ0', 'r1', 'r2']);
      expect(s.marks[0]).toMatchObject({ x: 0, y: 0 });
      expect(s.loss.length).toBe(7 * 7);
      expect(Array.from(s.loss).every(Number.isFinite)).toBe(true);
      await expect(
        runLandscapeJob(parts, es, {
          method: 'magnitude',
          seed: 0,
          directions: 2,
          points: 5,
          normalisation: 'filter',
          surfacePoints: 7,
          surfaceRoundNum: 2,
          plane: true,
        }),
      ).rejects.toThrow(/round 3 of magnitude seed 0 is not finished/);
    } finally {
      parts.task.dispose();
    }
  }, 120_000);
});
