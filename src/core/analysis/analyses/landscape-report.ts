/**
 * Tables of the landscape analysis (docs/ALGORITHMS.md §7): one CSV row per (run, seed, round) with the
 * sharpness of every direction, the per-round sharpness summary the charts draw (sharpnessRows), and the
 * markdown docs/RESULTS.md quotes — per seed for one run, or the two runs side by side (ES vs GD, R10).
 */
import type { LandscapeResult } from './landscape';
import { fmt, markdownTable, meanSe, remainingByRun, remainingPct } from './report';
import type { AnalysisReport, Cell } from './types';

export interface SharpnessRow {
  readonly run: number;
  readonly roundNum: number;
  readonly remainingPct: number;
  /** Sharpness a: mean over seeds of each seed's mean over directions (one seed: that seed's mean). */
  readonly a: number;
  /** s.e. over seeds; with one seed, the s.e. over its directions. */
  readonly se: number;
  readonly seeds: number;
  /** Worst parabola fit (R²) among the round's directions and seeds. */
  readonly minR2: number;
}

/** Sharpness per (run, round), for the curvature chart and the comparison table. */
export function sharpnessRows(res: LandscapeResult): SharpnessRow[] {
  const keys = [...new Set(res.rounds.map((r) => `${r.run}/${r.roundNum}`))];
  return keys
    .map((key) => {
      const at = res.rounds.filter((r) => `${r.run}/${r.roundNum}` === key);
      const perSeed = at.map((r) => r.landscape.curvature.mean);
      const s = meanSe(perSeed);
      return {
        run: at[0].run,
        roundNum: at[0].roundNum,
        remainingPct: remainingPct(at[0].sparsityFrac),
        a: s.mean,
        se: at.length > 1 ? s.se : at[0].landscape.curvature.se,
        seeds: at.length,
        minR2: Math.min(...at.flatMap((r) => r.landscape.profiles.map((p) => p.fit.r2))),
      };
    })
    .sort((x, y) => x.run - y.run || x.roundNum - y.roundNum);
}

/** "directions: filter-normalised, masked (pruned weights stay 0)" — named in every title. */
export function directionsLabel(res: Pick<LandscapeResult, 'norm' | 'directionMask'>): string {
  const mask = res.directionMask === 'masked' ? 'masked (pruned weights stay 0)' : 'unmasked (pruned weights move too)';
  return `${res.norm === 'none' ? 'un-normalised' : `${res.norm}-normalised`}, ${mask}`;
}

function markdown(res: LandscapeResult): string {
  const what = `directions ${directionsLabel(res)}; L = ${res.lossKind}`;
  const method = (run: number) => res.rounds.find((r) => r.run === run)?.method ?? '';
  if (res.runLabels.length > 1) {
    const rows = sharpnessRows(res);
    const rounds = [...new Set(rows.map((r) => r.roundNum))].sort((a, b) => a - b);
    const cell = (run: number, k: number) => {
      const r = rows.find((x) => x.run === run && x.roundNum === k);
      return r ? `${fmt(r.a, 4)} ± ${fmt(r.se, 4)}` : '';
    };
    const sparsity = (run: number, k: number) =>
      res.rounds.find((r) => r.run === run && r.roundNum === k)?.sparsityFrac;
    const { pct, note } = remainingByRun(rounds, sparsity);
    const [la, lb] = res.runLabels;
    return [
      `### Loss-landscape sharpness a (L(ξ) ≈ aξ² + bξ + c): ${method(0)} (A, ${la}) vs ${method(1)} (B, ${lb}); ${what}; mean ± s.e. over seeds`,
      markdownTable(
        ['round', 'remaining % A', `a A (${method(0)})`, 'remaining % B', `a B (${method(1)})`],
        rounds.map((k) => [k, pct(0, k), cell(0, k), pct(1, k), cell(1, k)]),
      ),
      ...(note ? ['', note] : []),
      '',
    ].join('\n');
  }
  const seeds = [...new Set(res.rounds.map((r) => r.seed))].sort((a, b) => a - b);
  const rounds = [...new Set(res.rounds.map((r) => r.roundNum))].sort((a, b) => a - b);
  const rows: Cell[][] = rounds.map((k) => {
    const at = res.rounds.filter((r) => r.roundNum === k);
    const cells = seeds.map((s) => {
      const r = at.find((x) => x.seed === s);
      return r ? `${fmt(r.landscape.curvature.mean, 4)} ± ${fmt(r.landscape.curvature.se, 4)}` : '';
    });
    return [k, fmt(remainingPct(at[0].sparsityFrac), 1), ...cells];
  });
  return [
    `### Loss-landscape sharpness a (L(ξ) ≈ aξ² + bξ + c), ${method(0)} chain; ${what}; mean ± s.e. over directions`,
    markdownTable(['round', 'remaining %', ...seeds.map((s) => `seed ${s}`)], rows),
    '',
  ].join('\n');
}

