/**
 * Mask layout helpers (docs/ALGORITHMS.md §3.5). A mask is a Uint8Array over the full parameter vector
 * (1 = active). Prunable entries are the kernel entries of every layer not listed in `exclude`
 * (es-lottery: `modules_not_to_prune: []`, i.e. all kernels incl. first and last layer); biases are never
 * prunable and always 1. Every pruning function derives "what is prunable" from here, in one place.
 */
import type { LayerSpec } from '../nets/types';

/** Layers whose kernels may be pruned (all layers whose name is not in `exclude`). */
export function prunableLayers(layers: readonly LayerSpec[], exclude: readonly string[] = []): LayerSpec[] {
  for (const name of exclude) {
    if (!layers.some((l) => l.name === name))
      throw new Error(`exclude names unknown layer "${name}" (layers: ${layers.map((l) => l.name).join(', ')})`);
  }
  return layers.filter((l) => !exclude.includes(l.name));
}

/** N_prunable: kernel entries of the prunable layers. */
export function prunableCountOf(layers: readonly LayerSpec[], exclude: readonly string[] = []): number {
  return prunableLayers(layers, exclude).reduce((n, l) => n + l.kernelSize, 0);
}

/** Flat indices of all prunable entries, layer by layer, ascending within each layer. */
export function prunableIndices(layers: readonly LayerSpec[], exclude: readonly string[] = []): Int32Array {
  const out = new Int32Array(prunableCountOf(layers, exclude));
  let k = 0;
  for (const l of prunableLayers(layers, exclude)) {
    for (let i = 0; i < l.kernelSize; i++) out[k++] = l.kernelOffset + i;
  }
  return out;
}

/** The dense mask (round 1): all ones. */
export function denseMask(paramCount: number): Uint8Array {
  return new Uint8Array(paramCount).fill(1);
}

/** Number of active (1) entries of `mask` inside layer `l`'s kernel. */
export function keptInKernel(mask: Uint8Array, l: LayerSpec): number {
  let n = 0;
  for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) n += mask[i];
  return n;
}

/** Sparsity over prunable entries: pruned / N_prunable (0 for a net with nothing prunable). */
export function prunableSparsity(
  mask: Uint8Array,
  layers: readonly LayerSpec[],
  exclude: readonly string[] = [],
): number {
  const ls = prunableLayers(layers, exclude);
  const total = ls.reduce((n, l) => n + l.kernelSize, 0);
  if (total === 0) return 0;
  const kept = ls.reduce((n, l) => n + keptInKernel(mask, l), 0);
  return (total - kept) / total;
}

/** θ ⊙ M as a new array (pruned entries exactly 0). */
export function applyMask(theta: Float32Array, mask: Uint8Array): Float32Array {
  if (theta.length !== mask.length) throw new Error(`applyMask: length ${theta.length} ≠ mask length ${mask.length}`);
  const out = new Float32Array(theta.length);
  for (let i = 0; i < theta.length; i++) out[i] = mask[i] ? theta[i] : 0;
  return out;
}
