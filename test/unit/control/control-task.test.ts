// Control TaskDef adapters (docs/ALGORITHMS.md §9.2/§9.3) on the real nets registry, including the
// probe that verifies the typed-array fast path against each net's own tfjs forward.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { getNetwork } from '../../../src/core/nets/registry';
import type { PopulationNet } from '../../../src/core/nets/types';
import { Rng } from '../../../src/core/rng';
import { CONTROL_TASKS } from '../../../src/core/tasks/control';
import { pendulum } from '../../../src/core/tasks/control/envs';
import { tfRowPolicy, verifiedMlpLayout } from '../../../src/core/tasks/control/policy-net';
import { rolloutPopulation } from '../../../src/core/tasks/control/rollout';
import { envDefaults } from './helpers';

const task = (id: string) => {
  const t = CONTROL_TASKS.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};
const noBytes = {
  readBytes: async (): Promise<Uint8Array> => {
    throw new Error('no data needed');
  },
};

function policyNet(obsDim: number, outputSize: number, extra: Record<string, string | number> = {}): PopulationNet {
  return getNetwork('policy_mlp').build({ hiddenLayers: 2, width: 8, ...extra }, { inputShape: [obsDim], outputSize });
}

/** policy_mlp 4→8→8→2 whose unit 0 carries tanh(tanh(θ + 0.5·θ̇)) and logits (−h, h): solves CartPole. */
function cartPoleControllerRow(net: PopulationNet): Float32Array {
  const p = new Float32Array(net.paramCount);
  const [l0, l1, l2] = net.layers;
  p[l0.kernelOffset + 2 * 8 + 0] = 1; // θ → h0
  p[l0.kernelOffset + 3 * 8 + 0] = 0.5; // θ̇ → h0
  p[l1.kernelOffset + 0 * 8 + 0] = 1; // h0 → g0
  p[l2.kernelOffset + 0 * 2 + 0] = -1; // g0 → logit 0
  p[l2.kernelOffset + 0 * 2 + 1] = 1; // g0 → logit 1
  return p;
}

describe('verifiedMlpLayout', () => {
  it('identifies the activations of registry MLPs by probing their tfjs forward', () => {
    expect(verifiedMlpLayout(policyNet(3, 1))).toMatchObject({
      hidden: 'tanh',
      output: 'none',
      inputSize: 3,
      outputSize: 1,
    });
    expect(verifiedMlpLayout(policyNet(2, 1, { outputActivation: 'tanh' }))).toMatchObject({
      hidden: 'tanh',
      output: 'tanh',
    });
    const relu = getNetwork('mlp').build({ hiddenLayers: 1, width: 16 }, { inputShape: [4], outputSize: 2 });
    expect(verifiedMlpLayout(relu)).toMatchObject({ hidden: 'relu', output: 'none' });
  });

  it('rejects a net it cannot reproduce (sigmoid hidden layer), which then uses the exact tfjs fallback', () => {
    const base = policyNet(3, 1);
    const [l0, l1, l2] = base.layers;
    const sigmoidNet: PopulationNet = {
      ...base,
      forward: (params, x) =>
        tf.tidy(() => {
          const layer = (h: tf.Tensor2D, l: typeof l0, m: number) =>
            tf.add(
              tf.matMul(
                h,
                tf.reshape(tf.slice(params, [m, l.kernelOffset], [1, l.kernelSize]), l.kernelShape as [number, number]),
              ),
              tf.slice(params, [m, l.biasOffset], [1, l.biasSize]),
            ) as tf.Tensor2D;
          const members = Array.from({ length: params.shape[0] }, (_, m) =>
            layer(tf.sigmoid(layer(tf.sigmoid(layer(x, l0, m)), l1, m)), l2, m),
          );
          return tf.stack(members) as tf.Tensor3D;
        }),
    };
    expect(verifiedMlpLayout(sigmoidNet)).toBeNull();
    const rows = 3;
    const rng = new Rng(4);
    const params = tf.tensor2d(
      Float32Array.from({ length: 2 * base.paramCount }, () => rng.normal()),
      [2, base.paramCount],
    );
    const obs = Float32Array.from({ length: rows * 3 }, () => rng.normal());
    const out = new Float32Array(rows);
    tfRowPolicy(sigmoidNet, params)(Int32Array.of(0, 1, 1), obs, rows, out);
    const full = sigmoidNet.forward(params, tf.tensor2d(obs, [rows, 3]));
    const ref = full.arraySync();
    expect(Array.from(out)).toEqual([ref[0][0][0], ref[1][1][0], ref[1][2][0]].map(Math.fround));
    tf.dispose([params, full]);
  });
});