/** The output's file name (without extension): `landscape-<chain>[-vs-<B>]-<norm>[-unmasked]`. */
export function landscapeOutputName(
  method: string,
  runLabels: readonly string[],
  o: Pick<LandscapeResult, 'norm' | 'directionMask'>,
): string {
  return [
    'landscape',
    method,
    ...(runLabels.length > 1 ? ['vs', runLabels[1]] : []),
    o.norm,
    ...(o.directionMask === 'unmasked' ? ['unmasked'] : []),
  ].join('-');
}

export function landscapeReport(res: LandscapeResult): AnalysisReport {
  const two = res.runLabels.length > 1;
  const header = [
    ...(two ? ['run'] : []),
    'method',
    'seed',
    'round',
    'sparsity',
    'perf_at_0',
    'loss_at_0',
    'a_mean',
    'a_se',
    'a_sd',
    'fit_r2_min',
    ...Array.from({ length: res.directions }, (_, d) => `a_${d}`),
  ];
  const mid = (res.points - 1) / 2; // ξ = 0 is on the grid when the point count is odd
  const rows: Cell[][] = res.rounds.map((r) => {
    const at0 = Number.isInteger(mid) ? r.landscape.profiles[0] : undefined;
    return [
      ...(two ? [res.runLabels[r.run]] : []),
      r.method,
      r.seed,
      r.roundNum,
      fmt(r.sparsityFrac),
      fmt(at0?.perf[mid]),
      fmt(at0?.loss[mid]),
      fmt(r.landscape.curvature.mean, 6),
      fmt(r.landscape.curvature.se, 6),
      fmt(r.landscape.curvature.sd, 6),
      fmt(Math.min(...r.landscape.profiles.map((p) => p.fit.r2)), 5),
      ...r.landscape.profiles.map((p) => fmt(p.fit.a, 6)),
    ];
  });
  const method = res.rounds[0]?.method ?? 'none';
  const name = landscapeOutputName(method, res.runLabels, res);
  const surf = (s: { xs: number[]; ys: number[]; loss: Float64Array; perf: Float64Array; marks: unknown }) => ({
    xs: s.xs,
    ys: s.ys,
    loss: s.loss,
    perf: s.perf,
    marks: s.marks,
  });
  return {
    files: [
      {
        name,
        header,
        rows,
        json: {
          method,
          runs: res.runLabels,
          directions: res.directions,
          points: res.points,
          range: res.range,
          normalisation: res.norm,
          directionMask: res.directionMask,
          directionsNote: directionsLabel(res),
          rngSeed: res.rngSeed,
          loss: res.lossKind,
          results: res.rounds.map(({ surface, ...rest }) => ({
            ...rest,
            surface: surface ? surf(surface) : undefined,
          })),
          planes: res.planes.map((p) => ({ ...p, surface: surf(p.surface) })),
        },
      },
    ],
    markdown: markdown(res),
  };
}
