// The tell's weighted row sums (src/core/es/row-sums.ts) against the tfjs ops they replace, for every
// kind of spec the strategies use. Shared by the test of the default route (the wasm kernel on wasm)
// and the test that forces the JS loop.
import { expect } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { weightedRowSums, type RowSumSpec } from '../../src/core/es/row-sums';

// P = 100 crosses tfjs-cpu's 48-row matMul blocks; zero weights exercise the row skipping (85 active
// rows of w1: one row is left without a partner); D = 37 leaves a tail after the 4-wide SIMD steps.
const P = 100;
const D = 37;
const w1 = Float32Array.from({ length: P }, (_, i) => (i % 7 === 3 ? 0 : Math.sin(1.3 * i)));
const w2 = Float32Array.from({ length: P }, (_, i) => (i % 2 ? 0 : Math.cos(0.7 * i) / 50));

type MakeSpec = (m: tf.Tensor1D, s: tf.Tensor1D) => RowSumSpec;

export const ROW_SUM_CASES: [string, MakeSpec][] = [
  ['(x − m)/σ vector, lin + sq (SNES)', (m, s) => ({ center: m, divisor: s, lin: w1, sq: w1 })],
  ['(x − m)/s scalar, lin + sq (Sep-CMA-ES)', (m) => ({ center: m, divisor: 0.37, lin: w1, sq: w2 })],
  ['x − m, lin + sq (PGPE)', (m) => ({ center: m, lin: w2, sq: w1 })],
  ['raw lin, centred sq (DES)', (m) => ({ center: m, lin: w1, linOnRaw: true, sq: w1 })],
  ['(x − m)/σ scalar, lin only (OpenES, ARS)', (m) => ({ center: m, divisor: 0.03, lin: w2 })],
  ['sq only, no centre', () => ({ sq: w1 })],
];

/** weightedRowSums of a random population equals the tfjs ops bit for bit and leaves only its outputs. */
export function expectRowSumsEqualOps(make: MakeSpec): void {
  const x = tf.randomNormal([P, D], 0.2, 1.5, 'float32', 1) as tf.Tensor2D;
  const m = tf.randomNormal([D], 0, 1, 'float32', 2) as tf.Tensor1D;
  const s = tf.add(0.3, tf.abs(tf.randomNormal([D], 0, 1, 'float32', 4))) as tf.Tensor1D;
  const spec = make(m, s);
  const want = tf.tidy(() => {
    let t: tf.Tensor2D = x;
    if (spec.center) t = tf.sub(t, spec.center);
    if (spec.divisor !== undefined) t = tf.div(t, spec.divisor);
    const mv = (w: ArrayLike<number>, rows: tf.Tensor2D) => tf.matMul(tf.tensor2d(Float32Array.from(w), [1, P]), rows);
    return [
      spec.lin ? mv(spec.lin, spec.linOnRaw ? x : t) : tf.zeros([1]),
      spec.sq ? mv(spec.sq, tf.square(t)) : tf.zeros([1]),
    ];
  });
  const before = tf.memory().numTensors;
  const got = weightedRowSums(x, spec);
  expect(got.lin?.dataSync() ?? new Float32Array(1)).toEqual(want[0].dataSync());
  expect(got.sq?.dataSync() ?? new Float32Array(1)).toEqual(want[1].dataSync());
  expect(Number(!!spec.lin) + Number(!!spec.sq)).toBe(tf.memory().numTensors - before);
  tf.dispose([x, m, s, ...want, ...Object.values(got)]);
}
