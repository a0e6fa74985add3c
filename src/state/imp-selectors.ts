/**
 * Chart data from round records (docs/ARCHITECTURE.md convention 11: numbers a chart shows come from a tested
 * function, never computed in JSX). The sparsity chart (paper Fig. 2/3 style): x = weights remaining
 * (%), y = final test performance, one curve per pruning method; with several seeds the curve is the
 * mean over seeds with a ±1 standard-deviation band (sample s.d., n − 1), per-seed curves on demand.
 */
import type { RoundRecord } from '../core/experiments/events';

/** One x position (a round) of the sparsity chart; per-method keys are filled below. */
export interface SparsityRow {
  readonly roundNum: number;
  readonly remainingPct: number;
  /** `<method>` → mean finalPerf; `<method>:band` → [lo, hi]; `<method>#<seed>` → that seed's finalPerf. */
  readonly [key: string]: number | readonly [number, number];
}

export interface SparsityCurves {
  readonly methods: readonly string[];
  readonly seeds: readonly number[];
  readonly rows: readonly SparsityRow[];
}

/** Mean and sample standard deviation (0 for a single value). */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const std = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, std };
}

/**
 * Rows by round (sorted by roundNum) with, per method present at that round, the mean over the seeds
 * that finished it, the ±1 s.d. band and each seed's value. Methods keep first-seen order.
 */
export function sparsityCurves(records: readonly RoundRecord[]): SparsityCurves {
  const methods: string[] = [];
  const seeds: number[] = [];
  const byRound = new Map<number, RoundRecord[]>();
  for (const r of records) {
    if (!methods.includes(r.method)) methods.push(r.method);
    if (!seeds.includes(r.seed)) seeds.push(r.seed);
    byRound.set(r.roundNum, [...(byRound.get(r.roundNum) ?? []), r]);
  }
  const rows = [...byRound.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([roundNum, rs]) => {
      const row: Record<string, number | readonly [number, number]> = {
        roundNum,
        remainingPct: 100 * (1 - rs[0].sparsityFrac),
      };
      for (const m of methods) {
        const mine = rs.filter((r) => r.method === m && Number.isFinite(r.finalPerf));
        if (!mine.length) continue;
        const { mean, std } = meanStd(mine.map((r) => r.finalPerf));
        row[m] = mean;
        row[`${m}:band`] = [mean - std, mean + std];
        for (const r of mine) row[`${m}#${r.seed}`] = r.finalPerf;
      }
      return row as SparsityRow;
    });
  return { methods, seeds: seeds.sort((a, b) => a - b), rows };
}

/** Seeds behind each point of a row: the fewest and most over its methods (NaN rounds do not count). */
function seedsPerPoint(curves: SparsityCurves, row: SparsityRow): { min: number; max: number } | null {
  const counts = curves.methods
    .filter((m) => typeof row[m] === 'number')
    .map((m) => curves.seeds.filter((seed) => typeof row[`${m}#${seed}`] === 'number').length);
  return counts.length ? { min: Math.min(...counts), max: Math.max(...counts) } : null;
}

/**
 * Says which rounds' points average fewer seeds than the chart holds (a seed that stopped early, or one
 * still running): their mean ± s.d. is drawn like the others, so the caption names them, e.g. "rounds 4–6:
 * 2 of 3 seeds". Null when every point averages every seed.
 */
export function fewerSeedsText(curves: SparsityCurves): string | null {
  const total = curves.seeds.length;
  if (total < 2) return null;
  const groups: { from: number; to: number; what: string }[] = [];
  for (const row of curves.rows) {
    const n = seedsPerPoint(curves, row);
    if (!n || n.min === total) continue;
    const what = n.min === n.max ? `${n.min} of ${total} seeds` : `${n.min}–${n.max} of ${total} seeds, by method`;
    const last = groups[groups.length - 1];
    if (last && last.what === what && last.to === row.roundNum - 1) last.to = row.roundNum;
    else groups.push({ from: row.roundNum, to: row.roundNum, what });
  }
  if (!groups.length) return null;
  const parts = groups.map((g) => `${g.from === g.to ? `round ${g.from}` : `rounds ${g.from}–${g.to}`}: ${g.what}`);
  return `Not every seed has finished every round, so some points average fewer seeds (${parts.join('; ')}).`;
}

/** σ statistics per round and method (mean over seeds of the per-round mean / median σ of active weights). */
export interface SigmaRow {
  readonly roundNum: number;
  readonly method: string;
  readonly sigmaMean: number;
  readonly sigmaMedian: number;
  readonly sigmaMin: number;
  readonly sigmaMax: number;
}

export function sigmaRows(records: readonly RoundRecord[]): SigmaRow[] {
  const groups = new Map<string, RoundRecord[]>();
  for (const r of records) {
    // shared round-1 records carry one σ: show it once, under the first chain that trained it
    if (r.sharedWith && r.sharedWith[0] !== r.method) continue;
    const k = `${r.roundNum}\u0000${r.method}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()]
    .map((rs) => ({
      roundNum: rs[0].roundNum,
      method: rs[0].method,
      sigmaMean: meanStd(rs.map((r) => r.sigmaStats.mean)).mean,
      sigmaMedian: meanStd(rs.map((r) => r.sigmaStats.median)).mean,
      sigmaMin: Math.min(...rs.map((r) => r.sigmaStats.min)),
      sigmaMax: Math.max(...rs.map((r) => r.sigmaStats.max)),
    }))
    .sort((a, b) => a.roundNum - b.roundNum || a.method.localeCompare(b.method));
}

/** Evenly thins a series to at most `max` points, always keeping the last. Pure. */
export function thin<T>(all: readonly T[], max: number): readonly T[] {
  if (all.length <= max) return all;
  const stride = Math.ceil(all.length / max);
  const out = all.filter((_, i) => i % stride === 0);
  if (out[out.length - 1] !== all[all.length - 1]) out.push(all[all.length - 1]);
  return out;
}
