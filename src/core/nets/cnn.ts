/**
 * The paper's CNN as a population network (docs/ALGORITHMS.md §9.1): Conv(8, 5×5, SAME) → ReLU →
 * MaxPool 2×2/2 → Conv(16, 5×5, SAME) → ReLU → MaxPool 2×2/2 → flatten (HWC) → [Dense+ReLU]×hidden →
 * Dense(10) → logits. 11 274 parameters on 28×28 inputs, 11 240 prunable (kernels).
 * Init: lecun_normal kernels; biases U[0, 0.05) in every layer but the output, whose bias is 0 (flax's
 * default): es-lottery's MNIST_CNN gives its conv AND hidden Dense layers bias_init=uniform(0.05) and only
 * its output Dense the default (docs/ALGORITHMS.md §9.1).
 *
 * Speed: the first conv sees the same batch for every member, so all members' filters are applied in
 * one op (conv2d with P·8 output channels, or im2col patches [B·H·W, 25·cin] × [25·cin, P·8]); max-pooling
 * is channel-wise, so it runs once on all P·8 channels. The second conv has member-specific inputs and
 * runs per member (tfjs has no grouped convolution).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import type { LayerSpec, PopulationNet } from './types';
import { buildLayout, sliceBias, sliceKernel, type LayerDecl } from './layout';
import { initParams } from './init';
import { denseStack } from './mlp';
import type { Activation } from './dense-ops';
import { planFor, type CnnPlan } from './plans';
import { unstackRows } from './tensor-util';

export interface CnnOptions {
  readonly id: string;
  /** [h, w, c] of one input image, e.g. [28, 28, 1]. */
  readonly inputShape: readonly [number, number, number];
  readonly outputSize: number;
  /** Output channels per conv layer (paper: [8, 16]). */
  readonly channels: readonly number[];
  readonly kernelSize: number;
  /** Optional Dense+ReLU layers before the output (paper: 0). */
  readonly hiddenDense: number;
  readonly hiddenWidth: number;
  readonly plan?: CnnPlan;
}

/** Spatial side after a 2×2/2 VALID max-pool (flax nn.max_pool's default padding). */
const pooled = (n: number): number => Math.floor(n / 2);

export function cnnLayerDecls(o: CnnOptions): LayerDecl[] {
  const [h, w, c] = o.inputShape;
  const k = o.kernelSize;
  const decls: LayerDecl[] = [];
  let cin = c,
    side = [h, w];
  o.channels.forEach((cout, i) => {
    decls.push({ name: `Conv_${i}`, kind: 'conv', kernelShape: [k, k, cin, cout] });
    cin = cout;
    side = side.map(pooled);
  });
  const sizes = [side[0] * side[1] * cin, ...Array<number>(o.hiddenDense).fill(o.hiddenWidth), o.outputSize];
  sizes.slice(1).forEach((n, i) => decls.push({ name: `Dense_${i}`, kind: 'dense', kernelShape: [sizes[i], n] }));
  return decls;
}

/** SAME-padded k×k patches of x [B, H, W, C] as [B·H·W, k·k·C], ordered (dy, dx, c) like an HWIO kernel. */
export function im2col(x: tf.Tensor4D, k: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [b, h, w, c] = x.shape;
    const lo = Math.floor((k - 1) / 2);
    const padded = tf.pad(x, [
      [0, 0],
      [lo, k - 1 - lo],
      [lo, k - 1 - lo],
      [0, 0],
    ]);
    const cols: tf.Tensor4D[] = [];
    for (let dy = 0; dy < k; dy++)
      for (let dx = 0; dx < k; dx++) cols.push(tf.slice(padded, [0, dy, dx, 0], [b, h, w, c]));
    return tf.reshape(tf.concat(cols, 3), [b * h * w, k * k * c]);
  });
}

