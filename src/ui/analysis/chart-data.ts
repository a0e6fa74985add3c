/**
 * Chart rows for the analysis views (docs/ARCHITECTURE.md convention 11: charts only draw what tested functions
 * return). The
 * numbers themselves come from the core analyses (src/core/analysis/analyses) via the worker; this module
 * only arranges them: LMC paths as error (vision, E = 1 − acc, docs/ALGORITHMS.md §6) or return curves per
 * α with both barrier readings per pair, fitted parabolas a·ξ² + b·ξ + c next to the measured profile
 * (docs/ALGORITHMS.md §7), a 2-D surface as a top-down raster, per-round correlation summaries
 * (docs/ALGORITHMS.md §8.1) and per-layer weight statistics by round. Pure, tested in Node.
 */
import type {
  CorrelationResult,
  LandscapeRound,
  LmcGroup,
  LmcNet,
  LmcResult,
  WeightsResult,
} from '../../core/analysis/analyses';
import type { QuadraticFit } from '../../core/analysis/quadratic-fit';
import { methodName } from '../../core/names';

/** The metric an LMC chart plots: test error for classification, mean return for control. */
export function lmcMetric(res: Pick<LmcResult, 'barrierKind'>): { key: 'error' | 'return'; label: string } {
  return res.barrierKind === 'return'
    ? { key: 'return', label: 'mean test return' }
    : { key: 'error', label: 'test error (1 − accuracy)' };
}

const seriesOf = (g: LmcGroup, p: { i: number; j: number }) => `${g.nets[p.i].label}–${g.nets[p.j].label}`;

