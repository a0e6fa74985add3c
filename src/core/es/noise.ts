/**
 * Gaussian population noise for every strategy's `ask` (docs/ALGORITHMS.md §1.1, §2 "ask").
 *
 * Why a shared noise table (Salimans et al. 2017, OpenAI-ES §2.1 "shared noise table"): tfjs builds
 * `tf.randomNormal` buffers in JavaScript, one RNG call per element (~43 ms for 32×6634 on wasm,
 * ~0.5 s for 128×80 000). Instead one Float32 table of N(0,1) values is generated ONCE per
 * process/worker from a FIXED seed and cached; each draw only picks `rows` random start offsets with
 * the caller's Rng (JS RNG work: `rows` numbers), and row r is the window table[offset_r … offset_r+d).
 *
 * How the [rows, d] block is assembled depends on where the backend keeps its memory (measured in
 * Node on this project's 2-core machines, ms per 128×80 000 block, bench/es):
 *   wasm: backend gather 1 790, per-row slice+stack 1 160, host memcpy of the windows + upload 146,
 *         windows copied straight into the tensor's wasm heap memory ~10;
 *   cpu:  backend gather 2 640, slice+stack 195, host memcpy + upload 136.
 * wasm's gather/slice kernels are ~10× slower than a plain copy, so for host-memory backends
 * ('cpu', 'wasm') the windows are copied with `Float32Array.set` (no per-element RNG or arithmetic).
 * Almost all of the 136–146 ms was page faults on the fresh 41 MB array, so on wasm the windows go
 * directly into the new tensor's (already touched) heap memory (host-block.ts). For GPU backends
 * (webgl, webgpu) the table is uploaded once (tf.keep, cached per backend) and the block is built
 * there with one gather of `offset_r + j`, so no P×d upload happens. All paths give bit-identical values.
 *
 * `sampleMirrored` builds the antithetic layouts of docs/ALGORITHMS.md §1.2 (±z_k) the same way on host backends:
 * float32 negation is exact, so writing −window equals tf.neg of the window bit for bit, and the
 * separate neg/concat/stack passes over [P, d] disappear. On tfjs-cpu, `sampleAroundHost` goes one
 * step further and writes the population m + scale⊙z itself (every cpu op allocates a fresh array).
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
import type { Rng } from '../rng';
import { hostView, tensorFromHost } from './host-block';
import { hostNoiseTable, noiseTableSize } from './noise-table';
import { writeMemberRow } from './population-rows';

export { noiseTableSize } from './noise-table';

const HOST_MEMORY_BACKENDS = new Set(['cpu', 'wasm']);

/** Row layout of a population's noise (docs/ALGORITHMS.md §1.2): ±pairs 2k/2k+1, ±pairs k/k+P/2, or independent rows. */
export type NoiseLayout = 'interleaved' | 'blocked' | 'none';

const TABLE_SIZE = noiseTableSize();
const deviceTables = new Map<string, tf.Tensor1D>();

/** The kept table tensor on the current (GPU) backend. */
function deviceNoiseTable(backend: string): tf.Tensor1D {
  let t = deviceTables.get(backend);
  if (!t) {
    // WebGL refuses views of shared memory: upload a plain copy of a shared table.
    const table = hostNoiseTable();
    const plain = table.buffer instanceof ArrayBuffer ? table : table.slice();
    t = tf.keep(tf.tensor1d(plain, 'float32'));
    deviceTables.set(backend, t);
  }
  return t;
}

/** Frees the cached device tables (tests and benchmarks that switch backends). */
export function disposeNoiseTables(): void {
  for (const t of deviceTables.values()) t.dispose();
  deviceTables.clear();
}

