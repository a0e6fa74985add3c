/**
 * Chart rows for the analysis views (STYLE.md §11: charts only draw what tested functions return). The
 * numbers themselves come from core/analysis via the worker jobs; this module only arranges them: LMC
 * paths as error (vision, E = 1 − acc, docs/ALGORITHMS.md §6) or return curves per α, fitted parabolas a·ξ² + b·ξ + c
 * next to the measured profile (docs/ALGORITHMS.md §7), curvature per round, a 2-D surface as a top-down raster, and
 * per-round correlation summaries (docs/ALGORITHMS.md §8.1). Pure, tested in Node.
 */
import type { LandscapeJobResult, LmcJobResult, CorrelationJobResult } from '../../protocol/worker-protocol';
import type { QuadraticFit } from '../../core/analysis/quadratic-fit';

/** The metric an LMC chart plots: test error for classification, mean return for control. */
export function lmcMetric(res: LmcJobResult): { key: 'error' | 'return'; label: string } {
  return res.matrix.pairs[0]?.path.barrierKind === 'return'
    ? { key: 'return', label: 'mean test return' }
    : { key: 'error', label: 'test error (1 − accuracy)' };
}

/** One row per α with one column per pair ("r1–r3"), holding error or return along that path. */
export function lmcCurveRows(res: LmcJobResult): { rows: Record<string, number>[]; series: string[] } {
  const { key } = lmcMetric(res);
  const pairs = res.matrix.pairs;
  const series = pairs.map((p) => `${res.matrix.labels[p.i]}–${res.matrix.labels[p.j]}`);
  const alphas = pairs[0]?.path.alphas ?? [];
  const rows = alphas.map((alpha, a) => {
    const row: Record<string, number> = { alpha };
    pairs.forEach((p, s) => {
      row[series[s]] = key === 'error' ? 1 - p.path.perf[a] : p.path.perf[a];
    });
    return row;
  });
  return { rows, series };
}

/** Per pair: where the path is worst (α, value) and its barrier, for marking on the chart and the table. */
export function lmcBarrierMarks(
  res: LmcJobResult,
): { series: string; alpha: number; value: number; barrier: number }[] {
  const { key } = lmcMetric(res);
  return res.matrix.pairs.map((p) => {
    const a = p.path.alphas.indexOf(p.path.worstAlpha);
    return {
      series: `${res.matrix.labels[p.i]}–${res.matrix.labels[p.j]}`,
      alpha: p.path.worstAlpha,
      value: key === 'error' ? 1 - p.path.perf[a] : p.path.perf[a],
      barrier: p.path.barrier,
    };
  });
}

/** The fitted parabola at each ξ. */
export function parabolaAt(fit: Pick<QuadraticFit, 'a' | 'b' | 'c'>, xi: number): number {
  return fit.a * xi * xi + fit.b * xi + fit.c;
}

/** Rows {xi, d0, fit0, d1, fit1, …}: measured loss and fitted parabola per direction at one round. */
export function profileRows(
  round: LandscapeJobResult['rounds'][number],
  xis: readonly number[],
): Record<string, number>[] {
  return xis.map((xi, k) => {
    const row: Record<string, number> = { xi };
    round.landscape.profiles.forEach((p, d) => {
      row[`d${d}`] = p.loss[k];
      row[`fit${d}`] = parabolaAt(p.fit, xi);
    });
    return row;
  });
}

/** Sharpness a (mean ± s.e. over directions) per round, with the error-bar range. */
export function curvatureRows(
  res: LandscapeJobResult,
): { roundNum: number; remainingPct: number; a: number; se: number; lo: number; hi: number; minR2: number }[] {
  return res.rounds.map((r) => {
    const { mean, se } = r.landscape.curvature;
    const s = Number.isFinite(se) ? se : 0;
    return {
      roundNum: r.roundNum,
      remainingPct: 100 * (1 - r.sparsityFrac),
      a: mean,
      se,
      lo: mean - s,
      hi: mean + s,
      minR2: Math.min(...r.landscape.profiles.map((p) => p.fit.r2)),
    };
  });
}

/**
 * x-major grid values (v[ix·ny + iy] at (xs[ix], ys[iy]), Surface2D's layout) → a row-major raster of
 * width nx whose top row is the largest y (so the image has y pointing up).
 */
export function surfaceRaster(values: ArrayLike<number>, nx: number, ny: number): Float64Array {
  if (values.length !== nx * ny) throw new Error(`surfaceRaster: ${values.length} values for ${nx}×${ny}`);
  const out = new Float64Array(nx * ny);
  for (let ix = 0; ix < nx; ix++) for (let iy = 0; iy < ny; iy++) out[(ny - 1 - iy) * nx + ix] = values[ix * ny + iy];
  return out;
}

/** Per (method, round): mean Pearson, Spearman and agreement over seeds, with s.e. — the Fig. 7 curves. */
export function correlationRoundRows(res: CorrelationJobResult): Record<string, number | string>[] {
  const rounds = [...new Set(res.rows.map((r) => r.roundNum))].sort((a, b) => a - b);
  const methods = [...new Set(res.rows.map((r) => r.method))];
  return rounds.map((roundNum) => {
    const row: Record<string, number | string> = { roundNum };
    for (const m of methods) {
      const p = res.summary.pearson.find((s) => s.method === m && s.roundNum === roundNum);
      const s = res.summary.spearman.find((x) => x.method === m && x.roundNum === roundNum);
      if (p) {
        row[`${m} pearson`] = p.mean;
        row[`${m} pearson se`] = p.se;
      }
      if (s) {
        row[`${m} spearman`] = s.mean;
      }
    }
    return row;
  });
}

/** Scatter points {magnitude, snr} of one round's downsampled sample. */
export function scatterPoints(row: CorrelationJobResult['rows'][number]): { magnitude: number; snr: number }[] {
  return Array.from(row.scatter.magnitude, (m, i) => ({ magnitude: m, snr: row.scatter.snr[i] }));
}
