/**
 * Continuing an IMP run after an interruption (docs/ALGORITHMS.md §3.1): the prune → rewind step that
 * turns a finished round into the chain's next state, shared by ES-IMP, GD-IMP and every resume path (the
 * browser's stored chain states, the CLI's run folders). Every random draw of a round comes from streams
 * split from (seed, round, method) alone, so a chain rebuilt from its last finished round continues exactly
 * as the uninterrupted run would have.
 */
import type { ExperimentConfig } from '../runs/config';
import type { PopulationNet } from '../nets/types';
import { Rng } from '../rng';
import { getPruneMethod } from '../prune/registry';
import { sparsityOfRound } from '../prune/schedule';
import type { ChainState } from './imp';
import type { RoundRecord } from './events';
import { roundRecord } from './records';
import type { RoundOutcome } from './train-round';

export interface PruneStepInput {
  readonly net: PopulationNet;
  readonly prune: ExperimentConfig['prune'];
  readonly seed: number;
  /** Prune registry id of the chain (e.g. 'magnitude'; GD chains too, not 'gd_magnitude'). */
  readonly method: string;
  /** The round just finished (1-based). */
  readonly roundNum: number;
  /** The mask that round trained with, its final mean and σ (full length D). */
  readonly mask: Uint8Array;
  readonly mean: Float32Array;
  readonly std: Float32Array;
  readonly theta0: Float32Array;
}

/** The chain's state for round `roundNum + 1` and the pruning threshold τ that produced its mask. */
export function pruneStep(input: PruneStepInput): { next: ChainState; threshold: number } {
  const { net, prune, seed, method, roundNum } = input;
  const pruned = getPruneMethod(method).next(
    {
      layers: net.layers,
      paramCount: net.paramCount,
      mask: input.mask,
      mean: input.mean,
      std: input.std,
      theta0: input.theta0,
      targetSparsity: sparsityOfRound(roundNum + 1, 1 - prune.pruneFrac),
      scope: prune.scope,
      rng: new Rng(seed).split('prune').split(method).split(roundNum),
      reinit: (rng) => net.init(rng),
    },
    prune.params[method] ?? {},
  );
  return {
    next: { method, nextRoundNum: roundNum + 1, mask: pruned.mask, init: pruned.init },
    threshold: pruned.threshold,
  };
}

/** A chain's round as its trainer finished it (ES-IMP or GD-IMP). */
export interface FinishedRound {
  readonly net: PopulationNet;
  readonly prune: ExperimentConfig['prune'];
  readonly seed: number;
  /** The chain as it entered the round (its prune method, mask and init). */
  readonly chain: ChainState;
  /** The id its record carries (the prune method for ES, gd_<method> for GD). */
  readonly recordMethod: string;
  readonly roundNum: number;
  readonly outcome: RoundOutcome;
  readonly theta0: Float32Array;
  /** Training budget of the round: ES generations, or GD optimizer steps. */
  readonly generations: number;
  /** Chains that trained this very round together (round 1 of a fresh run). */
  readonly sharedWith?: readonly string[];
}

/**
 * The end of every IMP round (docs/ALGORITHMS.md §3.1): prune and rewind to the chain's next state, and
 * the round's record with the threshold that made the next mask.
 */
export function closeRound(r: FinishedRound): { record: RoundRecord; next: ChainState } {
  const { net, prune, seed, chain, roundNum, outcome } = r;
  const { next, threshold } = pruneStep({
    net,
    prune,
    seed,
    method: chain.method,
    roundNum,
    mask: chain.mask,
    mean: outcome.mean,
    std: outcome.std,
    theta0: r.theta0,
  });
  const record = roundRecord({
    net,
    seed,
    method: r.recordMethod,
    roundNum,
    sparsityFrac: sparsityOfRound(roundNum, 1 - prune.pruneFrac),
    mask: chain.mask,
    outcome,
    pruneThreshold: threshold,
    generations: r.generations,
    sharedWith: r.sharedWith,
  });
  return { record, next };
}

/**
 * Chain states to resume one seed from: the stored ones, completed with fresh dense chains for methods
 * whose first round was not stored yet (an interruption between two saves). Null = start the seed fresh.
 */
export function resumeChains(
  methods: readonly string[],
  stored: readonly ChainState[],
  theta0: Float32Array,
): ChainState[] | null {
  if (stored.length === 0) return null;
  return methods.map(
    (m) =>
      stored.find((c) => c.method === m) ?? {
        method: m,
        nextRoundNum: 1,
        mask: new Uint8Array(theta0.length).fill(1),
        init: theta0,
      },
  );
}

/** True when every chain has trained all `rounds` rounds. */
export function chainsFinished(methods: readonly string[], stored: readonly ChainState[], rounds: number): boolean {
  return methods.every((m) => (stored.find((c) => c.method === m)?.nextRoundNum ?? 1) > rounds);
}
