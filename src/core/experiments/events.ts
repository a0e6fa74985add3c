/**
 * What an IMP run reports (docs/ALGORITHMS.md §3.1 "log(k, sparsity, perf, threshold)"): per-generation
 * metrics and one record per finished round. Round records are plain data (typed arrays + numbers) so they
 * can be posted from a worker as transferables, stored in IndexedDB and written by the CLI.
 */

import type { ChainState } from './imp';

/** One test evaluation of the ES mean during a round. */
export interface EvalPoint {
  readonly gen: number;
  readonly perf: number;
  readonly loss: number;
}

export interface SummaryStats {
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface RoundRecord {
  readonly seed: number;
  readonly method: string;
  /** 1-based: round 1 is dense. */
  readonly roundNum: number;
  /** Sparsity over prunable (kernel) entries during this round. */
  readonly sparsityFrac: number;
  /** Active prunable weights this round. */
  readonly prunableActive: number;
  /** d: the ES dimension this round (active kernels + all biases). */
  readonly esDim: number;
  /** Test performance of the mean after the last generation (the paper's `final_perf`). */
  readonly finalPerf: number;
  readonly finalLoss: number;
  /** Best test performance over the round's evaluations (`best_perf`). */
  readonly bestPerf: number;
  readonly evals: readonly EvalPoint[];
  /** Mask the round trained with (length D). */
  readonly mask: Uint8Array;
  /** Final ES mean scattered to full length (0 at pruned). */
  readonly mean: Float32Array;
  /** Per-parameter σ from the strategy (1e20 at pruned, docs/ALGORITHMS.md §1.5). */
  readonly std: Float32Array;
  /** σ statistics over active prunable entries. */
  readonly sigmaStats: SummaryStats;
  /** Per layer: fraction of that layer's kernel pruned. */
  readonly layerSparsity: readonly number[];
  /** Threshold τ of the score that produced the NEXT round's mask from this round (docs/ALGORITHMS.md §3.4, §8.3 trace). */
  readonly pruneThreshold: number;
  readonly generations: number;
  readonly wallMs: number;
  /** True when this record was computed once and shared by several chains (round 1 is identical for all). */
  readonly sharedWith?: readonly string[];
  /** Generations of this round skipped because their fitness was not a number (absent when none; core/es/fitness-guard.ts). */
  readonly skippedGens?: number;
}

export interface GenerationMetrics {
  readonly seed: number;
  readonly method: string;
  readonly roundNum: number;
  readonly gen: number;
  readonly generations: number;
  readonly bestScore: number;
  readonly meanScore: number;
  /** Latest test evaluation in this round, if any. */
  readonly lastEval?: EvalPoint;
  readonly esDim: number;
  /** Population evaluations per second over the round so far. */
  readonly evalsPerSec: number;
  /** Generations of this round skipped so far because their fitness was not a number (absent when none). */
  readonly skipped?: number;
}

export type ImpEvent =
  | { readonly type: 'generation'; readonly metrics: GenerationMetrics }
  /** A finished round; IMP runs add the chain's state for the next round (what a resume after a reload needs). */
  | { readonly type: 'round'; readonly record: RoundRecord; readonly next?: ChainState }
  | { readonly type: 'log'; readonly message: string };
