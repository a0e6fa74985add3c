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

/** Skipped generations in a row after which a run stops. */
export const MAX_CONSECUTIVE_SKIPS = 10;

/** A run stopped because its fitness was not a number for MAX_CONSECUTIVE_SKIPS generations in a row. */
export class NonFiniteFitnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonFiniteFitnessError';
  }
}

/** True when every float tensor holds only finite values (one small reduction per tensor, one read). */
export function allFinite(tensors: readonly tf.Tensor[]): boolean {
  const floats = tensors.filter((t) => t.dtype === 'float32');
  if (!floats.length) return true;
  const ok = tf.tidy(() => tf.all(tf.stack(floats.map((t) => tf.all(tf.isFinite(t))))));
  const v = ok.dataSync()[0];
  ok.dispose();
  return v === 1;
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
