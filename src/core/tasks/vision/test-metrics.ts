/**
 * Test-set accuracy and mean cross-entropy of N parameter rows (docs/ALGORITHMS.md §9.1 test metric),
 * chunk by chunk so the activations stay bounded. The numbers are defined by this chunking: each
 * chunk's forward pass and its summed cross-entropy (tf.sum over the chunk), then a float32 running sum
 * over the chunks in order — changing the chunk size moves the loss in its last bits.
 *
 * Why chunks are scored in groups: the per-chunk scoring (argmax, log-softmax, one-hot, sums) is ~10
 * small tfjs ops, as costly as the forward pass itself for a 1,000-image chunk. A group of equal-size
 * chunks is scored with the same ops once, on the chunks' logits stacked along a new leading axis: the
 * row-wise ops and the per-chunk reductions see exactly the same values in the same order, so the
 * results are bit-identical to scoring each chunk alone (test/unit/experiments/trajectory-pins.test.ts
 * pins them), and the running sum over chunks is done on the host in float32, as tf.add did it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PopulationNet } from '../../nets/types';
import type { TestResult } from '../types';

/** Upper bound on (test rows N) × (test examples per chunk): keeps the forward's activations bounded. */
const TEST_CHUNK_BUDGET = 2000;
const MAX_TEST_CHUNK = 1000;
/** Upper bound on the logits (floats) of one group of chunks scored together. */
const GROUP_LOGITS_BUDGET = 2_000_000;

/** Test examples per chunk for N rows. */
export function testChunkSize(rows: number): number {
  return Math.max(16, Math.min(MAX_TEST_CHUNK, Math.floor(TEST_CHUNK_BUDGET / rows)));
}

/**
 * Accuracy and mean CE of each row of `rows` [N, D] over `count` test examples; `chunkAt(start, size)`
 * returns that chunk's inputs [size, in] and int32 labels [size] (the caller's tensors: disposed here).
 */
export async function testMetrics(
  net: PopulationNet,
  rows: tf.Tensor2D,
  count: number,
  classes: number,
  chunkAt: (start: number, size: number) => [tf.Tensor2D, tf.Tensor1D],
): Promise<TestResult[]> {
  const n = rows.shape[0];
  const chunk = testChunkSize(n);
  const correct = new Float64Array(n);
  const ceSum = new Float32Array(n); // float32 running sum, as tf.add accumulated it
  const starts: number[] = [];
  for (let s = 0; s < count; s += chunk) starts.push(s);
  const perGroup = Math.max(1, Math.floor(GROUP_LOGITS_BUDGET / (n * chunk * classes)));
  for (let g = 0; g < starts.length;) {
    // A group: consecutive chunks of one size (the last chunk may be shorter: it goes alone).
    const size = Math.min(chunk, count - starts[g]);
    let end = g + 1;
    while (end < starts.length && end - g < perGroup && Math.min(chunk, count - starts[end]) === size) end++;
    const [hits, ce] = tf.tidy(() => {
      const logits: tf.Tensor[] = [];
      const labels: tf.Tensor[] = [];
      for (let c = g; c < end; c++) {
        const [x, y] = chunkAt(starts[c], size);
        logits.push(tf.tidy(() => net.forward(rows, x)));
        labels.push(y);
        x.dispose();
      }
      const l = tf.stack(logits) as tf.Tensor4D; // [chunks, N, size, C]
      const y = tf.reshape(tf.stack(labels), [end - g, 1, size]); // [chunks, 1, size]
      const hitsPerChunk = tf.sum(tf.cast(tf.equal(tf.argMax(l, 3), y), 'float32'), 2);
      const oneHot = tf.reshape(tf.oneHot(y, classes), [end - g, 1, size, classes]);
      const meanLogLik = tf.div(tf.sum(tf.mul(tf.logSoftmax(l), oneHot), [2, 3]), size);
      return [hitsPerChunk, tf.mul(meanLogLik, -size)]; // [chunks, N] each
    });
    const [h, e] = await Promise.all([hits.data(), ce.data()]);
    tf.dispose([hits, ce]);
    for (let c = 0; c < end - g; c++)
      for (let i = 0; i < n; i++) {
        correct[i] += h[c * n + i];
        ceSum[i] += e[c * n + i];
      }
    g = end;
  }
  return Array.from(correct, (a, i) => ({ perf: a / count, loss: ceSum[i] / count }));
}
