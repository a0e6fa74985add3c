/**
 * MuJoCo memory (core/tasks/locomotion/memory.ts, docs/RELIABILITY.md): a population × episodes that would
 * not fit in the 2 GiB WebAssembly heap is refused before the run starts — by the CLI (nothing written),
 * the lab worker and the settings form — naming the settings to lower; test evaluations run in batches
 * that fit and give the same numbers as row-by-row evaluation.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import {
  hopper,
  LOCOMOTION_MODELS,
  LocomotionSim,
  loadMujoco,
  locomotionTaskDef,
} from '../../../src/core/tasks/locomotion';
import { simulationCapacity, WASM_HEAP_BYTES } from '../../../src/core/tasks/locomotion/memory';
import { configMemoryProblem } from '../../../src/core/experiments/setup';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { selectValidation } from '../../../src/state/experiment-store';
import { runCli, snapshotDir } from '../../helpers/cli';
import { modelParams } from './helpers';

const noBytes = { readBytes: async (): Promise<Uint8Array> => new Uint8Array() };

describe('MuJoCo memory', () => {
  it("each model's simulationBytes covers what one MjData of the compiled model reserves", async () => {
    const mj = await loadMujoco();
    for (const model of LOCOMOTION_MODELS) {
      const sim = new LocomotionSim(mj, model, modelParams(model));
      const m = sim.model as unknown as { narena: number; nbuffer: number };
      expect(model.simulationBytes, model.id).toBeGreaterThanOrEqual(m.narena + m.nbuffer);
      expect(model.simulationBytes, model.id).toBeLessThan(1.2 * (m.narena + m.nbuffer));
      sim.dispose();
    }
    // Measured on the 2 GiB heap: 155 hopper copies fit, the 156th failed to allocate.
    expect(simulationCapacity(hopper)).toBeLessThanOrEqual(155);
    expect(WASM_HEAP_BYTES).toBe(2 ** 31);
  });

  it('`imp --task hopper --rounds 1` is refused with the settings to lower, and writes nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'lab-mem-'));
    const out = join(root, 'run');
    const r = await runCli(['imp', '--task', 'hopper', '--rounds', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('64 × 8 = 512 MuJoCo simulations');
    expect(r.stderr).toContain('--popsize, --task.episodes');
    expect(await snapshotDir(out)).toEqual({});
    await rm(root, { recursive: true, force: true });
  });

  it('the presets that run fit; the settings form shows the problem next to the population size', () => {
    expect(configMemoryProblem(parseConfig(getPreset('hopper-reduced').config))).toBeNull();
    const tooBig = parseConfig({
      ...getPreset('hopper-reduced').config,
      es: { ...getPreset('hopper-reduced').config.es, popSize: 100 },
      task: { id: 'hopper', params: { episodes: 8 } },
    });
    const v = selectValidation({ draft: tooBig });
    expect(v.config).toBeNull();
    expect(v.issues[0].path).toBe('es.popSize');
    expect(v.issues[0].message).toMatch(/100 × 8 = 800 MuJoCo simulations/);
    const tests = parseConfig({
      ...getPreset('hopper-reduced').config,
      task: { id: 'hopper', params: { episodes: 1, testEpisodes: 256 } },
    });
    expect(configMemoryProblem(tests)?.path).toBe('task.params.testEpisodes');
  });

  it('test evaluation in batches that fit gives the same returns as row by row', async () => {
    // A model whose copies are so big that only 2 fit: five rows then run as batches of 2, 2 and 1.
    const big = { ...hopper, simulationBytes: 700 * 2 ** 20 };
    expect(simulationCapacity(big)).toBe(2);
    const def = locomotionTaskDef({ id: 'hopper', model: big, help: '' });
    const task = await def.load(
      { maxSteps: 15, episodes: 1, testEpisodes: 1, integrator: 'Euler' },
      noBytes,
      new Rng(0),
    );
    const net = getNetwork('policy_mlp').build({ hiddenLayers: 1, width: 8 }, task.io);
    const params = tf.tensor2d(
      Float32Array.from({ length: 5 * net.paramCount }, (_, i) => Math.sin(i) * 0.3),
      [5, net.paramCount],
    );
    const batched = await task.evaluateTest(net, params);
    const single: number[] = [];
    for (let r = 0; r < 5; r++) {
      const row = tf.slice(params, [r, 0], [1, net.paramCount]);
      single.push((await task.evaluateTest(net, row))[0].perf);
      row.dispose();
    }
    expect(batched.map((b) => b.perf)).toEqual(single);
    expect(new Set(single).size).toBeGreaterThan(1);
    params.dispose();
    task.dispose();
  });
});
