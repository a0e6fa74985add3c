/**
 * Gaussian population noise for every strategy's `ask` (spec ALGORITHMS.md §1.1, §2 "ask").
 *
 * Why a shared noise table (Salimans et al. 2017, OpenAI-ES §2.1 "shared noise table"): tfjs builds
 * `tf.randomNormal` buffers in JavaScript, one RNG call per element (~43 ms for 32×6634 on wasm,
 * ~0.5 s for 128×80 000). Instead one Float32 table of N(0,1) values is generated ONCE per
 * process/worker from a FIXED seed and cached; each draw only picks `rows` random start offsets with
 * the caller's Rng (JS RNG work: `rows` numbers), and row r is the window table[offset_r … offset_r+d).
 *
 * How the [rows, d] block is assembled depends on where the backend keeps its memory (measured in
 * Node on this project's 2-core machines, ms per 128×80 000 block, bench/es):
 *   wasm: backend gather 1 790, per-row slice+stack 1 160, host memcpy of the windows + upload 146;
 *   cpu:  backend gather 2 640, slice+stack 195, host memcpy + upload 136.
 * wasm's gather/slice kernels are ~10× slower than a plain copy, so for host-memory backends
 * ('cpu', 'wasm') the windows are copied with `Float32Array.set` (no per-element RNG or arithmetic)
 * and uploaded once. For GPU backends (webgl, webgpu) the table is uploaded once (tf.keep, cached per
 * backend) and the block is built there with one gather of `offset_r + j`, so no P×d upload happens.
 * Both paths produce bit-identical values.
 *
 * Statistical caveat: each row is N(0, I_d) exactly (a window of i.i.d. normals), but rows are not
 * fully independent across draws and within a population: two rows whose offsets lie closer than d
 * share a (shifted) stretch of the table. Shifted overlap gives zero correlation between the SAME
 * coordinate of two rows unless the offsets coincide (probability ≈ P²/(2·N)), but it does correlate
 * coordinate j of one row with coordinate j+Δ of another. With N = 2^22 and d ≪ N this is the same
 * trade-off OpenAI-ES made (their table had 2.5·10^8 entries); it is invisible at the level of ES
 * update statistics, but the noise is pseudo-random with a period set by the table, not by the Rng.
 * Determinism: the same Rng state ⇒ the same offsets ⇒ an identical tensor, on any backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../rng';

/** Entries in the shared table (2^22 float32 = 16 MiB). */
const TABLE_SIZE = 1 << 22;
/** Fixed seed of the table: it is part of the lab's definition of "the noise", never user-chosen. */
const TABLE_SEED = 0x5eed2017;

/** Backends whose tensors live in host (wasm/JS) memory: a host-side copy is their fastest path. */
const HOST_MEMORY_BACKENDS = new Set(['cpu', 'wasm']);

let hostTable: Float32Array | null = null;
const deviceTables = new Map<string, tf.Tensor1D>();

/** Number of N(0,1) entries in the shared noise table. */
export function noiseTableSize(): number {
  return TABLE_SIZE;
}

/** The host-side table (built on first use, ~0.1–0.5 s). */
function hostNoiseTable(): Float32Array {
  if (!hostTable) {
    const rng = new Rng(TABLE_SEED);
    hostTable = new Float32Array(TABLE_SIZE);
    for (let i = 0; i < TABLE_SIZE; i++) hostTable[i] = rng.normal();
  }
  return hostTable;
}

/** The kept table tensor on the current (GPU) backend. */
function deviceNoiseTable(backend: string): tf.Tensor1D {
  let t = deviceTables.get(backend);
  if (!t) {
    t = tf.keep(tf.tensor1d(hostNoiseTable(), 'float32'));
    deviceTables.set(backend, t);
  }
  return t;
}

/** Frees the cached device tables (tests and benchmarks that switch backends). */
export function disposeNoiseTables(): void {
  for (const t of deviceTables.values()) t.dispose();
  deviceTables.clear();
}

/**
 * A [rows, dim] block of standard normal noise drawn with `rng` (advances it by `rows` draws).
 * Same rng state ⇒ identical tensor. Throws if `dim` exceeds a quarter of the table: beyond that,
 * rows of one population would overlap too much.
 */
export function sampleNormal(rng: Rng, rows: number, dim: number): tf.Tensor2D {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`sampleNormal: rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`sampleNormal: dim must be a positive integer, got ${dim}`);
  if (dim > TABLE_SIZE / 4) {
    throw new Error(`sampleNormal: dim ${dim} exceeds the noise table limit ${TABLE_SIZE / 4} (table size / 4)`);
  }
  const offsets = new Int32Array(rows);
  for (let r = 0; r < rows; r++) offsets[r] = rng.int(TABLE_SIZE - dim + 1);
  const backend = tf.getBackend();
  if (HOST_MEMORY_BACKENDS.has(backend)) {
    const table = hostNoiseTable();
    const out = new Float32Array(rows * dim);
    for (let r = 0; r < rows; r++) out.set(table.subarray(offsets[r], offsets[r] + dim), r * dim);
    return tf.tensor2d(out, [rows, dim], 'float32');
  }
  const table = deviceNoiseTable(backend);
  return tf.tidy(() => {
    // One gather of offset_r + j, built on the backend: [rows,1] + [1,dim] → [rows,dim] int32 indices.
    const idx = tf.add(tf.tensor2d(offsets, [rows, 1], 'int32'), tf.reshape(tf.range(0, dim, 1, 'int32'), [1, dim]));
    return tf.gather(table, idx) as tf.Tensor as tf.Tensor2D;
  });
}
