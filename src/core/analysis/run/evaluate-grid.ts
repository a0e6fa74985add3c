/**
 * Grid-as-population evaluation (docs/ALGORITHMS.md §6–7): every analysis grid — an α path, a
 * 1-D projection, a 2-D surface — is a set of parameter vectors, i.e. a population [N, D]. It is pushed
 * through the task's test protocol (`TaskInstance.evaluateTest`) in chunks of rows, with a progress
 * callback and a cancel gate between chunks. Each chunk's tensor is disposed before the next one is made,
 * so the tfjs tensor count stays flat however large the grid.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PopulationNet } from '../../nets/types';
import type { TaskInstance } from '../../tasks/types';

/** Rows evaluated per `evaluateTest` call when the caller does not say (bounded activations, frequent progress). */
export const DEFAULT_CHUNK_ROWS = 16;

/** Options every grid analysis accepts. */
export interface GridRunOptions {
  /** Called after each chunk with the rows done so far and the total (for progress bars). */
  readonly onProgress?: (doneRows: number, totalRows: number) => void;
  /** Awaited between chunks: the worker's pause/cancel point (throw from it to cancel). */
  readonly gate?: () => Promise<void> | void;
  /** Rows per evaluateTest call (default DEFAULT_CHUNK_ROWS). */
  readonly chunkRows?: number;
}

/** The task and network a grid is evaluated through. */
export interface GridTarget {
  readonly task: TaskInstance;
  readonly net: PopulationNet;
}

/** Test metrics of every row: perf (accuracy or mean return) and loss (cross-entropy or −return). */
export interface GridMetrics {
  readonly perf: Float64Array;
  readonly loss: Float64Array;
}

/**
 * Evaluates the row-major population `rows` [N, net.paramCount] on the task's test protocol.
 * Row i of the result is exactly what evaluating row i on its own would give (tested), because the
 * test protocol is deterministic and per-row.
 * @param progress lets a caller that evaluates several grids report one overall bar (rows before this grid, all rows).
 */
export async function evaluateRows(
  target: GridTarget,
  rows: Float32Array,
  opts: GridRunOptions = {},
  progress: { offset: number; total: number } | undefined = undefined,
): Promise<GridMetrics> {
  const D = target.net.paramCount;
  if (rows.length % D !== 0)
    throw new Error(`evaluateRows: ${rows.length} values is not a whole number of rows of D = ${D}`);
  const n = rows.length / D;
  const chunk = opts.chunkRows ?? DEFAULT_CHUNK_ROWS;
  if (!Number.isInteger(chunk) || chunk < 1)
    throw new Error(`evaluateRows: chunkRows must be an integer ≥ 1, got ${chunk}`);
  const perf = new Float64Array(n),
    loss = new Float64Array(n);
  const offset = progress?.offset ?? 0,
    total = progress?.total ?? n;
  for (let start = 0; start < n; start += chunk) {
    if (opts.gate) await opts.gate();
    const size = Math.min(chunk, n - start);
    const t = tf.tensor2d(rows.subarray(start * D, (start + size) * D), [size, D]);
    try {
      const res = await target.task.evaluateTest(target.net, t);
      for (let i = 0; i < size; i++) {
        perf[start + i] = res[i].perf;
        loss[start + i] = res[i].loss;
      }
    } finally {
      t.dispose();
    }
    opts.onProgress?.(offset + start + size, total);
  }
  return { perf, loss };
}

/**
 * Evaluates several grids as one job: one progress bar over all their rows, one gate. Grids are
 * generated lazily (`make()` is called just before a grid is evaluated) so only one grid's rows are in
 * memory at a time.
 */
export async function evaluateGrids(
  target: GridTarget,
  grids: readonly { readonly rowCount: number; make(): Float32Array }[],
  opts: GridRunOptions = {},
): Promise<GridMetrics[]> {
  const total = grids.reduce((s, g) => s + g.rowCount, 0);
  const out: GridMetrics[] = [];
  let offset = 0;
  for (const g of grids) {
    const rows = g.make();
    if (rows.length !== g.rowCount * target.net.paramCount)
      throw new Error(`evaluateGrids: grid made ${rows.length / target.net.paramCount} rows, declared ${g.rowCount}`);
    out.push(await evaluateRows(target, rows, opts, { offset, total }));
    offset += g.rowCount;
  }
  return out;
}
