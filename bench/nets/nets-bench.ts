/**
 * Population forward-pass throughput (bench for src/core/nets): network evaluations per second and
 * GFLOP/s for the MLP and CNN configurations of the paper and the reduced presets (docs/ALGORITHMS.md §9.1, §12),
 * per Node tfjs backend and per forward plan, next to the backend's raw 2-D matMul GFLOP/s (the ceiling).
 * The plan marked `default` is what `planFor(backend)` picks; the numbers justify FORWARD_PLANS.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { Rng } from '../../src/core/rng';
import { buildMlp } from '../../src/core/nets/mlp';
import { buildCnn } from '../../src/core/nets/cnn';
import { planFor, type CnnPlan, type MlpPlan } from '../../src/core/nets/plans';
import type { PopulationNet } from '../../src/core/nets/types';

export interface Row {
  backend: string;
  net: string;
  P: number;
  B: number;
  plan: string;
  isDefault: boolean;
  msPerForward: number;
  evalsPerS: number;
  gflopPerS: number;
  matmulGflopPerS: number;
}

interface Case {
  label: string;
  p: number;
  b: number;
  build: (plan?: MlpPlan | CnnPlan) => PopulationNet;
  flops: number;
  plans: (MlpPlan | CnnPlan)[];
}

const MLP_PLANS: MlpPlan[] = [
  { first: 'auto', hidden: 'auto' },
  { first: 'perMember', hidden: 'perMember' },
  { first: 'shared', hidden: 'perMember' },
  { first: 'shared', hidden: 'broadcast' },
  { first: 'batched', hidden: 'batched' },
];
const CNN_PLANS: CnnPlan[] = [
  { conv1: 'conv', dense: 'auto' },
  { conv1: 'conv', dense: 'perMember' },
  { conv1: 'im2col', dense: 'perMember' },
  { conv1: 'conv', dense: 'batched' },
];

const planName = (p: MlpPlan | CnnPlan): string => ('first' in p ? `${p.first}/${p.hidden}` : `${p.conv1}/${p.dense}`);

function mlpCase(sizes: [number, number, number], p: number, b: number): Case {
  const [nIn, w, nOut] = sizes;
  return {
    label: `MLP ${sizes.join('-')}`,
    p,
    b,
    plans: MLP_PLANS,
    flops: 2 * p * b * (nIn * w + w * nOut),
    build: (plan) =>
      buildMlp({
        id: 'mlp',
        inputSize: nIn,
        outputSize: nOut,
        hiddenLayers: 1,
        width: w,
        activation: 'relu',
        outputActivation: 'none',
        plan: plan as MlpPlan,
      }),
  };
}

function cnnCase(p: number, b: number): Case {
  // conv1 28·28·25·1·8, conv2 14·14·25·8·16, dense 784·10 MACs per example and member.
  const macs = 28 * 28 * 25 * 8 + 14 * 14 * 25 * 8 * 16 + 784 * 10;
  return {
    label: 'CNN (paper, 28×28)',
    p,
    b,
    plans: CNN_PLANS,
    flops: 2 * p * b * macs,
    build: (plan) =>
      buildCnn({
        id: 'cnn',
        inputShape: [28, 28, 1],
        outputSize: 10,
        channels: [8, 16],
        kernelSize: 5,
        hiddenDense: 0,
        hiddenWidth: 0,
        plan: plan as CnnPlan,
      }),
  };
}

/** Median-free simple timing: one warm-up, then repeat until `minMs` has passed (at least once). */
async function timeMs(fn: () => tf.Tensor, minMs: number): Promise<number> {
  const warm = fn();
  await warm.data();
  warm.dispose();
  let reps = 0;
  const t0 = performance.now();
  do {
    const y = fn();
    await y.data();
    y.dispose();
    reps++;
  } while (performance.now() - t0 < minMs);
  return (performance.now() - t0) / reps;
}

async function matmulGflops(minMs: number): Promise<number> {
  const a = tf.randomNormal([1024, 784]) as tf.Tensor2D,
    w = tf.randomNormal([784, 1024]) as tf.Tensor2D;
  const ms = await timeMs(() => tf.matMul(a, w), minMs);
  tf.dispose([a, w]);
  return (2 * 1024 * 784 * 1024) / (ms * 1e6);
}

/** Runs every case × plan on each backend. `cpu` is ~30× slower, so it gets one timed repetition. */
export async function runNetsBench(backends: readonly string[] = ['wasm', 'cpu']): Promise<Row[]> {
  const cases = [mlpCase([784, 100, 10], 128, 1024), mlpCase([196, 32, 10], 64, 256), cnnCase(32, 128)];
  const rows: Row[] = [];
  for (const backend of backends) {
    await tf.setBackend(backend);
    await tf.ready();
    const minMs = backend === 'cpu' ? 1 : 1500;
    const mm = await matmulGflops(minMs);
    const chosen = planFor(backend);
    for (const c of cases) {
      const rng = new Rng(0);
      const plans = backend === 'cpu' ? [c.plans[0]] : c.plans; // cpu: only the default plan (minutes otherwise)
      for (const plan of plans) {
        const net = c.build(plan);
        const theta = net.init(rng);
        const params = tf.tile(tf.tensor2d(theta, [1, net.paramCount]), [c.p, 1]) as tf.Tensor2D;
        const x = tf.randomNormal([c.b, net.inputSize]) as tf.Tensor2D;
        const ms = await timeMs(() => net.forward(params, x), minMs);
        tf.dispose([params, x]);
        const name = planName(plan);
        rows.push({
          backend,
          net: c.label,
          P: c.p,
          B: c.b,
          plan: name,
          isDefault: name === planName('first' in plan ? chosen.mlp : chosen.cnn),
          msPerForward: ms,
          evalsPerS: (c.p * c.b) / (ms / 1000),
          gflopPerS: c.flops / (ms * 1e6),
          matmulGflopPerS: mm,
        });
      }
    }
  }
  return rows;
}
