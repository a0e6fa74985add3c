/**
 * Tables of the weight-statistics analysis (SI Fig. 11; R9): one CSV row per (run, chain, seed, round,
 * layer), and per layer a markdown table of the remaining fraction, mean |W| and mean W by round —
 * one column group per chain, or the two runs side by side.
 */
import type { WeightsResult, WeightsSummaryRow } from './weights';
import { fmt, markdownTable, remainingByRun } from './report';
import type { AnalysisReport, Cell } from './types';

const pm = (s: WeightsSummaryRow['meanAbs'], digits: number, scale = 1) =>
  !s.n ? '' : s.n > 1 ? `${fmt(scale * s.mean, digits)} ± ${fmt(scale * s.se, digits)}` : fmt(scale * s.mean, digits);

function markdown(res: WeightsResult): string {
  const two = res.runLabels.length > 1;
  // Column groups: (run, chain) pairs in order.
  const series = [...new Map(res.summary.map((s) => [`${s.run}/${s.method}`, s])).values()].map((s) => ({
    run: s.run,
    method: s.method,
    name: two ? `${s.method} (${s.run ? 'B' : 'A'})` : s.method,
  }));
  const nSeeds = new Set(res.rows.map((r) => r.seed)).size;
  const allRounds = [...new Set(res.summary.map((s) => s.roundNum))].sort((a, b) => a - b);
  // "remaining % (all)": over all layers, so any layer's summary row holds it; one column per run.
  const { pct, note } = remainingByRun(
    allRounds,
    (run, k) => res.summary.find((s) => s.run === run && s.roundNum === k)?.sparsityFrac,
  );
  const runs = two ? [0, 1] : [0];
  const out = [
    `### Weight statistics per layer${two ? `: ${res.runLabels[0]} (A) vs ${res.runLabels[1]} (B)` : ''} (trained weights, alive entries only; ${nSeeds} seed${nSeeds > 1 ? 's, mean ± s.e.' : ''})`,
    "layer %: the layer's weights still remaining; |W| and W: mean absolute and mean value of the alive weights.",
    ...(note ? [note] : []),
    '',
  ];
  for (const layer of res.layerNames) {
    const at = res.summary.filter((s) => s.layer === layer);
    const rounds = [...new Set(at.map((s) => s.roundNum))].sort((a, b) => a - b);
    const rows: Cell[][] = rounds.map((k) => {
      return [
        k,
        ...runs.map((run) => pct(run, k)),
        ...series.flatMap((c) => {
          const s = at.find((x) => x.run === c.run && x.method === c.method && x.roundNum === k);
          return s ? [pm(s.remainingFrac, 1, 100), pm(s.meanAbs, 4), pm(s.mean, 4)] : ['', '', ''];
        }),
      ];
    });
    out.push(
      `#### ${layer}`,
      markdownTable(
        [
          'round',
          ...(two ? ['remaining % A (all)', 'remaining % B (all)'] : ['remaining % (all)']),
          ...series.flatMap((c) => [`${c.name}: layer %`, `${c.name}: |W|`, `${c.name}: W`]),
        ],
        rows,
      ),
      '',
    );
  }
  return out.join('\n');
}

/** The output's file name (without extension): `weights`, or `weights-vs-<B>` for two runs. */
export const weightsOutputName = (runLabels: readonly string[]): string =>
  runLabels.length > 1 ? `weights-vs-${runLabels[1]}` : 'weights';

export function weightsReport(res: WeightsResult): AnalysisReport {
  const two = res.runLabels.length > 1;
  const rows: Cell[][] = res.rows.flatMap((r) =>
    r.layers.map((l) => [
      ...(two ? [res.runLabels[r.run]] : []),
      r.method,
      r.seed,
      r.roundNum,
      fmt(r.sparsityFrac),
      l.name,
      fmt(l.remainingFrac),
      fmt(l.meanAbs, 6),
      fmt(l.mean, 6),
    ]),
  );
  return {
    files: [
      {
        name: weightsOutputName(res.runLabels),
        header: [
          ...(two ? ['run'] : []),
          'method',
          'seed',
          'round',
          'sparsity',
          'layer',
          'layer_remaining_frac',
          'mean_abs_w',
          'mean_w',
        ],
        rows,
        json: {
          note: 'per kernel layer of the trained network: remaining fraction, mean |W| and mean W over alive entries (SI Fig. 11)',
          runs: res.runLabels,
          layers: res.layerNames,
          results: res.rows,
          summary: res.summary,
        },
      },
    ],
    markdown: markdown(res),
  };
}
