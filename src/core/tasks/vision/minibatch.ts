/**
 * Minibatch index samplers for the ES fitness (docs/ALGORITHMS.md §9.1): every generation one batch is
 * drawn without replacement and shared by all population members.
 * - 'epoch': the training set is shuffled with the caller's rng and walked in disjoint batches; when fewer
 *   than B unseen examples remain, a new permutation starts (the remainder is dropped, like drop_last).
 * - 'independent': evojax's `sample_batch` — each batch is B distinct indices drawn afresh (no memory
 *   across generations).
 */
import type { Rng } from '../../rng';

export type BatchSampling = 'epoch' | 'independent';

export interface MinibatchSampler {
  /** B distinct training indices for this generation. */
  next(rng: Rng, batchSize: number): Int32Array;
}

/** A sampler over n training examples. An 'epoch' sampler is stateful: one instance per training chain. */
export function createSampler(n: number, mode: BatchSampling): MinibatchSampler {
  if (mode === 'independent') {
    return { next: (rng, b) => rng.sampleWithoutReplacement(n, b) };
  }
  let perm: Int32Array | null = null;
  let cursor = 0;
  return {
    next(rng, b) {
      if (b > n) throw new Error(`batch size ${b} exceeds the ${n} training examples`);
      if (perm === null || cursor + b > n) {
        perm = rng.permutation(n);
        cursor = 0;
      }
      const batch = perm.slice(cursor, cursor + b);
      cursor += b;
      return batch;
    },
  };
}
