/**
 * ES runner checkpoints as plain data (docs/ALGORITHMS.md §1.1 "the shared runner"): strategy state as
 * typed arrays and numbers, structured-clone friendly, so a run continues bit-identically after a restore.
 * A checkpoint comes back from outside the runner (a worker message, a stored run), so its state is
 * checked against what the strategy's own `init` makes before the strategy sees it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { AnyParamValues } from '../params';
import type { ShapingOptions } from './shaping';
import type { EsContext, EsState, Strategy } from './types';

/** A tensor as plain data. */
export interface PlainTensor {
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}
export type PlainState = Record<string, PlainTensor | number>;

/** Everything needed to continue a run bit-identically (structured-clone / typed-array friendly). */
export interface EsCheckpoint {
  version: 1;
  strategyId: string;
  params: AnyParamValues;
  popSize: number;
  dim: number;
  rngKey: [number, number];
  shaping: ShapingOptions;
  meanDecay: number;
  generation: number;
  best: { score: number; params: Float32Array | null };
  state: PlainState;
}

/** Tensor state → plain typed arrays (synchronous read). */
export function stateToPlain(state: EsState): PlainState {
  const out: PlainState = {};
  for (const [k, v] of Object.entries(state)) {
    if (typeof v === 'number') {
      out[k] = v;
      continue;
    }
    const dtype = v.dtype === 'int32' ? 'int32' : 'float32';
    const data =
      dtype === 'int32' ? Int32Array.from(v.dataSync() as Int32Array) : Float32Array.from(v.dataSync() as Float32Array);
    out[k] = { shape: [...v.shape], dtype, data };
  }
  return out;
}

/** Shape of a state entry: 'number' or the tensor's shape, e.g. "[12]". */
function kindOf(v: tf.Tensor | PlainTensor | number | undefined): string {
  if (v === undefined) return 'missing';
  return typeof v === 'number' ? 'number' : `[${v.shape.join(', ')}]`;
}

/**
 * Why `plain` cannot be the state of `strategy` at `ctx`, or null: every entry a fresh `init` makes must be
 * there with the same kind (number, or a tensor of the same shape), and no other entry. Optional entries
 * (Adam's second moment) follow the params, so the fresh state is made with the checkpoint's own params.
 */
export function plainStateProblem(
  strategy: Strategy,
  ctx: EsContext,
  params: AnyParamValues,
  plain: PlainState,
): string | null {
  const m = tf.zeros([ctx.dim]) as tf.Tensor1D;
  const fresh = strategy.init(ctx, params, m);
  m.dispose();
  try {
    const keys = new Set([...Object.keys(fresh), ...Object.keys(plain)]);
    for (const k of keys) {
      const want = kindOf(fresh[k]);
      const got = kindOf(plain[k]);
      if (want !== got) return `state entry "${k}" should be ${want}, the checkpoint has ${got}`;
    }
    return null;
  } finally {
    for (const v of Object.values(fresh)) if (typeof v !== 'number') v.dispose();
  }
}

/**
 * Plain typed arrays → fresh tensors (the caller owns them), after checking them against the strategy
 * (`plainStateProblem`); throws naming the first entry that does not fit.
 */
export function plainToState(strategy: Strategy, ctx: EsContext, params: AnyParamValues, plain: PlainState): EsState {
  const problem = plainStateProblem(strategy, ctx, params, plain);
  if (problem) throw new Error(`ES checkpoint does not fit ${strategy.id}: ${problem}`);
  const pm = plain.mean;
  if (pm === undefined || typeof pm === 'number' || pm.shape.length !== 1)
    throw new Error(`ES checkpoint does not fit ${strategy.id}: its mean is not a vector`);
  const out: EsState = { mean: tf.tensor1d(pm.data, pm.dtype) };
  for (const [k, v] of Object.entries(plain)) {
    if (k !== 'mean') out[k] = typeof v === 'number' ? v : tf.tensor(v.data, v.shape, v.dtype);
  }
  return out;
}
