// Pins the training trajectory of every strategy: a short ES-IMP run (3 rounds, input compaction in the
// later rounds, the antithetic host forward for PGPE/OpenES/ARS) hashed over every round's trained mean and
// σ, every generation's best and mean fitness and every test evaluation. The hashes were recorded with the
// code before population-parallel evaluation and the faster test evaluation existed, so a speed change that
// moves any float by one ulp fails here. The same runs split over 2 and 3 evaluation replicas
// (parallel-eval.test.ts) must give these hashes too.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { STRATEGIES } from '../../../src/core/es/registry';
import { Rng } from '../../../src/core/rng';
import { getNetwork } from '../../../src/core/nets/registry';
import { pinnedRun, PIN_TASK, bits, TRAJECTORY_PINS } from '../../helpers/pinned-run';
import { syntheticTask } from '../../helpers/synthetic-task';

/** Test evaluations (accuracy, loss bits) of 1 and 3 rows on 2,500 test images (three 1,000-image chunks for one row). */
const EVAL_PINS: Record<number, string> = {
  1: '3e1c779a:4017b1da',
  3: '3e1c779a:4017b1d8,3e0e2196:4020ee5e,3e0ef34d:401aa203',
};

const evalTask = syntheticTask({ side: 8, train: 200, test: 2500, batchSize: 50, seed: 9 });
afterAll(() => {
  PIN_TASK.dispose();
  evalTask.dispose();
});

describe.runIf(tf.getBackend() === 'wasm')('ES-IMP trajectories are pinned (wasm)', () => {
  it.each(STRATEGIES.map((s) => [s.id]))('%s', async (id) => {
    const before = tf.memory().numTensors;
    const got = await pinnedRun(id);
    expect(tf.memory().numTensors).toBe(before);
    expect(got.hash, got.summary).toBe(TRAJECTORY_PINS[id]);
  });
});

describe.runIf(tf.getBackend() === 'wasm')('test evaluation is pinned (wasm)', () => {
  it.each([[1], [3]])('%i row(s)', async (n) => {
    const net = getNetwork('mlp').build({ hiddenLayers: 1, width: 16 }, evalTask.io);
    const rng = new Rng(5);
    const rows = tf.tensor2d(
      Array.from({ length: n }, (_, i) => Array.from(net.init(rng.split(i)))),
      [n, net.paramCount],
    );
    const before = tf.memory().numTensors;
    const res = await evalTask.evaluateTest(net, rows);
    expect(tf.memory().numTensors).toBe(before);
    rows.dispose();
    const got = res.map((r) => `${bits(r.perf)}:${bits(r.loss)}`).join(',');
    expect(got).toBe(EVAL_PINS[n]);
  });
});