/** Validates the block size and draws the `rows` table offsets (advances `rng` by `rows` draws). */
export function drawOffsets(rng: Rng, rows: number, dim: number): Int32Array {
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`sampleNormal: rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`sampleNormal: dim must be a positive integer, got ${dim}`);
  if (dim > TABLE_SIZE / 4) {
    throw new Error(`sampleNormal: dim ${dim} exceeds the noise table limit ${TABLE_SIZE / 4} (table size / 4)`);
  }
  const offsets = new Int32Array(rows);
  for (let r = 0; r < rows; r++) offsets[r] = rng.int(TABLE_SIZE - dim + 1);
  return offsets;
}

/** Offsets of a population's noise rows: P windows for 'none', P/2 (one per ± pair) for antithetic layouts. */
export function drawPopulationOffsets(rng: Rng, layout: NoiseLayout, popSize: number, dim: number): Int32Array {
  return drawOffsets(rng, layout === 'none' ? popSize : popSize / 2, dim);
}

/** [rows, dim] block of table windows on the GPU backend: one gather of offset_r + j. */
function deviceWindows(offsets: Int32Array, dim: number): tf.Tensor2D {
  const table = deviceNoiseTable(tf.getBackend());
  return tf.tidy(() => {
    const idx = tf.add(
      tf.tensor2d(offsets, [offsets.length, 1], 'int32'),
      tf.reshape(tf.range(0, dim, 1, 'int32'), [1, dim]),
    );
    return tf.gather(table, idx) as tf.Tensor as tf.Tensor2D;
  });
}

/**
 * A [rows, dim] block of standard normal noise drawn with `rng` (advances it by `rows` draws).
 * Same rng state ⇒ identical tensor. Throws if `dim` exceeds a quarter of the table: beyond that,
 * rows of one population would overlap too much.
 */
export function sampleNormal(rng: Rng, rows: number, dim: number): tf.Tensor2D {
  return noiseRows(drawOffsets(rng, rows, dim), dim);
}

/** The [offsets.length, dim] block of table windows starting at `offsets` (as `sampleNormal` builds it). */
export function noiseRows(offsets: Int32Array, dim: number): tf.Tensor2D {
  const rows = offsets.length;
  if (!HOST_MEMORY_BACKENDS.has(tf.getBackend())) return deviceWindows(offsets, dim);
  const table = hostNoiseTable();
  return tensorFromHost([rows, dim], (out) => {
    for (let r = 0; r < rows; r++) out.set(table.subarray(offsets[r], offsets[r] + dim), r * dim);
  }) as tf.Tensor2D;
}

/**
 * Antithetic unit noise [2·half, dim] (docs/ALGORITHMS.md §1.2) from `half` windows drawn exactly as
 * `sampleNormal(rng, half, dim)` draws them: 'interleaved' rows 2k/2k+1 = ±z_k, 'blocked' rows
 * k / k+half = ±z_k. Bit-identical to negating/concatenating/stacking that block with tfjs ops.
 */
export function sampleMirrored(rng: Rng, half: number, dim: number, layout: 'interleaved' | 'blocked'): tf.Tensor2D {
  return mirroredRows(drawOffsets(rng, half, dim), dim, layout);
}

/** Antithetic unit noise [2·offsets.length, dim] from the pair windows at `offsets` (as `sampleMirrored`). */
export function mirroredRows(offsets: Int32Array, dim: number, layout: 'interleaved' | 'blocked'): tf.Tensor2D {
  const half = offsets.length;
  const rows = 2 * half;
  if (!HOST_MEMORY_BACKENDS.has(tf.getBackend())) {
    const z = deviceWindows(offsets, dim);
    const out = tf.tidy(() => {
      const neg = tf.neg(z);
      return (
        layout === 'blocked' ? tf.concat([z, neg], 0) : tf.reshape(tf.stack([z, neg], 1), [rows, dim])
      ) as tf.Tensor2D;
    });
    z.dispose();
    return out;
  }
  const table = hostNoiseTable();
  return tensorFromHost([rows, dim], (out) => {
    for (let k = 0; k < half; k++) {
      const plus = layout === 'blocked' ? k : 2 * k;
      const minus = layout === 'blocked' ? k + half : 2 * k + 1;
      const src = table.subarray(offsets[k], offsets[k] + dim);
      out.set(src, plus * dim);
      const o = minus * dim;
      for (let j = 0; j < dim; j++) out[o + j] = -src[j];
    }
  }) as tf.Tensor2D;
}

/**
 * tfjs-cpu only: the population x = m + scale⊙z in ONE new array, with z the noise rows at `offsets` in
 * `layout` (drawn by `drawPopulationOffsets`), written by `writeMemberRow` (population-rows.ts): each value
 * is fl(m_j + fl(scale_j·z)), which is what tf.add(m, tf.mul(scale, z)) stores on tfjs-cpu (a float64
 * operation rounded to float32), so the result is bit-identical. Why: every tfjs-cpu op allocates a
 * fresh [P, d] output (41 MB at 128×80 000, ~150–200 ms of page faults here), three per ask otherwise.
 */
export function sampleAroundHost(
  offsets: Int32Array,
  popSize: number,
  dim: number,
  layout: NoiseLayout,
  mean: Float32Array,
  scale: Float32Array,
): tf.Tensor2D {
  const recipe = { layout, popSize, dim, offsets, mean, scale };
  return tensorFromHost([popSize, dim], (out) => {
    for (let p = 0; p < popSize; p++) writeMemberRow(recipe, p, out, p * dim);
  }) as tf.Tensor2D;
}

/**
 * m + scale⊙z and, when `mirrored`, m − scale⊙z for the table windows z at `offsets` ([offsets.length, d]
 * each), computed by the backend's kernels; the caller disposes them. The same values as building ±z first
 * and then m + scale⊙(±z) (or population-rows.ts's host loops), since fl(scale·(−z)) = −fl(scale·z) and
 * m + (−s) = m − s exactly. On wasm this is SIMD, ~0.05 ms per op at 32 × 6,634, where a JS loop over the
 * values costs ~2.5 ns each.
 */
export function windowsAround(
  mean: tf.Tensor1D,
  scale: number | tf.Tensor1D,
  offsets: Int32Array,
  dim: number,
  mirrored: boolean,
): { plus: tf.Tensor2D; minus: tf.Tensor2D | null } {
  const out = tf.tidy(() => {
    const s = tf.mul(scale, noiseRows(offsets, dim));
    return mirrored ? [tf.add(mean, s), tf.sub(mean, s)] : [tf.add(mean, s)];
  }) as tf.Tensor2D[];
  return { plus: out[0], minus: out[1] ?? null };
}

/**
 * wasm only: the antithetic population x = m ± scale⊙z (docs/ALGORITHMS.md §1.2) from the P/2 pair windows
 * at `offsets` (`windowsAround`), its rows then copied into place. Why: the JS loop that negated half the
 * windows cost ~2.7 ns per value, more than all the kernels together.
 */
export function mirroredPopulationWasm(
  mean: tf.Tensor1D,
  scale: number | tf.Tensor1D,
  offsets: Int32Array,
  dim: number,
  layout: 'interleaved' | 'blocked',
): tf.Tensor2D {
  const half = offsets.length;
  const { plus, minus } = windowsAround(mean, scale, offsets, dim, true);
  try {
    return tensorFromHost([2 * half, dim], (out) => {
      const p = hostView(plus)!,
        m = hostView(minus!)!;
      if (layout === 'blocked') {
        out.set(p, 0);
        out.set(m, half * dim);
        return;
      }
      for (let k = 0; k < half; k++) {
        out.set(p.subarray(k * dim, (k + 1) * dim), 2 * k * dim);
        out.set(m.subarray(k * dim, (k + 1) * dim), (2 * k + 1) * dim);
      }
    }) as tf.Tensor2D;
  } finally {
    tf.dispose(minus ? [plus, minus] : [plus]);
  }
}
