/**
 * Flat parameter layout of a population network (docs/ALGORITHMS.md §9, §3.5). Layers are stored one
 * after another, each as its kernel (row-major: dense [in, out], conv HWIO [kh, kw, cin, cout]) followed
 * by its bias. A population is a [P, D] tensor, one member per row; the helpers here slice one layer's
 * kernel or bias for every member at once.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerSpec } from './types';
import { takeColumns } from './tensor-util';

/** What a network declares per layer; offsets are filled in by `buildLayout`. */
export interface LayerDecl {
  readonly name: string;
  readonly kind: 'dense' | 'conv';
  readonly kernelShape: readonly number[];
}

export interface ParamLayout {
  readonly layers: readonly LayerSpec[];
  /** D: every parameter. */
  readonly paramCount: number;
  /** Kernel entries only (biases are never prunable, docs/ALGORITHMS.md §3.5). */
  readonly prunableCount: number;
}

/** fan_in as flax computes it: all kernel axes but the last (in for dense, kh·kw·cin for conv). */
export function fanInOf(kernelShape: readonly number[]): number {
  return kernelShape.slice(0, -1).reduce((a, b) => a * b, 1);
}

/** Assigns offsets layer by layer (kernel, then bias). */
export function buildLayout(decls: readonly LayerDecl[]): ParamLayout {
  let offset = 0,
    prunable = 0;
  const layers: LayerSpec[] = decls.map((d) => {
    const kernelSize = d.kernelShape.reduce((a, b) => a * b, 1);
    const biasSize = d.kernelShape[d.kernelShape.length - 1];
    const spec: LayerSpec = {
      name: d.name,
      kind: d.kind,
      kernelShape: [...d.kernelShape],
      kernelOffset: offset,
      kernelSize,
      biasOffset: offset + kernelSize,
      biasSize,
      fanIn: fanInOf(d.kernelShape),
    };
    offset += kernelSize + biasSize;
    prunable += kernelSize;
    return spec;
  });
  return { layers, paramCount: offset, prunableCount: prunable };
}

/** Every member's kernel of `layer` as [P, kernelSize] (a column slice of params [P, D]). */
export function sliceKernel(params: tf.Tensor2D, layer: LayerSpec): tf.Tensor2D {
  return takeColumns(params, layer.kernelOffset, layer.kernelSize);
}

/** Every member's bias of `layer` as [P, biasSize]. */
export function sliceBias(params: tf.Tensor2D, layer: LayerSpec): tf.Tensor2D {
  return takeColumns(params, layer.biasOffset, layer.biasSize);
}

/**
 * A dense layer's kernels for all members side by side, [in, P·out] (member-major columns), so one
 * shared-input matMul x[B, in] × W[in, P·out] evaluates every member (fast on wasm: docs/PERFORMANCE.md "Population forward pass").
 */
export function denseKernelsSideBySide(params: tf.Tensor2D, layer: LayerSpec): tf.Tensor2D {
  const [nIn, nOut] = layer.kernelShape;
  const p = params.shape[0];
  return tf.tidy(() =>
    tf.reshape(tf.transpose(tf.reshape(sliceKernel(params, layer), [p, nIn, nOut]), [1, 0, 2]), [nIn, p * nOut]),
  );
}

/** Flat 0/1 vector over D with 1 at every kernel entry (the prunable positions). */
export function kernelIndicator(layout: ParamLayout): Uint8Array {
  const out = new Uint8Array(layout.paramCount);
  for (const l of layout.layers) out.fill(1, l.kernelOffset, l.kernelOffset + l.kernelSize);
  return out;
}