/** One row per α with one column per pair of the group ("r1–r3"), holding error or return along that path. */
export function lmcCurveRows(
  res: Pick<LmcResult, 'barrierKind'>,
  g: LmcGroup,
): { rows: Record<string, number>[]; series: string[] } {
  const { key } = lmcMetric(res);
  const pairs = g.matrix.pairs;
  const series = pairs.map((p) => seriesOf(g, p));
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

export interface LmcMark {
  readonly series: string;
  /** Worst point of the path (max error / min return) within [0, 1]. */
  readonly alpha: number;
  readonly value: number;
  readonly endpointBarrier: number;
  readonly excessBarrier: number;
  readonly connected: boolean | null;
  /** Control: B_R ÷ |the source chain's dense round-1 return|; NaN for vision or without round 1 selected. */
  readonly normalisedBarrier: number;
}

/** Per pair of the group: where the path is worst and both barrier readings (chart marks and the table). */
export function lmcBarrierMarks(res: Pick<LmcResult, 'barrierKind'>, g: LmcGroup): LmcMark[] {
  const { key } = lmcMetric(res);
  return g.matrix.pairs.map((p) => {
    const a = p.path.alphas.indexOf(p.path.worstAlpha);
    return {
      series: seriesOf(g, p),
      alpha: p.path.worstAlpha,
      value: key === 'error' ? 1 - p.path.perf[a] : p.path.perf[a],
      endpointBarrier: p.path.endpointBarrier,
      excessBarrier: p.path.excessBarrier,
      connected: p.path.connected,
      normalisedBarrier: p.path.normalisedBarrier,
    };
  });
}

/** A network of an LMC group as students read it: "round 3", "seed 1", "Ticket (magnitude pruning), round 3 (run 2)". */
export function lmcNetName(g: Pick<LmcGroup, 'kind'>, n: LmcNet): string {
  if (g.kind === 'rounds') return `round ${n.roundNum}`;
  if (g.kind === 'seeds') return `seed ${n.seed}`;
  return `${methodName(n.method)}, round ${n.roundNum}${n.run ? ' (other run)' : ''}`;
}

/** A group's title in names, not ids: "rounds of Ticket (magnitude pruning), seed 0". */
export function lmcGroupTitle(g: LmcGroup): string {
  if (g.kind === 'rounds') return `rounds of ${methodName(g.method)}, seed ${g.seed}`;
  if (g.kind === 'seeds') return `${methodName(g.method)} at round ${g.roundNum}: different seeds`;
  return `${methodName(g.method)} vs ${methodName(g.methodB ?? g.method)} (other run), seed ${g.seed}, round ${g.roundNum}`;
}

/**
 * How the LMC chart colours a group's paths so they stay tellable apart: the rounds of one chain are
 * grouped by how many rounds apart the two networks are (15 pairs of 6 rounds → 5 colours, one legend entry
 * each); other comparisons (seeds, two runs) have one colour per pair. Keys match lmcCurveRows' series;
 * names are what students read ("round 1 ↔ round 3").
 */
export function lmcPairGroups(
  g: LmcGroup,
): { key: string; name: string; group: number; groupLabel: string; groups: number }[] {
  const byDistance = g.kind === 'rounds';
  const out = g.matrix.pairs.map((p, n) => {
    const d = p.j - p.i;
    const key = seriesOf(g, p);
    const name = `${lmcNetName(g, g.nets[p.i])} ↔ ${lmcNetName(g, g.nets[p.j])}`;
    return byDistance
      ? { key, name, group: d, groupLabel: `${d} round${d === 1 ? '' : 's'} apart` }
      : { key, name, group: n + 1, groupLabel: name };
  });
  const groups = new Set(out.map((o) => o.group)).size;
  return out.map((o) => ({ ...o, groups }));
}

/** The fitted parabola at each ξ. */
export function parabolaAt(fit: Pick<QuadraticFit, 'a' | 'b' | 'c'>, xi: number): number {
  return fit.a * xi * xi + fit.b * xi + fit.c;
}

/** Rows {xi, d0, fit0, d1, fit1, …}: measured loss and fitted parabola per direction at one round. */
export function profileRows(
  round: Pick<LandscapeRound, 'landscape'>,
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

/** Per round: mean Pearson (± s.e.) and Spearman over seeds for each chain — the Fig. 7 curves. */
export function correlationRoundRows(res: Pick<CorrelationResult, 'rows' | 'summary'>): Record<string, number>[] {
  const rounds = [...new Set(res.rows.map((r) => r.roundNum))].sort((a, b) => a - b);
  const methods = [...new Set(res.rows.map((r) => r.method))];
  return rounds.map((roundNum) => {
    const row: Record<string, number> = { roundNum };
    for (const m of methods) {
      const p = res.summary.pearson.find((s) => s.method === m && s.roundNum === roundNum);
      const s = res.summary.spearman.find((x) => x.method === m && x.roundNum === roundNum);
      if (p?.n) {
        row[`${m} pearson`] = p.mean;
        row[`${m} pearson se`] = p.se;
      }
      if (s?.n) row[`${m} spearman`] = s.mean;
    }
    return row;
  });
}

/** Scatter points {magnitude, snr} of one round's downsampled sample. */
export function scatterPoints(row: CorrelationResult['rows'][number]): { magnitude: number; snr: number }[] {
  return Array.from(row.scatter.magnitude, (m, i) => ({ magnitude: m, snr: row.scatter.snr[i] }));
}

export type WeightStat = 'remainingFrac' | 'meanAbs' | 'mean';

/** Series names of a weights result: the chain, with (A)/(B) when two runs are compared. */
export function weightSeries(
  res: Pick<WeightsResult, 'summary' | 'runLabels'>,
): { run: number; method: string; name: string }[] {
  const two = res.runLabels.length > 1;
  return [...new Map(res.summary.map((s) => [`${s.run}/${s.method}`, s])).values()].map((s) => ({
    run: s.run,
    method: s.method,
    name: two ? `${methodName(s.method)} (${res.runLabels[s.run]})` : methodName(s.method),
  }));
}

/** One row per round for one layer and statistic: {roundNum, remainingPct, <series>: mean, '<series> se': s.e.}. */
export function weightChartRows(
  res: Pick<WeightsResult, 'summary' | 'runLabels'>,
  layer: string,
  stat: WeightStat,
): Record<string, number>[] {
  const at = res.summary.filter((s) => s.layer === layer);
  const rounds = [...new Set(at.map((s) => s.roundNum))].sort((a, b) => a - b);
  const series = weightSeries(res);
  return rounds.map((roundNum) => {
    const row: Record<string, number> = { roundNum };
    for (const c of series) {
      const s = at.find((x) => x.run === c.run && x.method === c.method && x.roundNum === roundNum);
      if (!s || !s[stat].n) continue;
      const scale = stat === 'remainingFrac' ? 100 : 1;
      row[c.name] = scale * s[stat].mean;
      row[`${c.name} se`] = scale * s[stat].se;
    }
    return row;
  });
}
