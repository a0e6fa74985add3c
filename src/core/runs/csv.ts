/**
 * Metric CSVs: one row per finished round (the paper's log fields,
 * docs/ALGORITHMS.md §3.1 "log(k, sparsity, perf, threshold)") and one per reported generation. The CLI's
 * run folder and the UI's export button both write these exact rows, so files from either compare.
 */
import type { GenerationMetrics, RoundRecord } from '../experiments/events';

export const ROUND_COLUMNS = [
  'seed',
  'method',
  'round',
  'sparsity',
  'remaining_pct',
  'prunable_active',
  'es_dim',
  'final_perf',
  'best_perf',
  'final_loss',
  'sigma_mean',
  'sigma_median',
  'wall_ms',
  'layer_sparsity',
] as const;
export const GEN_COLUMNS = [
  'seed',
  'method',
  'round',
  'gen',
  'best_score',
  'mean_score',
  'test_perf',
  'evals_per_sec',
] as const;

/** RFC 4180 quoting for free-text fields (method ids are plain, but labels from files may not be). */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One rounds.csv row (no newline). */
export function roundRow(r: RoundRecord): string {
  return [
    r.seed,
    csvField(r.method),
    r.roundNum,
    r.sparsityFrac.toFixed(6),
    (100 * (1 - r.sparsityFrac)).toFixed(3),
    r.prunableActive,
    r.esDim,
    r.finalPerf.toFixed(6),
    r.bestPerf.toFixed(6),
    r.finalLoss.toFixed(6),
    r.sigmaStats.mean.toExponential(4),
    r.sigmaStats.median.toExponential(4),
    r.wallMs,
    r.layerSparsity.map((s) => s.toFixed(4)).join(';'),
  ].join(',');
}

/** One generations.csv row (no newline); test_perf is empty when the generation had no evaluation. */
export function generationRow(m: GenerationMetrics): string {
  return [
    m.seed,
    csvField(m.method),
    m.roundNum,
    m.gen,
    m.bestScore.toFixed(6),
    m.meanScore.toFixed(6),
    m.lastEval ? m.lastEval.perf.toFixed(6) : '',
    m.evalsPerSec.toFixed(1),
  ].join(',');
}

/** A whole rounds.csv (header + rows, trailing newline). */
export function roundsCsv(records: readonly RoundRecord[]): string {
  return [ROUND_COLUMNS.join(','), ...records.map(roundRow)].join('\n') + '\n';
}

/** A whole generations.csv (header + rows, trailing newline). */
export function generationsCsv(metrics: readonly GenerationMetrics[]): string {
  return [GEN_COLUMNS.join(','), ...metrics.map(generationRow)].join('\n') + '\n';
}
