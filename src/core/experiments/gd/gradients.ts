/**
 * Turns on tfjs gradients for the GD baseline (spec ALGORITHMS.md §4.1). `@tensorflow/tfjs-core` alone
 * registers no gradient functions (the `@tensorflow/tfjs` bundle imports them as a side effect), so the
 * GD modules import this file before calling `tf.variableGrads`.
 *
 * It also fixes a tfjs 4.22 bug we hit: the Unpack (tf.unstack) gradient calls `stack(dy)`, but the
 * engine passes a lone tensor, not an array, when unstack has ONE output — exactly our case, since GD
 * runs the population forward pass with P = 1 and the per-member plans unstack the parameter rows.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';

tf.registerGradient({
  kernelName: tf.Unpack,
  gradFunc: (dy: tf.Tensor | tf.Tensor[], _saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const { axis } = attrs as unknown as tf.UnpackAttrs;
    const dys = Array.isArray(dy) ? dy : [dy];
    return { value: () => tf.stack(dys, axis) };
  },
});

/** Import marker: call sites reference it so bundlers keep the side effect. */
export const GRADIENTS_READY = true;
