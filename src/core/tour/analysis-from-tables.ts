/**
 * Builds the rows of a tour analysis file (analysis-file.ts) from the tables the CLI already writes, so the
 * tour's connectivity, flatness and transfer steps show measured numbers without running anything again:
 * `lab lmc` (lmc.csv within one run, lmc-runs-<B>.csv between two runs; both barrier readings,
 * docs/ALGORITHMS.md §6), `lab landscape` (landscape-*.csv, sharpness of 1-D slices, §7) and the rounds.csv
 * of transfer and IMP runs (§5). Pure: parsed CSV tables in, rows out; `lab tour-evidence` does the files.
 */
import { typedRows, type CsvTable } from '../runs/csv-format';
import type { LmcRow, SharpnessRow, TransferRow } from './analysis-file';

const num = { kind: 'number' } as const;
const int = { kind: 'number', integer: true, min: 0 } as const;
const frac = { kind: 'number', min: 0, max: 1 } as const;
const chainText = { kind: 'text', pattern: /^[a-z][a-z0-9_]{0,63}$/, hint: 'a chain id' } as const;
/** Weights remaining % from a sparsity fraction, to 3 decimals (the tables keep 4 decimals of sparsity). */
export const pctOf = (sparsity: number): number => Math.round(1e5 * (1 - sparsity)) / 1e3;

/** Rows of a within-run lmc.csv ('rounds' and 'seeds' pairs of every chain it holds). */
export function lmcRowsWithinRun(t: CsvTable): LmcRow[] {
  const rows = typedRows(t, {
    method: chainText,
    pair: { kind: 'text', pattern: /^(rounds|seeds)$/, hint: '"rounds" or "seeds"' },
    seed_a: int,
    seed_b: int,
    round_a: int,
    round_b: int,
    sparsity_a: frac,
    sparsity_b: frac,
    endpoint_barrier: num,
    excess_barrier: num,
  });
  return rows.map((r) => ({
    pair: r.pair as 'rounds' | 'seeds',
    chain: r.method,
    seedA: r.seed_a,
    seedB: r.seed_b,
    roundA: r.round_a,
    roundB: r.round_b,
    remainingPctA: pctOf(r.sparsity_a),
    remainingPctB: pctOf(r.sparsity_b),
    barrier: r.endpoint_barrier,
    excessBarrier: r.excess_barrier,
  }));
}

/** Rows of an lmc-runs-<B>.csv: ES network (chain) vs GD network (chainB) of the same seed and round. */
export function lmcRowsEsVsGd(t: CsvTable, chain: string, chainB: string): LmcRow[] {
  const rows = typedRows(t, {
    seed: int,
    round: int,
    sparsity_a: frac,
    sparsity_b: frac,
    endpoint_barrier: num,
    excess_barrier: num,
  });
  return rows.map((r) => ({
    pair: 'es-gd' as const,
    chain,
    chainB,
    seedA: r.seed,
    seedB: r.seed,
    roundA: r.round,
    roundB: r.round,
    remainingPctA: pctOf(r.sparsity_a),
    remainingPctB: pctOf(r.sparsity_b),
    barrier: r.endpoint_barrier,
    excessBarrier: r.excess_barrier,
  }));
}

/** Rows of a landscape-*.csv: the mean sharpness over directions of each chain, seed and round. */
export function sharpnessRows(t: CsvTable, norm: SharpnessRow['norm']): SharpnessRow[] {
  const rows = typedRows(t, { method: chainText, seed: int, round: int, sparsity: frac, a_mean: num, a_se: num });
  return rows.map((r) => ({
    chain: r.method,
    seed: r.seed,
    roundNum: r.round,
    remainingPct: pctOf(r.sparsity),
    a: r.a_mean,
    aSe: r.a_se,
    norm,
  }));
}

/** One finished round of a run folder (rounds.csv): chain, seed, round, weights remaining %, final test result. */
export interface RoundResult {
  readonly seed: number;
  readonly method: string;
  readonly round: number;
  readonly remaining: number;
  readonly perf: number;
}

/** The (seed, method, round, remaining %, final test metric) of every row of a rounds.csv. */
export function roundResults(t: CsvTable): RoundResult[] {
  return typedRows(t, {
    seed: int,
    method: chainText,
    round: int,
    remaining_pct: { kind: 'number', min: 0, max: 100 },
    final_perf: num,
  }).map((r) => ({ seed: r.seed, method: r.method, round: r.round, remaining: r.remaining_pct, perf: r.final_perf }));
}

export interface TransferSpec {
  readonly kind: TransferRow['kind'];
  readonly label: string;
  /** Chain id of the transferred ticket in the transfer run, e.g. 'transfer_snr' or 'gd_transfer_snr'. */
  readonly ticket: string;
  /** Chain id of the target's random mask + new weights, e.g. 'random_reinit' or 'gd_random_reinit'. */
  readonly baseline: string;
  /** Chain id of the target's own ticket in `native` rows (e.g. 'snr', 'gd_magnitude'), when given. */
  readonly nativeChain?: string;
}

/**
 * One transfer row per transferred ticket (seed, source round): its result, the baseline's at the same
 * seed and round, and the target's own ticket at the same seed and round when `native` rows are given
 * (same network and pruning schedule, so the same sparsity; a native row at another sparsity is ignored).
 */
export function transferRows(
  transfer: readonly RoundResult[],
  spec: TransferSpec,
  native: readonly RoundResult[] = [],
) {
  const find = (rows: readonly RoundResult[], method: string, seed: number, round: number) =>
    rows.find((r) => r.method === method && r.seed === seed && r.round === round);
  const out: TransferRow[] = [];
  for (const t of transfer.filter((r) => r.method === spec.ticket)) {
    const base = find(transfer, spec.baseline, t.seed, t.round);
    if (!base) continue;
    const own = spec.nativeChain ? find(native, spec.nativeChain, t.seed, t.round) : undefined;
    const sameSparsity = own && Math.abs(own.remaining - t.remaining) < 0.01; // rounds.csv keeps 3 decimals
    out.push({
      kind: spec.kind,
      label: spec.label,
      seed: t.seed,
      roundNum: t.round,
      remainingPct: t.remaining,
      ticket: t.perf,
      baseline: base.perf,
      ...(own && sameSparsity ? { native: own.perf } : {}),
    });
  }
  return out;
}
