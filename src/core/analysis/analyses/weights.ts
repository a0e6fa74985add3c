/**
 * Weight statistics per layer and round as a registered analysis (paper §5, SI Fig. 11;
 * docs/ALGORITHMS.md §6 "weight statistics"; claim R9: GD solutions have larger weights and prune the input
 * layer less than ES). For every kernel layer of every selected round's trained network (the round's final
 * mean / trained weights): the fraction of the layer still remaining, and mean |W| and mean W over its ALIVE
 * entries (pruned entries are exactly 0 and would only dilute the means). Works on any run — ES chains,
 * GD-IMP's gd_* chains — and puts two runs side by side (same seed and round). CPU work only.
 */
import { layerWeightStats } from '../mask-stats';
import { progressTracker } from './progress';
import { meanSe } from './report';
import { weightsOutputName, weightsReport } from './weights-report';
import { defineAnalysis } from './types';
import type { CurvatureSummary } from '../quadratic-fit';

export interface LayerWeights {
  readonly name: string;
  /** Kept kernel entries / kernel size of this layer. */
  readonly remainingFrac: number;
  /** Mean |W| over the alive entries (NaN if none is alive). */
  readonly meanAbs: number;
  /** Mean W over the alive entries. */
  readonly mean: number;
}

export interface WeightsRow {
  readonly run: number;
  readonly method: string;
  readonly seed: number;
  readonly roundNum: number;
  /** Sparsity over all prunable weights. */
  readonly sparsityFrac: number;
  readonly layers: readonly LayerWeights[];
}

/** Mean ± s.e. over seeds of one layer's statistics at one (run, chain, round). */
export interface WeightsSummaryRow {
  readonly run: number;
  readonly method: string;
  readonly roundNum: number;
  readonly sparsityFrac: number;
  readonly layer: string;
  readonly remainingFrac: CurvatureSummary;
  readonly meanAbs: CurvatureSummary;
  readonly mean: CurvatureSummary;
}

export interface WeightsResult {
  readonly runLabels: readonly string[];
  readonly layerNames: readonly string[];
  readonly rows: readonly WeightsRow[];
  readonly summary: readonly WeightsSummaryRow[];
}

/** Per (run, chain, round, layer): mean ± s.e. over seeds, sorted by run, chain, layer, round. */
export function summarizeWeights(rows: readonly WeightsRow[], layerNames: readonly string[]): WeightsSummaryRow[] {
  const groups = new Map<string, WeightsRow[]>();
  for (const r of rows) {
    const k = `${r.run}\u0000${r.method}\u0000${r.roundNum}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out: WeightsSummaryRow[] = [];
  for (const g of groups.values())
    layerNames.forEach((layer, li) => {
      const stat = (f: (l: LayerWeights) => number) => meanSe(g.map((r) => f(r.layers[li])));
      out.push({
        run: g[0].run,
        method: g[0].method,
        roundNum: g[0].roundNum,
        sparsityFrac: meanSe(g.map((r) => r.sparsityFrac)).mean,
        layer,
        remainingFrac: stat((l) => l.remainingFrac),
        meanAbs: stat((l) => l.meanAbs),
        mean: stat((l) => l.mean),
      });
    });
  const order = (r: WeightsSummaryRow) => layerNames.indexOf(r.layer);
  return out.sort(
    (a, b) => a.run - b.run || a.method.localeCompare(b.method) || order(a) - order(b) || a.roundNum - b.roundNum,
  );
}

export const weightsAnalysis = defineAnalysis({
  id: 'weights',
  label: 'Weight statistics',
  summary:
    'per layer and round: the fraction of weights remaining, mean |W| and mean W of the trained network over the alive weights; two runs side by side (SI Fig. 11, docs/ALGORITHMS.md §6)',
  explain:
    'How do the surviving weights change as pruning goes on? For each layer and round: the share of its weights still there, their average size |W| and their average value W, ' +
    'in the trained network. Two runs side by side show, for example, whether evolution and gradient descent end with weights of different size (SI Fig. 11 of the paper, docs/ALGORITHMS.md §6).',
  options: {},
  select: { chains: 'many', prefer: ['magnitude'], compare: true },
  needs: { evaluation: false, std: false },
  async run(ctx): Promise<WeightsResult> {
    const layers = ctx.net.layers;
    const jobs = ctx.runs.flatMap((run, ri) => run.records.map((rec) => ({ ri, rec })));
    const bar = progressTracker(ctx, jobs.length);
    const rows: WeightsRow[] = [];
    for (const { ri, rec } of jobs) {
      rows.push({
        run: ri,
        method: rec.method,
        seed: rec.seed,
        roundNum: rec.roundNum,
        sparsityFrac: rec.sparsityFrac,
        layers: layerWeightStats(rec.mean, rec.mask, layers).map((s) => ({
          name: s.name,
          remainingFrac: 1 - s.sparsityFrac,
          meanAbs: s.meanAbs,
          mean: s.mean,
        })),
      });
      await bar.tick(`${rec.method} seed ${rec.seed} round ${rec.roundNum}`);
    }
    rows.sort(
      (a, b) => a.run - b.run || a.method.localeCompare(b.method) || a.seed - b.seed || a.roundNum - b.roundNum,
    );
    const layerNames = layers.map((l) => l.name);
    return {
      runLabels: ctx.runs.map((r) => r.label),
      layerNames,
      rows,
      summary: summarizeWeights(rows, layerNames),
    };
  },
  report: weightsReport,
  outputNames: (labels) => [weightsOutputName(labels)],
});
