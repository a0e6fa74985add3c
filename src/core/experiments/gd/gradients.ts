/**
 * tfjs gradients for the GD baseline (docs/ALGORITHMS.md §4.1). `@tensorflow/tfjs-core` alone registers
 * no gradient functions; the host registers them once, before training:
 *   - bundlers (Vite app/worker, vitest): `import '@tensorflow/tfjs-core/dist/register_all_gradients'`;
 *   - Node (tsx CLI, bench): `import '@tensorflow/tfjs'` — its CJS bundle registers them. (tfjs-core's
 *     ESM subpath uses extensionless imports, which Node's ESM loader rejects, so core cannot import it.)
 * `ensureGradients()` checks that and then patches two tfjs 4.22 gradients we depend on:
 *   1. Unpack (tf.unstack): the engine hands a lone tensor, not an array, to the gradient of a
 *      ONE-output unstack, and `stack(dy)` throws — exactly GD's case (P = 1 population forward).
 *   2. GatherV2: the nets extract rows/columns with `tf.gather` on wasm (nets/tensor-util.ts), but the
 *      stock gradient needs the UnsortedSegmentSum kernel, which tfjs-backend-wasm lacks. Where it is
 *      missing, dy is scattered back with ScatterNd (which sums duplicate indices, like the segment sum).
 * The patches are installed after the stock gradients (which would otherwise overwrite them).
 */
import * as tf from '@tensorflow/tfjs-core';

let installed = false;

function patchUnpack(): void {
  tf.registerGradient({
    kernelName: tf.Unpack,
    gradFunc: (dy: tf.Tensor | tf.Tensor[], _saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
      const { axis } = attrs as unknown as tf.UnpackAttrs;
      const dys = Array.isArray(dy) ? dy : [dy];
      return { value: () => tf.stack(dys, axis) };
    },
  });
}

function patchGather(): void {
  const stock = tf.getGradient(tf.GatherV2);
  tf.registerGradient({
    kernelName: tf.GatherV2,
    inputsToSave: ['x', 'indices'],
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
      const { axis, batchDims } = attrs as unknown as tf.GatherV2Attrs;
      if (stock && (tf.getKernel('UnsortedSegmentSum', tf.getBackend()) || batchDims !== 0))
        return stock.gradFunc(dy, saved, attrs);
      const [x, indices] = saved;
      const g = dy as tf.Tensor;
      const ax = axis < 0 ? axis + x.rank : axis;
      return {
        x: () => {
          const outer = x.shape.slice(0, ax),
            inner = x.shape.slice(ax + 1),
            n = indices.size;
          const values = tf.reshape(g, [...outer, n, ...inner]);
          // Move the gathered axis first ([n, ...outer, ...inner]), scatter into [x.shape[ax], ...], move it back.
          const perm = [outer.length, ...outer.map((_, i) => i), ...inner.map((_, i) => outer.length + 1 + i)];
          const scattered = tf.scatterND(tf.reshape(indices, [n, 1]), tf.transpose(values, perm), [
            x.shape[ax],
            ...outer,
            ...inner,
          ]);
          return tf.transpose(scattered, tf.backend_util.getUndoAxesPermutation(perm));
        },
        indices: () => indices,
      };
    },
  });
}

/** Throws a clear error if the host registered no gradients; installs the two patches once. */
export function ensureGradients(): void {
  if (installed) return;
  if (!tf.getGradient(tf.Sum) || !tf.getGradient(tf.GatherV2)) {
    throw new Error(
      "tfjs gradients are not registered: import '@tensorflow/tfjs-core/dist/register_all_gradients' (Vite/vitest) or '@tensorflow/tfjs' (Node) before GD training",
    );
  }
  patchUnpack();
  patchGather();
  installed = true;
}
