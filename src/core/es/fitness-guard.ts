/**
 * The rule for fitness that is not a number, applied by the shared ES runner (run-strategy.ts;
 * docs/RELIABILITY.md "non-finite fitness"). A generation whose fitness cannot drive an update — no
 * member scored a finite value, the shaped values overflow float32, or the update would put NaN/∞ into
 * the ES state — is skipped and counted; MAX_CONSECUTIVE_SKIPS skipped generations in a row stop the run
 * with a message that says what to change. Ten in a row is long enough to ride out a few unlucky
 * populations (e.g. members that make a simulation blow up) and short enough that a diverged run stops
 * within seconds instead of training on nothing for the rest of its budget.
 */
import * as tf from '@tensorflow/tfjs-core';
import { hostView } from './host-block';

/** Skipped generations in a row after which a run stops. */
export const MAX_CONSECUTIVE_SKIPS = 10;

/** A run stopped because its fitness was not a number for MAX_CONSECUTIVE_SKIPS generations in a row. */
export class NonFiniteFitnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonFiniteFitnessError';
  }
}

/**
 * True when every float tensor holds only finite values. Host-memory backends (wasm, cpu) read the values
 * in place (~25 µs for the four [6,634] vectors of `mnist-quick`'s PGPE, against ~0.1 ms for the tfjs ops); GPU backends run one small
 * reduction per tensor and read one number back.
 */
export function allFinite(tensors: readonly tf.Tensor[]): boolean {
  const floats = tensors.filter((t) => t.dtype === 'float32');
  if (!floats.length) return true;
  const views = floats.map(hostView);
  if (views.every((v) => v !== null)) return views.every((v) => finiteValues(v!));
  const ok = tf.tidy(() => tf.all(tf.stack(floats.map((t) => tf.all(tf.isFinite(t))))));
  const v = ok.dataSync()[0];
  ok.dispose();
  return v === 1;
}

function finiteValues(v: Float32Array): boolean {
  // v − v is 0 for every finite v and NaN for ±∞ and NaN: one comparison at the end, no branch per value;
  // four sums so that the additions do not wait for each other (2× faster than one).
  let a = 0,
    b = 0,
    c = 0,
    e = 0;
  const n = v.length & ~3;
  for (let i = 0; i < n; i += 4) {
    a += v[i] - v[i];
    b += v[i + 1] - v[i + 1];
    c += v[i + 2] - v[i + 2];
    e += v[i + 3] - v[i + 3];
  }
  for (let i = n; i < v.length; i++) a += v[i] - v[i];
  return a + b + c + e === 0;
}

/** Counts skipped generations: in total, and in a row (throws at MAX_CONSECUTIVE_SKIPS in a row). */
export class SkipCounter {
  total = 0;
  private inRow = 0;

  applied(): void {
    this.inRow = 0;
  }

  /** Records that generation `gen` (1-based) was skipped because `why`. */
  skipped(gen: number, why: string): void {
    this.total += 1;
    this.inRow += 1;
    if (this.inRow >= MAX_CONSECUTIVE_SKIPS)
      throw new NonFiniteFitnessError(
        `the fitness was not a number for ${this.inRow} generations in a row (generations ${gen - this.inRow + 1}–${gen}): ${why}. ` +
          'The run stopped. Lower the learning rate or σ, or check the task settings (a policy that makes the simulation blow up scores NaN).',
      );
  }
}
