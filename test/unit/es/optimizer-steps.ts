// Shared by the optimizer tests: steps a mean optimizer (src/core/es/optimizers.ts) from m0 through a list
// of gradients and returns host copies of the final mean and optimizer state (every tensor freed).
import * as tf from '@tensorflow/tfjs-core';
import { optInit, optStep, type OptimizerParams, type OptState } from '../../../src/core/es/optimizers';

export interface OptimizerTrace {
  readonly mean: number[];
  readonly lrate: number;
  readonly steps: number;
  /** The first-moment (momentum / velocity) buffer after the last step. */
  readonly m: number[];
}

export function optimizerSteps(
  params: OptimizerParams,
  m0: readonly number[],
  grads: readonly number[][],
): OptimizerTrace {
  const free = (st: OptState) => tf.dispose([st.opt_m, ...(st.opt_v ? [st.opt_v] : [])]);
  let st = optInit(params, m0.length);
  let mean = tf.tensor1d([...m0]);
  for (const g of grads) {
    const gt = tf.tensor1d(g);
    const r = optStep(params, mean, gt, st);
    tf.dispose([gt, mean]);
    free(st);
    mean = r.mean;
    st = r.opt;
  }
  const out = {
    mean: Array.from(mean.dataSync()),
    lrate: st.opt_lrate,
    steps: st.opt_t,
    m: Array.from(st.opt_m.dataSync()),
  };
  free(st);
  mean.dispose();
  return out;
}
