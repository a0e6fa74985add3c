/**
 * Packing between the full parameter vector (length D) and the ES's active coordinates (length d):
 * the ES evolves only unpruned kernel entries plus all biases (docs/ALGORITHMS.md §3.1). Packing is by
 * mask index — NOT by the non-zero entries as es-lottery's masked_reshaper does (docs/ALGORITHMS.md §3.1 "packing
 * pitfall": that silently drops zero-initialised biases).
 */
import * as tf from '@tensorflow/tfjs-core';
import { hostMemoryBackend, readFloat32 } from '../nets/tensor-util';

/** Indices (ascending) of the active entries of a mask. */
export function activeIndices(mask: Uint8Array): Int32Array {
  let d = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) d++;
  const idx = new Int32Array(d);
  for (let i = 0, j = 0; i < mask.length; i++) if (mask[i]) idx[j++] = i;
  return idx;
}

/** full[idx] → packed vector of length d. */
export function pack(full: Float32Array, idx: Int32Array): Float32Array {
  const out = new Float32Array(idx.length);
  for (let j = 0; j < idx.length; j++) out[j] = full[idx[j]];
  return out;
}

/** Packed vector → full vector of length D with `fill` at inactive entries. */
export function unpack(packed: Float32Array, idx: Int32Array, fullLength: number, fill = 0): Float32Array {
  const out = new Float32Array(fullLength);
  if (fill !== 0) out.fill(fill);
  for (let j = 0; j < idx.length; j++) out[idx[j]] = packed[j];
  return out;
}

/** Active indices recovered from a gather source map (src[i] = j for active i, d for pruned). */
function activeIndicesFromSrc(src: Int32Array, d: number): Int32Array {
  const idx = new Int32Array(d);
  for (let i = 0; i < src.length; i++) if (src[i] < d) idx[src[i]] = i;
  return idx;
}

/**
 * Scatters a population [P, d] into full parameter rows [P, D] on the tensor backend, with exact zeros at
 * pruned entries. Implemented as one gather over the population with a zero column appended: full[:, i] =
 * x[:, src[i]] where src[i] = d for pruned entries. Build once per round; dispose at the round's end.
 */
export class ScatterPlan {
  readonly dim: number;
  readonly fullLength: number;
  readonly dense: boolean;
  private readonly src: tf.Tensor1D;
  private hostIdx: Int32Array | undefined;
  private hostIn: Float32Array | undefined;
  private hostOut: Float32Array | undefined;

  constructor(mask: Uint8Array) {
    const idx = activeIndices(mask);
    this.dim = idx.length;
    this.fullLength = mask.length;
    this.dense = this.dim === this.fullLength;
    const src = new Int32Array(mask.length).fill(this.dim);
    for (let j = 0; j < idx.length; j++) src[idx[j]] = j;
    this.src = tf.keep(tf.tensor1d(src, 'int32'));
  }

  /** [P, d] → [P, D]. The caller disposes the result. */
  scatter(x: tf.Tensor2D): tf.Tensor2D {
    if (this.dense) return tf.clone(x);
    if (hostMemoryBackend()) return this.scatterOnHost(x);
    return tf.tidy(() => {
      const withZero = tf.concat([x, tf.zeros([x.shape[0], 1])], 1);
      return tf.gather(withZero, this.src, 1) as tf.Tensor2D;
    });
  }

  /**
   * On wasm/cpu the tensor data already lives in host memory, and tfjs-wasm's gather kernel costs ~100 ns
   * per element (measured: 40 ms for a [64, 6634] gather vs ~1 ms for this loop), so scatter in JS.
   */
  private scatterOnHost(x: tf.Tensor2D): tf.Tensor2D {
    const [p, d] = x.shape;
    const src = (this.hostIn = readFloat32(x, this.hostIn));
    const idx = (this.hostIdx ??= activeIndicesFromSrc(this.src.dataSync() as Int32Array, d));
    // Buffers are reused (a fresh MB-sized array costs ms in page faults). The output only on wasm, whose
    // tensor creation copies it into the wasm heap (the cpu backend would alias it); its pruned entries
    // are never written, so they stay exactly zero.
    const size = p * this.fullLength,
      wasm = tf.getBackend() === 'wasm';
    const out = wasm && this.hostOut?.length === size ? this.hostOut : new Float32Array(size);
    if (wasm) this.hostOut = out;
    for (let r = 0; r < p; r++) {
      const o = r * this.fullLength,
        i = r * d;
      for (let j = 0; j < d; j++) out[o + idx[j]] = src[i + j];
    }
    return tf.tensor2d(out, [p, this.fullLength]);
  }

  dispose(): void {
    this.src.dispose();
  }
}
