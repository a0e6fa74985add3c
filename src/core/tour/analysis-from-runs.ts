/**
 * More rows of the tour analysis file (analysis-file.ts), from what the CLI already wrote: accuracy per
 * round of ES and gradient-descent chains (rounds.csv of `lab imp` / `lab gd` runs; GD-IMP,
 * docs/ALGORITHMS.md §4), weight statistics per layer (`lab weights`, §6, claim R9), the |μ|–SNR
 * correlation of one layer (`lab correlation`, §6, claim R11) and the ticket effect of a task with its dense
 * and untrained results (rounds.csv + generations.csv, claim R2). Pure: parsed tables in, rows out;
 * `lab tour-evidence` reads the files.
 */
import type { RoundRecord } from '../experiments/events';
import { typedRows, type CsvTable } from '../runs/csv-format';
import type { CorrelationRow, CrossTaskRow, CurveRow, WeightsRow } from './analysis-file';
import { pctOf, type RoundResult } from './analysis-from-tables';

const int = { kind: 'number', integer: true, min: 0 } as const;
const frac = { kind: 'number', min: 0, max: 1 } as const;
const num = { kind: 'number' } as const;
const chainText = { kind: 'text', pattern: /^[a-z][a-z0-9_]{0,63}$/, hint: 'a chain id' } as const;
const layerText = { kind: 'text', pattern: /^[A-Za-z][A-Za-z0-9_]{0,39}$/, hint: 'a layer name' } as const;

/** How a chain was trained: ES, or gradient descent with so many epochs per round. */
export type Trainer = { readonly trainer: 'es' } | { readonly trainer: 'gd'; readonly epochs: number };

/** Round results of a run bundle's records (as rounds.csv would list them). */
export function roundsOfRecords(records: readonly RoundRecord[]): RoundResult[] {
  return records.map((r) => ({
    seed: r.seed,
    method: r.method,
    round: r.roundNum,
    remaining: pctOf(r.sparsityFrac),
    perf: r.finalPerf,
  }));
}

/** seed → the result of its earliest generation among `points`. */
function earliestBySeed(points: readonly { seed: number; gen: number; perf: number }[]): Map<number, number> {
  const first = new Map<number, { gen: number; perf: number }>();
  for (const p of points) {
    const seen = first.get(p.seed);
    if (!seen || p.gen < seen.gen) first.set(p.seed, p);
  }
  return new Map([...first].map(([seed, v]) => [seed, v.perf]));
}

/** (seed → test result at the first evaluated generation of round 1) from a run bundle's records. */
export function untrainedOfRecords(records: readonly RoundRecord[]): Map<number, number> {
  return earliestBySeed(
    records.filter((r) => r.roundNum === 1).flatMap((r) => r.evals.map((e) => ({ seed: r.seed, ...e }))),
  );
}

/** Curve rows of the chains in `chains` (all when omitted), each tagged with how it was trained. */
export function curveRows(rounds: readonly RoundResult[], by: Trainer, chains?: readonly string[]): CurveRow[] {
  return rounds
    .filter((r) => !chains || chains.includes(r.method))
    .map((r) => ({
      ...by,
      chain: r.method,
      seed: r.seed,
      roundNum: r.round,
      remainingPct: r.remaining,
      perf: r.perf,
    }));
}

/**
 * Rows of a weights.csv / weights-vs-<B>.csv (`lab weights`): one per (chain, seed, round, layer). `trainerOf`
 * says how each chain was trained (GD chains carry the `gd_` prefix); layers are numbered in their order of
 * first appearance, which is the network's order from the input.
 */
export function weightsRows(t: CsvTable, trainerOf: (chain: string) => Trainer): WeightsRow[] {
  const rows = typedRows(t, {
    method: chainText,
    seed: int,
    round: int,
    sparsity: frac,
    layer: layerText,
    layer_remaining_frac: frac,
    mean_abs_w: { kind: 'number', min: 0 },
  });
  const layers: string[] = [];
  for (const r of rows) if (!layers.includes(r.layer)) layers.push(r.layer);
  return rows.map((r) => ({
    ...trainerOf(r.method),
    chain: r.method,
    seed: r.seed,
    roundNum: r.round,
    remainingPct: pctOf(r.sparsity),
    layer: r.layer,
    layerIndex: layers.indexOf(r.layer),
    layerRemainingPct: 100 * r.layer_remaining_frac,
    meanAbsW: r.mean_abs_w,
  }));
}

/** Rows of a correlation.csv (`lab correlation`): Pearson, Spearman and decision agreement per chain, seed and round. */
export function correlationRows(t: CsvTable): CorrelationRow[] {
  const corr = { kind: 'number', min: -1, max: 1 } as const;
  return typedRows(t, {
    method: chainText,
    seed: int,
    round: int,
    sparsity: frac,
    layer: layerText,
    pearson: corr,
    spearman: corr,
    agree_frac: frac,
  }).map((r) => ({
    chain: r.method,
    seed: r.seed,
    roundNum: r.round,
    remainingPct: pctOf(r.sparsity),
    layer: r.layer,
    pearson: r.pearson,
    spearman: r.spearman,
    agree: r.agree_frac,
  }));
}

/** (seed → test result after the first evaluated generation of round 1) from a generations.csv: the untrained network. */
export function untrainedBySeed(generations: CsvTable): Map<number, number> {
  const rows = typedRows(generations, { seed: int, round: int, gen: int, test_perf: { ...num, optional: true } });
  return earliestBySeed(
    rows.flatMap((r) =>
      r.round === 1 && r.test_perf !== undefined ? [{ seed: r.seed, gen: r.gen, perf: r.test_perf }] : [],
    ),
  );
}

export interface CrossTaskSpec {
  readonly task: string;
  readonly setting: string;
  readonly metric: CrossTaskRow['metric'];
  /** The ticket chain (default 'magnitude') and the baseline (default 'random_reinit'). */
  readonly ticket?: string;
  readonly baseline?: string;
}

/**
 * One row per (seed, round) where the run has both the ticket and the baseline, with the seed's dense
 * result (round 1 of the ticket chain) and untrained result. A seed without either is left out.
 */
export function crossTaskRows(
  rounds: readonly RoundResult[],
  untrained: ReadonlyMap<number, number>,
  spec: CrossTaskSpec,
): CrossTaskRow[] {
  const ticket = spec.ticket ?? 'magnitude',
    baseline = spec.baseline ?? 'random_reinit';
  const find = (method: string, seed: number, round: number) =>
    rounds.find((r) => r.method === method && r.seed === seed && r.round === round);
  const out: CrossTaskRow[] = [];
  for (const t of rounds.filter((r) => r.method === ticket).sort((a, b) => a.seed - b.seed || a.round - b.round)) {
    const base = find(baseline, t.seed, t.round),
      dense = find(ticket, t.seed, 1),
      low = untrained.get(t.seed);
    if (!base || !dense || low === undefined) continue;
    out.push({
      task: spec.task,
      setting: spec.setting,
      metric: spec.metric,
      seed: t.seed,
      roundNum: t.round,
      remainingPct: t.remaining,
      ticket: t.perf,
      baseline: base.perf,
      dense: dense.perf,
      untrained: low,
    });
  }
  return out;
}
