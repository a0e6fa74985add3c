/**
 * Builds RoundRecords (events.ts; docs/ALGORITHMS.md §3.1 "log(k, sparsity, perf, threshold)") for ES-IMP,
 * the GD baseline and transfer runs alike, so every chart, table and run folder overlays GD, ES and
 * transferred tickets without special cases.
 */
import type { PopulationNet } from '../nets/types';
import { keptInKernel } from '../prune/layout';
import { layerSparsity } from '../analysis/mask-stats';
import type { RoundRecord, SummaryStats } from './events';
import type { RoundOutcome } from './train-round';

/** σ statistics over active prunable entries (NaN for GD, which has no σ). */
export function sigmaSummary(net: PopulationNet, mask: Uint8Array, std: Float32Array): SummaryStats {
  const vals: number[] = [];
  for (const l of net.layers)
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) if (mask[i]) vals.push(std[i]);
  if (!vals.length || vals.some((v) => Number.isNaN(v))) return { mean: NaN, median: NaN, min: NaN, max: NaN };
  vals.sort((a, b) => a - b);
  return {
    mean: vals.reduce((s, v) => s + v, 0) / vals.length,
    median: vals[Math.floor(vals.length / 2)],
    min: vals[0],
    max: vals[vals.length - 1],
  };
}

export interface RecordInput {
  readonly net: PopulationNet;
  readonly seed: number;
  readonly method: string;
  readonly roundNum: number;
  readonly sparsityFrac: number;
  readonly mask: Uint8Array;
  readonly outcome: RoundOutcome;
  /** τ that produced the next mask; NaN when the run makes no pruning decision (transfer). */
  readonly pruneThreshold: number;
  /** Training budget of the round: ES generations, or GD optimizer steps. */
  readonly generations: number;
  readonly sharedWith?: readonly string[];
}

/** One round's record from its training outcome. */
export function roundRecord(r: RecordInput): RoundRecord {
  const { outcome, net, mask } = r;
  const last = outcome.evals[outcome.evals.length - 1];
  return {
    seed: r.seed,
    method: r.method,
    roundNum: r.roundNum,
    sparsityFrac: r.sparsityFrac,
    prunableActive: net.layers.reduce((n, l) => n + keptInKernel(mask, l), 0),
    esDim: outcome.esDim,
    finalPerf: last.perf,
    finalLoss: last.loss,
    bestPerf: Math.max(...outcome.evals.map((e) => e.perf)),
    evals: outcome.evals,
    mask,
    mean: outcome.mean,
    std: outcome.std,
    sigmaStats: sigmaSummary(net, mask, outcome.std),
    layerSparsity: layerSparsity(mask, net.layers).map((l) => l.sparsityFrac),
    pruneThreshold: r.pruneThreshold,
    generations: r.generations,
    wallMs: outcome.wallMs,
    ...(r.sharedWith && r.sharedWith.length > 1 ? { sharedWith: r.sharedWith } : {}),
    ...(outcome.skipped ? { skippedGens: outcome.skipped } : {}),
  };
}
