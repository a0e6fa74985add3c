/**
 * The shared Gaussian noise table of every strategy's population noise (docs/ALGORITHMS.md §1.1;
 * Salimans et al. 2017 §2.1 "shared noise table"; noise.ts explains the design). 2^22 float32 N(0, 1)
 * values from a FIXED seed, built once per thread. Evaluation workers of a population split can adopt
 * the table of the thread that started them (`adoptNoiseTable`) instead of drawing the 4M normals again.
 */
import { Rng } from '../rng';

/** Entries in the shared table (2^22 float32 = 16 MiB). */
const TABLE_SIZE = 1 << 22;
/** Fixed seed of the table: it is part of the lab's definition of "the noise", never user-chosen. */
const TABLE_SEED = 0x5eed2017;
/** Leading entries compared when a table built elsewhere is adopted. */
const CHECKED_ENTRIES = 64;

let hostTable: Float32Array | null = null;

/** Number of N(0,1) entries in the shared noise table. */
export function noiseTableSize(): number {
  return TABLE_SIZE;
}

/**
 * The host-side table (built on first use, ~0.2–0.5 s). Where the platform has SharedArrayBuffer (Node,
 * cross-origin-isolated pages) the table lives in one, so posting it to a worker shares it without a copy.
 */
export function hostNoiseTable(): Float32Array {
  if (!hostTable) {
    const bytes = TABLE_SIZE * Float32Array.BYTES_PER_ELEMENT;
    const table = new Float32Array(
      typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes),
    );
    new Rng(TABLE_SEED).fillNormal(table);
    hostTable = table;
  }
  return hostTable;
}

/**
 * Uses `table` (e.g. a SharedArrayBuffer view or a copy posted by the thread that built it) as this
 * thread's noise table. Refused (false) unless its size and first entries are the table's.
 */
export function adoptNoiseTable(table: Float32Array): boolean {
  if (hostTable) return true;
  if (table.length !== TABLE_SIZE) return false;
  const head = new Float32Array(CHECKED_ENTRIES);
  new Rng(TABLE_SEED).fillNormal(head);
  for (let i = 0; i < CHECKED_ENTRIES; i++) if (head[i] !== table[i]) return false;
  hostTable = table;
  return true;
}
