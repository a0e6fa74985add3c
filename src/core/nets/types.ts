/**
 * Population networks (docs/ALGORITHMS.md §9): a network is a flat parameter vector of length D laid
 * out layer by layer (kernel, then bias). Kernels are prunable; biases never are (docs/ALGORITHMS.md §3.5).
 * `forward` evaluates a whole population [P, D] on one shared batch in a few large tensor ops.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ParamSpecs, AnyParamValues } from '../params';
import type { Rng } from '../rng';

export interface LayerSpec {
  /** e.g. "Dense_0", "Conv_1" (flax-style names, as the paper's figures use). */
  readonly name: string;
  readonly kind: 'dense' | 'conv';
  /** Dense: [in, out]; conv: [kh, kw, cin, cout] (HWIO, row-major in the flat vector). */
  readonly kernelShape: readonly number[];
  readonly kernelOffset: number;
  readonly kernelSize: number;
  readonly biasOffset: number;
  readonly biasSize: number;
  readonly fanIn: number;
}

export interface PopulationNet {
  readonly id: string;
  /** Human-readable architecture, e.g. "MLP 196-32-10 (ReLU)". */
  readonly describe: string;
  /** Per-example input size (flattened), e.g. 196 or 784. */
  readonly inputSize: number;
  readonly outputSize: number;
  readonly layers: readonly LayerSpec[];
  /** D: all parameters. */
  readonly paramCount: number;
  /** Kernel entries only. */
  readonly prunableCount: number;
  /** θ0: the paper's init (docs/ALGORITHMS.md §9.1: lecun_normal kernels, conv biases U[0, 0.05), dense biases 0). */
  init(rng: Rng): Float32Array;
  /**
   * Outputs [P, B, outputSize] (logits or actions) for params [P, D] and inputs [B, inputSize].
   * Pruned weights are exactly zero in `params`; `forward` does not need the mask.
   */
  forward(params: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor3D;
  /**
   * Optional fitness-only forward for backends whose tensors live in host memory (wasm, cpu): the same
   * values as `forward` up to float rounding, without autodiff. `params` [P, D] and `x` [B, inputSize]
   * are row-major host arrays; returns [P, B, outputSize] in a buffer that stays valid only until the next
   * call (it is reused). `layout` declares the population's antithetic
   * row layout (docs/ALGORITHMS.md §1.2), which the net may exploit (host-mlp.ts); 'none' = no structure assumed.
   * `centreOnlyPairs` (antithetic layouts): the first that many pairs only supply the centre of the
   * population (an evaluation worker's copy of pair 0, experiments/parallel/split.ts); the net may leave
   * their outputs uncomputed (any value), which saves a worker re-evaluating a pair it does not own.
   */
  forwardHost?(
    params: Float32Array,
    members: number,
    x: Float32Array,
    batch: number,
    layout?: PopulationLayout,
    centreOnlyPairs?: number,
  ): Float32Array;
  /**
   * Optional, with `forwardHost`: a buffer of `length` floats in the forward's own memory where the caller
   * may write the params of its next `forwardHost` call, which then reads them in place instead of copying
   * them (nets/host-mlp-arena.ts). Valid until that call; ask again for every call.
   */
  hostParamsBuffer?(length: number): Float32Array;
}

/** Row layout of an ES population (= Strategy['antithetic']): pairs 2k/2k+1, pairs k/k+P/2, or none. */
export type PopulationLayout = 'interleaved' | 'blocked' | 'none';

/**
 * `net` for populations with a known row layout: its `forwardHost` assumes `layout` (and
 * `centreOnlyPairs`) unless told otherwise (the ES loop knows its strategy's layout; the task evaluating
 * the population does not).
 */
export function withPopulationLayout(net: PopulationNet, layout: PopulationLayout, centreOnlyPairs = 0): PopulationNet {
  const host = net.forwardHost?.bind(net);
  if (!host || layout === 'none') return net;
  return {
    ...net,
    forwardHost: (params, members, x, batch, given, centreOnly) =>
      host(params, members, x, batch, given ?? layout, centreOnly ?? centreOnlyPairs),
  };
}

export interface NetworkIO {
  /** Input image shape [h, w, c] for vision, or [n] for vector observations. */
  readonly inputShape: readonly number[];
  readonly outputSize: number;
}

/** Registry entry (docs/ARCHITECTURE.md convention 3). */
export interface NetworkDef {
  readonly id: string;
  readonly label: string;
  readonly help: string;
  readonly paramSpecs: ParamSpecs;
  /** Which task kinds this network can serve. */
  readonly taskKinds: readonly ('vision' | 'control')[];
  build(params: AnyParamValues, io: NetworkIO): PopulationNet;
}
