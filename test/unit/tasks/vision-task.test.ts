import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { readFile } from 'node:fs/promises';
import { Rng } from '../../../src/core/rng';
import { buildMlp } from '../../../src/core/nets/mlp';
import { getNetwork } from '../../../src/core/nets/registry';
import { defaultsOf } from '../../../src/core/params';
import { createVisionInstance, visionParamSpecs, type VisionParams } from '../../../src/core/tasks/vision/vision-task';
import { parseIdxLabels } from '../../../src/core/tasks/vision/idx';
import { createSampler } from '../../../src/core/tasks/vision/minibatch';
import { TASKS, getTask } from '../../../src/core/tasks/registry';
import type { VisionData } from '../../../src/core/tasks/vision/datasets';
import { refForward } from '../nets/reference';

const readBytes = async (p: string): Promise<Uint8Array> => new Uint8Array(await readFile(`public/data/${p}`));

/** n random 2×2 "images" with labels 0…9 cycling. */
function toyData(nTrain: number, nTest: number, rng: Rng): VisionData {
  const split = (n: number) => ({
    count: n,
    side: 2,
    x: Float32Array.from({ length: 4 * n }, () => rng.normal()),
    labels: Uint8Array.from({ length: n }, (_, i) => i % 10),
  });
  return { train: split(nTrain), test: split(nTest) };
}

/** Hand reference: per member, mean over examples of −log softmax(logits)[label], and accuracy. */
function handMetrics(
  pop: Float32Array,
  p: number,
  net: ReturnType<typeof buildMlp>,
  x: Float32Array,
  labels: Uint8Array,
) {
  const n = labels.length;
  return Array.from({ length: p }, (_, m) => {
    const z = refForward(x, n, pop.subarray(m * net.paramCount, (m + 1) * net.paramCount), net.layers, [
      'tanh',
      'none',
    ]);
    let ce = 0,
      hits = 0;
    for (let b = 0; b < n; b++) {
      const row = Array.from(z.subarray(10 * b, 10 * b + 10));
      const mx = Math.max(...row);
      const lse = mx + Math.log(row.reduce((s, v) => s + Math.exp(v - mx), 0));
      ce += lse - row[labels[b]];
      if (row.indexOf(mx) === labels[b]) hits++;
    }
    return { ce: ce / n, acc: hits / n };
  });
}

const params = (over: Partial<VisionParams>): VisionParams => ({ ...defaultsOf(visionParamSpecs), ...over });

describe('vision task on toy data', () => {
  const rng = new Rng(4);
  const data = toyData(12, 37, rng);
  const net = buildMlp({
    id: 'mlp',
    inputSize: 4,
    outputSize: 10,
    hiddenLayers: 1,
    width: 5,
    activation: 'tanh',
    outputActivation: 'none',
  });
  const p = 3;
  const pop = Float32Array.from({ length: p * net.paramCount }, () => rng.normal());

  it('evaluatePopulation = −mean CE per member (hand-computed), tensor count flat', () => {
    const task = createVisionInstance('toy', data, params({ batchSize: 12 }), []);
    const popT = tf.tensor2d(pop, [p, net.paramCount]);
    const before = tf.memory().numTensors;
    const { scores } = task.evaluatePopulation(net, popT, new Rng(1)); // batch = whole train set (order-free)
    expect(scores.shape).toEqual([p]);
    const got = Array.from(scores.dataSync());
    scores.dispose();
    expect(tf.memory().numTensors).toBe(before);
    handMetrics(pop, p, net, data.train.x, data.train.labels).forEach((h, m) => expect(got[m]).toBeCloseTo(-h.ce, 4));
    popT.dispose();
    task.dispose();
  });

  it('evaluateTest = per-row accuracy and mean CE over the (chunked) test set, testSubset respected', async () => {
    const task = createVisionInstance('toy', data, params({ batchSize: 4, testSubset: 30 }), []);
    const before = tf.memory().numTensors;
    const popT = tf.tensor2d(pop, [p, net.paramCount]);
    const res = await task.evaluateTest(net, popT);
    popT.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const hand = handMetrics(pop, p, net, data.test.x.subarray(0, 30 * 4), data.test.labels.subarray(0, 30));
    res.forEach((r, m) => {
      expect(r.perf).toBeCloseTo(hand[m].acc, 6);
      expect(r.loss).toBeCloseTo(hand[m].ce, 4);
    });
    task.dispose();
    // On wasm/cpu the test set stays on the host (no kept tensors); the training set reaches the backend
    // only if the tensor path runs.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('beginTraining restarts epoch sampling: a training sees the same batches whatever trained before', () => {
    const bigger = toyData(40, 5, new Rng(9));
    const scoresOf = (task: ReturnType<typeof createVisionInstance>, gens: number) => {
      const popT = tf.tensor2d(pop, [p, net.paramCount]);
      const out: number[][] = [];
      const dataRng = new Rng(11);
      for (let g = 1; g <= gens; g++) {
        const { scores } = task.evaluatePopulation(net, popT, dataRng.split(g));
        out.push(Array.from(scores.dataSync()));
        scores.dispose();
      }
      popT.dispose();
      return out;
    };
    const fresh = createVisionInstance('toy', bigger, params({ batchSize: 6 }), []);
    fresh.beginTraining!();
    const expected = scoresOf(fresh, 9); // 9 batches of 6 over 40 examples: crosses an epoch boundary
    const used = createVisionInstance('toy', bigger, params({ batchSize: 6 }), []);
    scoresOf(used, 4); // an earlier training leaves the epoch half walked
    used.beginTraining!();
    expect(scoresOf(used, 9)).toEqual(expected);
    fresh.dispose();
    used.dispose();
  });

  it('rejects a network whose input size does not match the images', () => {
    const task = createVisionInstance('toy', data, params({ batchSize: 4 }), []);
    const wrong = getNetwork('mlp').build({}, { inputShape: [3, 3, 1], outputSize: 10 });
    const popT = tf.zeros([1, wrong.paramCount]) as tf.Tensor2D;
    expect(() => task.evaluatePopulation(wrong, popT, new Rng(0))).toThrow(/expects 9 inputs/);
    popT.dispose();
    task.dispose();
  });
});