describe('control TaskDefs', () => {
  it('registers cartpole, pendulum, acrobot and mcc with episode and env params', () => {
    expect(CONTROL_TASKS.map((t) => t.id)).toEqual(['cartpole', 'pendulum', 'acrobot', 'mcc']);
    for (const t of CONTROL_TASKS) {
      expect(t.kind).toBe('control');
      expect(t.paramSpecs).toHaveProperty('episodes');
      expect(t.paramSpecs).toHaveProperty('testEpisodes');
      expect(t.paramSpecs).toHaveProperty('maxSteps');
    }
    expect(task('mcc').paramSpecs.mcLeftWallInelastic.default).toBe(false);
  });

  it('CartPole: the controller scores 500 in training and test; tensor count stays flat', async () => {
    const inst = await task('cartpole').load({ episodes: 4, testEpisodes: 8 }, noBytes, new Rng(0));
    expect(inst.io).toEqual({ inputShape: [4], outputSize: 2 });
    const net = policyNet(4, 2);
    const good = cartPoleControllerRow(net);
    const params = tf.tensor2d(Float32Array.from([...good, ...new Float32Array(net.paramCount)]), [2, net.paramCount]);
    const before = tf.memory().numTensors;
    const { scores } = inst.evaluatePopulation(net, params, new Rng(1));
    const s = Array.from(scores.dataSync());
    scores.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(s[0]).toBe(500);
    expect(s[1]).toBeLessThan(60); // all-zero net: argmax ties → always push left
    const test = await inst.evaluateTest(net, params);
    expect(test[0]).toEqual({ perf: 500, loss: -500 });
    expect(tf.memory().numTensors).toBe(before);
    params.dispose();
  });

  it('Pendulum: fitness is the mean shared-episode return; the fast path equals the tfjs path', async () => {
    const inst = await task('pendulum').load({ episodes: 3, testEpisodes: 4, maxSteps: 60 }, noBytes, new Rng(0));
    const net = policyNet(3, 1);
    const rng = new Rng(12);
    const rows = [net.init(rng.split(0)), net.init(rng.split(1))];
    const params = tf.tensor2d(Float32Array.from([...rows[0], ...rows[1], ...rows[0]]), [3, net.paramCount]);
    const { scores } = inst.evaluatePopulation(net, params, new Rng(77));
    const fast = Array.from(scores.dataSync());
    scores.dispose();
    expect(fast[0]).toBe(fast[2]);
    expect(fast[0]).not.toBe(fast[1]);
    const slow = rolloutPopulation({
      env: pendulum,
      envParams: envDefaults(pendulum, { maxSteps: 60 }),
      members: 3,
      episodes: 3,
      policy: tfRowPolicy(net, params),
      rng: new Rng(77),
    });
    fast.forEach((f, p) => expect(f).toBeCloseTo(slow.meanReturns[p], 2));
    const t1 = await inst.evaluateTest(net, params);
    const t2 = await inst.evaluateTest(net, params);
    expect(t1).toEqual(t2); // fixed test episodes
    expect(t1[0].loss).toBe(-t1[0].perf);
    expect(t1[0].perf).toBeGreaterThan(-16.28 * 60);
    params.dispose();
  });

  it('rejects out-of-range params', async () => {
    await expect(task('acrobot').load({ episodes: 0 }, noBytes, new Rng(0))).rejects.toThrow(/episodes/);
  });
});
