// Cross-run analyses through workers/analysis-job.ts on real tiny ES and GD runs: LMC with a second run
// pairs the ES and GD networks of the same seed and round (the ES-vs-GD pair of docs/ALGORITHMS.md §6) and
// gives the same barriers as the same pair in a plain matrix; through LabEngine.runAnalysis too, without
// leaking tensors. The landscape's plane option evaluates the plane through θ0, round k and round k + 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { LabEngine } from '../../../workers/lab-engine';
import type { ImpProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { runRegistryJob } from '../../../workers/analysis-job';
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
  it('LMC with a second run: the ES and GD networks of one seed and round, same barriers as the pair in a matrix; engine path leak-free', async () => {
    const a = es.find((r) => r.roundNum === 2)!,
      b = gd.find((r) => r.roundNum === 2)!;
    expect(a.method).toBe('magnitude');
    expect(b.method).toBe('gd_magnitude');
    const inst = await instantiate(esConfig, { readBytes: (p) => dataReader.readBytes(p) });
    const parts = { ...inst, prune: { pruneFrac: 0.5, scope: 'global' as const } };
    try {
      const args = { options: { points: 5 }, selection: { rounds: [2] }, other: { label: 'gd', records: gd } };
      const direct = await runRegistryJob('lmc', parts, es, args);
      expect(direct.groups).toHaveLength(1);
      const [g] = direct.groups;
      expect(g.nets.map((n) => n.label)).toEqual(['magnitude r2', 'gd_magnitude r2']);
      const ref = await lmcMatrix({
        ...parts,
        nets: [
          { label: 'a', theta: a.mean },
          { label: 'b', theta: b.mean },
        ],
        points: 5,
      });
      expect(g.matrix.endpointBarrier[0][1]).toBe(ref.endpointBarrier[0][1]);
      expect(g.matrix.excessBarrier[0][1]).toBe(ref.excessBarrier[0][1]);
      expect(g.matrix.excessBarrier[0][1]).toBeGreaterThanOrEqual(0);
      expect(g.nets[0].perf).toBeCloseTo(a.finalPerf, 6); // the path's endpoints are the two runs' networks
      expect(g.nets[1].perf).toBeCloseTo(b.finalPerf, 6);

      const before = tf.memory().numTensors;
      const out = await eng.runAnalysis('lmc', esConfig, es, args);
      expect(out.status === 'done' && out.result.groups[0].matrix.endpointBarrier[0][1]).toBe(
        g.matrix.endpointBarrier[0][1],
      );
      const cached = tf.memory().numTensors; // the engine caches the run's task once
      await eng.runAnalysis('lmc', esConfig, es, args);
      expect(tf.memory().numTensors).toBe(cached);
      expect(cached - before).toBeLessThanOrEqual(10);
    } finally {
      inst.task.dispose();
    }
  }, 120_000);

  it('landscape plane: θ0, round 1 and round 2 of the chain marked on a points × points grid', async () => {
    const inst = await instantiate(esConfig, { readBytes: (p) => dataReader.readBytes(p) });
    const parts = { ...inst, prune: { pruneFrac: 0.5, scope: 'global' as const } };
    try {
      const res = await runRegistryJob('landscape', parts, es, {
        options: { directions: 2, points: 5, surface: 7, plane: 1 },
      });
      expect(res.planes).toHaveLength(1);
      const s = res.planes[0].surface;
      expect(s.marks.map((m) => m.label)).toEqual(['θ0', 'r1', 'r2']);
      expect(s.marks[0]).toMatchObject({ x: 0, y: 0 });
      expect(s.loss.length).toBe(7 * 7);
      expect(Array.from(s.loss).every(Number.isFinite)).toBe(true);
      await expect(
        runRegistryJob('landscape', parts, es, { options: { directions: 2, points: 5, plane: 2 } }),
      ).rejects.toThrow(/rounds 2 and 3 of seed 0 must both be selected/);
    } finally {
      inst.task.dispose();
    }
  }, 120_000);
});