describe('minibatch sampler', () => {
  it("'epoch' batches are disjoint within an epoch, cover it, and reshuffle after", () => {
    const s = createSampler(10, 'epoch');
    const rng = new Rng(2);
    const a = s.next(rng, 4),
      b = s.next(rng, 4),
      c = s.next(rng, 4);
    expect(new Set([...a, ...b]).size).toBe(8);
    expect(new Set(c).size).toBe(4); // new epoch: 2 leftover examples were dropped
    const again = createSampler(10, 'epoch');
    const rng2 = new Rng(2);
    expect(again.next(rng2, 4)).toEqual(a);
  });
  it("'independent' batches have distinct indices in range", () => {
    const s = createSampler(50, 'independent');
    const rng = new Rng(3);
    const a = s.next(rng, 50);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('task registry', () => {
  it('has the three vision tasks with unique ids', () => {
    expect(TASKS.filter((t) => t.kind === 'vision').map((t) => t.id)).toEqual(['mnist', 'fmnist', 'kmnist']);
    expect(new Set(TASKS.map((t) => t.id)).size).toBe(TASKS.length);
    expect(() => getTask('nope')).toThrow(/unknown task/);
  });
  it('loads KMNIST (14×14) and scores an all-zero MLP population at exactly −ln 10', async () => {
    const task = await getTask('kmnist').load(
      { pool: '14x14', batchSize: 256, testSubset: 500 },
      { readBytes },
      new Rng(0),
    );
    expect(task.io.inputShape).toEqual([14, 14, 1]);
    expect(task.notes.join(' ')).toMatch(/6,284/);
    const net = getNetwork('mlp').build({}, task.io);
    const pop = tf.zeros([4, net.paramCount]) as tf.Tensor2D;
    const { scores } = task.evaluatePopulation(net, pop, new Rng(1));
    // All-zero weights → uniform softmax → CE = ln 10 exactly.
    Array.from(scores.dataSync()).forEach((s) => expect(s).toBeCloseTo(-Math.log(10), 4));
    const [res] = await task.evaluateTest(net, tf.slice(pop, [0, 0], [1, -1]));
    expect(res.loss).toBeCloseTo(Math.log(10), 4);
    // Tied logits → argmax picks class 0, so accuracy = share of label 0 among the first 500 test labels.
    const { labels } = parseIdxLabels(await readBytes('kmnist/t10k-labels-idx1-ubyte.gz'));
    expect(res.perf).toBeCloseTo(labels.subarray(0, 500).filter((l) => l === 0).length / 500, 6);
    tf.dispose([scores, pop]);
    task.dispose();
  });
});
