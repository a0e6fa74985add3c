/**
 * Sparsity-curve summaries across seeds (docs/ALGORITHMS.md §9.3 "Reporting": mean over seeds, band ±
 * s.e.; §10 R1/R3): per (method, round) the mean, standard deviation and standard error of the final test
 * performance, and the ticket effect = Perf(ticket) − Perf(baseline) at matched rounds. Used by the CLI's
 * `summarize` command (docs/RESULTS.md) and by the UI's seed bands, so both show the same numbers.
 */

export interface RoundPerf {
  readonly seed: number;
  readonly method: string;
  readonly roundNum: number;
  readonly sparsityFrac: number;
  readonly perf: number;
}

export interface CurvePoint {
  readonly method: string;
  readonly roundNum: number;
  readonly remainingPct: number;
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 for a single seed. */
  readonly sd: number;
  readonly se: number;
  readonly perSeed: readonly { seed: number; perf: number }[];
}

/** Mean ± sd/se of performance per method and round, sorted by method (first-seen order) then round. */
export function summarizeCurves(rows: readonly RoundPerf[]): CurvePoint[] {
  const groups = new Map<string, RoundPerf[]>();
  for (const r of rows) {
    const key = `${r.method}\u0000${r.roundNum}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const methods = [...new Set(rows.map((r) => r.method))];
  const out: CurvePoint[] = [];
  for (const [, g] of groups) {
    const n = g.length;
    const mean = g.reduce((s, r) => s + r.perf, 0) / n;
    const sd = n > 1 ? Math.sqrt(g.reduce((s, r) => s + (r.perf - mean) ** 2, 0) / (n - 1)) : 0;
    out.push({
      method: g[0].method,
      roundNum: g[0].roundNum,
      remainingPct: 100 * (1 - g[0].sparsityFrac),
      n,
      mean,
      sd,
      se: sd / Math.sqrt(n),
      perSeed: g.map((r) => ({ seed: r.seed, perf: r.perf })).sort((a, b) => a.seed - b.seed),
    });
  }
  return out.sort((a, b) => methods.indexOf(a.method) - methods.indexOf(b.method) || a.roundNum - b.roundNum);
}

/**
 * Per round: mean over seeds of Perf(method) − Perf(baseline), paired by seed (only seeds that have
 * both). NaN where no seed has both.
 */
export function effectOver(
  rows: readonly RoundPerf[],
  method: string,
  baseline: string,
): { roundNum: number; mean: number; min: number; n: number }[] {
  const at = (m: string) => new Map(rows.filter((r) => r.method === m).map((r) => [`${r.seed}/${r.roundNum}`, r.perf]));
  const a = at(method),
    b = at(baseline);
  const rounds = [...new Set(rows.map((r) => r.roundNum))].sort((x, y) => x - y);
  return rounds.map((roundNum) => {
    const diffs: number[] = [];
    for (const [k, v] of a) if (k.endsWith(`/${roundNum}`) && b.has(k)) diffs.push(v - b.get(k)!);
    return {
      roundNum,
      n: diffs.length,
      mean: diffs.length ? diffs.reduce((s, d) => s + d, 0) / diffs.length : NaN,
      min: diffs.length ? Math.min(...diffs) : NaN,
    };
  });
}
