/**
 * Within-layer permutations used by the Vischer et al. (2021) baselines (docs/ALGORITHMS.md §3.7, D4).
 * All functions act on one layer's kernel slice of the flat vector and never touch biases.
 */
import type { LayerSpec } from '../nets/types';
import type { Rng } from '../rng';

/** How a layer's mask is permuted: element-wise (Vischer et al., default) or along axis 0 (es-lottery exact). */
export type MaskPermuteMode = 'elementwise' | 'rows';

/** Values of `theta` at the active kernel entries of layer `l`, in row-major order. */
export function survivingValues(theta: Float32Array, mask: Uint8Array, l: LayerSpec): Float32Array {
  const vals: number[] = [];
  for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) if (mask[i]) vals.push(theta[i]);
  return Float32Array.from(vals);
}

/** Writes `values` in row-major order into the active kernel entries of layer `l` in `target` (counts must match). */
export function writeIntoSurvivors(target: Float32Array, mask: Uint8Array, l: LayerSpec, values: Float32Array): void {
  let k = 0;
  for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) {
    if (!mask[i]) continue;
    if (k >= values.length) throw new Error(`layer ${l.name}: more survivors than values (${values.length})`);
    target[i] = values[k++];
  }
  if (k !== values.length) throw new Error(`layer ${l.name}: ${values.length} values for ${k} survivors`);
}

/**
 * Permutes layer `l`'s kernel mask in place in `mask`, keeping its count of ones.
 * 'elementwise': a uniform shuffle of all kernel entries. 'rows': JAX's default `permutation` on the
 * kernel array, which shuffles whole slices along the first axis (dense [in, out]: input units' fan-out
 * patterns; conv HWIO: the kh axis), as es-lottery does.
 */
export function permuteLayerMask(mask: Uint8Array, l: LayerSpec, mode: MaskPermuteMode, rng: Rng): void {
  const slice = mask.subarray(l.kernelOffset, l.kernelOffset + l.kernelSize);
  if (mode === 'elementwise') {
    rng.shuffle(slice);
    return;
  }
  const rows = l.kernelShape[0];
  const rowLen = l.kernelSize / rows;
  const before = Uint8Array.from(slice);
  const perm = rng.permutation(rows);
  for (let r = 0; r < rows; r++) slice.set(before.subarray(perm[r] * rowLen, (perm[r] + 1) * rowLen), r * rowLen);
}
