/**
 * Turns on tfjs gradients for the GD baseline (spec ALGORITHMS.md §4.1). `@tensorflow/tfjs-core` alone
 * registers no gradient functions (the `@tensorflow/tfjs` bundle imports them as a side effect), so the
 * GD modules import this file before calling `tf.variableGrads`.
 *
 * It also fixes a tfjs 4.22 bug we hit: the Unpack (tf.unstack) gradient calls `stack(dy)`, but the
 * engine passes a lone tensor, not an array, when unstack has ONE output — exactly our case, since GD
 * runs the population forward pass with P = 1 and the per-member plans unstack the parameter rows.
 *
 * And it gives GatherV2 a gradient that runs on wasm: the nets extract rows/columns with `tf.gather` on
 * wasm (nets/tensor-util.ts: slice copies the whole input there), but tfjs's gather gradient needs the
 * UnsortedSegmentSum kernel, which tfjs-backend-wasm 4.22 lacks. Where that kernel is missing the
 * gradient scatters dy back with ScatterNd (which sums duplicate indices, as the segment sum does).
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

const defaultGatherGrad = tf.getGradient(tf.GatherV2);

tf.registerGradient({
  kernelName: tf.GatherV2,
  inputsToSave: ['x', 'indices'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const { axis, batchDims } = attrs as unknown as tf.GatherV2Attrs;
    if (tf.getKernel('UnsortedSegmentSum', tf.getBackend()) || batchDims !== 0 || !defaultGatherGrad) {
      return defaultGatherGrad!.gradFunc(dy, saved, attrs);
    }
    const [x, indices] = saved;
    const g = dy as tf.Tensor;
    const ax = axis < 0 ? axis + x.rank : axis;
    return {
      x: () => {
        const outer = x.shape.slice(0, ax), inner = x.shape.slice(ax + 1), n = indices.size;
        const values = tf.reshape(g, [...outer, n, ...inner]);
        // Move the gathered axis first: [n, ...outer, ...inner], scatter into [x.shape[ax], ...], move it back.
        const perm = [outer.length, ...outer.map((_, i) => i), ...inner.map((_, i) => outer.length + 1 + i)];
        const scattered = tf.scatterND(tf.reshape(indices, [n, 1]), tf.transpose(values, perm), [x.shape[ax], ...outer, ...inner]);
        return tf.transpose(scattered, tf.backend_util.getUndoAxesPermutation(perm));
      },
      indices: () => indices,
    };
  },
});

/** Import marker: call sites reference it so bundlers keep the side effect. */
export const GRADIENTS_READY = true;
