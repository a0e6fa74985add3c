/**
 * Metric CSVs: one row per finished round (the paper's log fields,
 * docs/ALGORITHMS.md §3.1 "log(k, sparsity, perf, threshold)") and one per reported generation. The CLI's
 * run folder and the UI's export button both write these exact rows, so files from either compare.
 */
import type { GenerationMetrics, RoundRecord } from '../experiments/events';
import { csvField, CsvError, parseCsv, toCsv, typedRows, type ParseOptions, type TypedRow } from './csv-format';

export { csvField } from './csv-format';

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

/** The cells of one rounds.csv row. */
export function roundCells(r: RoundRecord): (string | number)[] {
  return [
    r.seed,
    r.method,
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
  ];
}

/** One rounds.csv row (no newline). */
export function roundRow(r: RoundRecord): string {
  return roundCells(r).map(csvField).join(',');
}

/** The cells of one generations.csv row; test_perf repeats the latest test evaluation (empty before the first one). */
export function generationCells(m: GenerationMetrics): (string | number)[] {
  return [
    m.seed,
    m.method,
    m.roundNum,
    m.gen,
    m.bestScore.toFixed(6),
    m.meanScore.toFixed(6),
    m.lastEval ? m.lastEval.perf.toFixed(6) : '',
    m.evalsPerSec.toFixed(1),
  ];
}

/** One generations.csv row (no newline). */
export function generationRow(m: GenerationMetrics): string {
  return generationCells(m).map(csvField).join(',');
}

/** A whole rounds.csv (header + rows, trailing newline). */
export function roundsCsv(records: readonly RoundRecord[]): string {
  return toCsv(ROUND_COLUMNS, records.map(roundCells));
}

/** A whole generations.csv (header + rows, trailing newline). */
export function generationsCsv(metrics: readonly GenerationMetrics[]): string {
  return toCsv(GEN_COLUMNS, metrics.map(generationCells));
}

const METHOD_ID = {
  kind: 'text',
  pattern: /^[A-Za-z0-9_.-]{1,64}$/,
  hint: 'a method id (letters, digits, _ . -)',
} as const;
const SEED = { kind: 'number', integer: true, min: 0, max: 2 ** 31 - 1 } as const;
const ROUND = { kind: 'number', integer: true, min: 1, max: 1000 } as const;
const COUNT = { kind: 'number', integer: true, min: 0 } as const;

/** What each rounds.csv column must hold (what roundCells writes). */
export const ROUND_SPEC = {
  seed: SEED,
  method: METHOD_ID,
  round: ROUND,
  sparsity: { kind: 'number', min: 0, max: 1 },
  remaining_pct: { kind: 'number', min: 0, max: 100 },
  prunable_active: COUNT,
  es_dim: COUNT,
  final_perf: { kind: 'number' },
  best_perf: { kind: 'number' },
  // A loss may overflow; σ is NaN for gradient-descent rounds (no σ).
  final_loss: { kind: 'number', nonFinite: true },
  sigma_mean: { kind: 'number', nonFinite: true, min: 0 },
  sigma_median: { kind: 'number', nonFinite: true, min: 0 },
  wall_ms: COUNT,
  layer_sparsity: { kind: 'numbers', separator: ';', min: 0, max: 1 },
} as const;

/** What each generations.csv column must hold (what generationCells writes). */
export const GEN_SPEC = {
  seed: SEED,
  method: METHOD_ID,
  round: ROUND,
  gen: { kind: 'number', integer: true, min: 1 },
  // All-non-finite generations report best −Infinity and mean NaN.
  best_score: { kind: 'number', nonFinite: true },
  mean_score: { kind: 'number', nonFinite: true },
  test_perf: { kind: 'number', optional: true },
  evals_per_sec: { kind: 'number', min: 0 },
} as const;

export type RoundRow = TypedRow<typeof ROUND_SPEC>;
export type GenRow = TypedRow<typeof GEN_SPEC>;

/** Key of a (seed, method, round) triple. */
export const roundKey = (seed: number, method: string, roundNum: number): string => `${seed}|${method}|${roundNum}`;

/** A checked CSV: its header and typed rows. */
export interface CheckedCsv<R> {
  readonly header: readonly string[];
  readonly rows: R[];
}

/** A rounds.csv, checked cell by cell; a (seed, method, round) listed twice is refused. */
export function parseRoundsCsv(text: string, file: string, opts?: ParseOptions): CheckedCsv<RoundRow> {
  const table = parseCsv(text, file, opts);
  const rows = typedRows(table, ROUND_SPEC);
  const first = new Map<string, number>();
  for (const r of rows) {
    const k = roundKey(r.seed, r.method, r.round);
    const prev = first.get(k);
    if (prev !== undefined)
      throw new CsvError(
        file,
        r.line,
        undefined,
        `seed ${r.seed} ${r.method} round ${r.round} is listed twice (also line ${prev})`,
      );
    first.set(k, r.line);
  }
  return { header: table.header, rows };
}

/** A generations.csv, checked cell by cell. */
export function parseGenerationsCsv(text: string, file: string, opts?: ParseOptions): CheckedCsv<GenRow> {
  const table = parseCsv(text, file, opts);
  return { header: table.header, rows: typedRows(table, GEN_SPEC) };
}
