/**
 * The population forward pass of the lab's vision networks on a tfjs backend, checked against the cpu
 * backend and timed (bench/gpu/gpu-check.ts in Node with Dawn, test/e2e/webgpu-kernels.test.ts in
 * Chromium's software WebGPU). A case is P members × B examples of MNIST-shaped inputs (28×28); the CNN
 * runs in batch chunks (its first conv's output is P·8 channels per pixel: ~3 GB at P = 128, B = 1,024
 * in one piece). Timing syncs on one summed value per forward, so the only readback per forward is a
 * scalar; the check reads the first members × examples of the output and recomputes them on cpu.
 */
import * as tf from '@tensorflow/tfjs-core';
import { getNetwork } from '../../src/core/nets/registry';
import type { PopulationNet } from '../../src/core/nets/types';
import { Rng } from '../../src/core/rng';

export interface ForwardCase {
  readonly id: string;
  readonly network: { readonly id: string; readonly params: Record<string, number | string> };
  readonly members: number;
  readonly batch: number;
  /** Examples per forward call (the batch is evaluated in chunks of this size). */
  readonly chunk: number;
  /** Members × examples recomputed on cpu for the check. */
  readonly refMembers: number;
  readonly refBatch: number;
}

export interface ForwardResult {
  readonly case: string;
  readonly backend: string;
  readonly members: number;
  readonly batch: number;
  /** First forward (kernel compilation, uploads). */
  readonly firstMs: number;
  /** Median of the timed forwards after it. */
  readonly ms: number;
  readonly evalsPerSec: number;
  /** Largest |backend − cpu| over the checked outputs, and that relative to the largest |cpu| output. */
  readonly maxAbsDiff: number;
  readonly maxRelDiff: number;
}

/** The two networks the GPU check covers, at P members × B examples. */
export function gpuCases(members: number, batch: number, cnnChunk: number): ForwardCase[] {
  return [
    {
      id: 'MLP 784-100-10',
      network: { id: 'mlp', params: { hiddenLayers: 1, width: 100 } },
      members,
      batch,
      chunk: batch,
      refMembers: Math.min(4, members),
      refBatch: Math.min(64, batch),
    },
    {
      id: 'CNN (paper)',
      network: { id: 'cnn', params: {} },
      members,
      batch,
      chunk: Math.min(cnnChunk, batch),
      refMembers: Math.min(2, members),
      refBatch: Math.min(16, batch, cnnChunk),
    },
  ];
}

function build(c: ForwardCase): { net: PopulationNet; params: Float32Array; x: Float32Array } {
  const net = getNetwork(c.network.id).build(c.network.params, { inputShape: [28, 28, 1], outputSize: 10 });
  const rng = new Rng(2023);
  const params = new Float32Array(c.members * net.paramCount);
  for (let p = 0; p < c.members; p++) params.set(net.init(rng.split(p)), p * net.paramCount);
  const x = new Float32Array(c.batch * 784);
  rng.split('x').fillNormal(x);
  return { net, params, x };
}

/** One full population forward on the active backend, chunk by chunk; resolves when it has run. */
async function forwardOnce(net: PopulationNet, params: tf.Tensor2D, x: tf.Tensor2D, chunk: number): Promise<void> {
  const total = tf.tidy(() => {
    let s: tf.Scalar = tf.scalar(0);
    for (let b = 0; b < x.shape[0]; b += chunk) {
      const xb = tf.slice(x, [b, 0], [Math.min(chunk, x.shape[0] - b), -1]);
      s = tf.add(s, tf.sum(net.forward(params, xb)));
    }
    return s;
  });
  await total.data();
  total.dispose();
}

/** Outputs [refMembers, refBatch, 10] of the case on the active backend (read asynchronously: GPU backends). */
async function referenceBlock(
  net: PopulationNet,
  params: Float32Array,
  x: Float32Array,
  c: ForwardCase,
): Promise<Float32Array> {
  const out = tf.tidy(() => {
    const p = tf.tensor2d(params.subarray(0, c.refMembers * net.paramCount), [c.refMembers, net.paramCount]);
    const xb = tf.tensor2d(x.subarray(0, c.refBatch * 784), [c.refBatch, 784]);
    return net.forward(p, xb);
  });
  const values = Float32Array.from((await out.data()) as Float32Array);
  out.dispose();
  return values;
}

/**
 * Runs `c` on `backend` (already registered and initialisable): one untimed-for-the-median first
 * forward, `reps` timed ones, and (unless `check` is false) the comparison with the cpu backend.
 */
export async function runForwardCase(
  c: ForwardCase,
  backend: string,
  reps: number,
  check = true,
): Promise<ForwardResult> {
  const { net, params, x } = build(c);
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not initialise`);
  await tf.ready();
  const pT = tf.tensor2d(params, [c.members, net.paramCount]);
  const xT = tf.tensor2d(x, [c.batch, 784]);
  const times: number[] = [];
  let firstMs = 0;
  let got: Float32Array = new Float32Array(0);
  try {
    const t0 = performance.now();
    await forwardOnce(net, pT, xT, c.chunk);
    firstMs = performance.now() - t0;
    for (let r = 0; r < reps; r++) {
      const t = performance.now();
      await forwardOnce(net, pT, xT, c.chunk);
      times.push(performance.now() - t);
    }
    if (check) got = await referenceBlock(net, params, x, c);
  } finally {
    tf.dispose([pT, xT]);
  }
  let maxAbsDiff = NaN,
    maxRelDiff = NaN;
  if (check) {
    await tf.setBackend('cpu');
    const want = await referenceBlock(net, params, x, c);
    let scale = 0;
    maxAbsDiff = 0;
    for (let i = 0; i < want.length; i++) {
      scale = Math.max(scale, Math.abs(want[i]));
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(got[i] - want[i]) || (Number.isNaN(got[i]) ? Infinity : 0));
    }
    maxRelDiff = maxAbsDiff / Math.max(scale, 1e-30);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const ms = sorted.length ? sorted[sorted.length >> 1] : firstMs;
  return {
    case: c.id,
    backend,
    members: c.members,
    batch: c.batch,
    firstMs,
    ms,
    evalsPerSec: (c.members * c.batch) / (ms / 1000),
    maxAbsDiff,
    maxRelDiff,
  };
}