/** First conv for all members at once → ReLU → max-pool; returns [B, H/2, W/2, P·cout] (member-major channels). */
function sharedFirstConv(x: tf.Tensor4D, params: tf.Tensor2D, l: LayerSpec, mode: CnnPlan['conv1']): tf.Tensor4D {
  const [kh, kw, cin, cout] = l.kernelShape;
  const p = params.shape[0];
  const [b, h, w] = x.shape;
  // [P, kh, kw, cin, cout] → [kh, kw, cin, P, cout]: member p's filters become channels p·cout … p·cout+cout−1.
  const filters = tf.transpose(tf.reshape(sliceKernel(params, l), [p, kh, kw, cin, cout]), [1, 2, 3, 0, 4]);
  const y: tf.Tensor4D =
    mode === 'conv'
      ? tf.conv2d(x, tf.reshape(filters, [kh, kw, cin, p * cout]) as tf.Tensor4D, 1, 'same')
      : tf.reshape(tf.matMul(im2col(x, kh), tf.reshape(filters, [kh * kw * cin, p * cout]) as tf.Tensor2D), [
          b,
          h,
          w,
          p * cout,
        ]);
  return tf.maxPool(
    tf.relu(tf.add(y, tf.reshape(sliceBias(params, l), [p * cout]))) as tf.Tensor4D,
    2,
    2,
    'valid',
  ) as tf.Tensor4D;
}

/** Member p's conv → ReLU → max-pool on its own input. */
function memberConv(h: tf.Tensor4D, kernel: tf.Tensor, bias: tf.Tensor, l: LayerSpec): tf.Tensor4D {
  const y = tf.conv2d(
    h,
    tf.reshape(kernel, l.kernelShape as [number, number, number, number]) as tf.Tensor4D,
    1,
    'same',
  );
  return tf.maxPool(tf.relu(tf.add(y, bias)) as tf.Tensor4D, 2, 2, 'valid') as tf.Tensor4D;
}

export function buildCnn(o: CnnOptions): PopulationNet {
  const layout = buildLayout(cnnLayerDecls(o));
  const convs = layout.layers.filter((l) => l.kind === 'conv');
  const denses = layout.layers.filter((l) => l.kind === 'dense');
  const acts: Activation[] = denses.map((_, i) => (i < denses.length - 1 ? 'relu' : 'none'));
  const [ih, iw, ic] = o.inputShape;

  function forward(params: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor3D {
    return tf.tidy(() => {
      const plan = o.plan ?? planFor().cnn;
      const p = params.shape[0],
        b = x.shape[0];
      const first = sharedFirstConv(tf.reshape(x, [b, ih, iw, ic]), params, convs[0], plan.conv1);
      const [, h1, w1] = first.shape;
      const c1 = convs[0].kernelShape[3];
      let hs = unstackRows(tf.transpose(tf.reshape(first, [b, h1, w1, p, c1]), [3, 0, 1, 2, 4])) as tf.Tensor4D[];
      for (const l of convs.slice(1)) {
        const kernels = unstackRows(sliceKernel(params, l));
        const biases = unstackRows(sliceBias(params, l));
        hs = hs.map((hp, i) => memberConv(hp, kernels[i], biases[i], l));
      }
      const flat = hs.map((hp) => tf.reshape(hp, [b, -1]) as tf.Tensor2D);
      return denseStack(flat, params, denses, acts, { first: 'perMember', hidden: plan.dense });
    });
  }

  return {
    id: o.id,
    describe: `CNN ${ih}×${iw}×${ic} → conv ${o.channels.join('-')} (${o.kernelSize}×${o.kernelSize}) → ${o.hiddenDense ? `dense ${o.hiddenWidth}×${o.hiddenDense} → ` : ''}${o.outputSize}`,
    inputSize: ih * iw * ic,
    outputSize: o.outputSize,
    layers: layout.layers,
    paramCount: layout.paramCount,
    prunableCount: layout.prunableCount,
    init: (rng: Rng) =>
      initParams(layout.layers, layout.paramCount, rng, (_l, i) => (i < layout.layers.length - 1 ? 'uniform' : 'zero')),
    forward,
  };
}
