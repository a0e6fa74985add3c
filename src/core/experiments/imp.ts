/**
 * ES-IMP (docs/ALGORITHMS.md §3.1, paper §2–3): iterative prune → rewind → re-evolve. Several pruning
 * chains (magnitude, SNR, baselines) run side by side from the same θ0; each chain's round-k network is
 * trained by `trainRound`, and its method turns the result into the next mask and starting weights
 * (rewind to θ0, fresh ES state, target sparsity 1 − keep^k).
 *
 * Rounds run round-major (round k of every chain, then round k+1) so live charts fill in all curves
 * together. Round 1 is dense θ0 with the same ES and data streams in every chain, hence identical: it is
 * trained once and shared (exactly the result separate runs would give, at 1/n the cost).
 *
 * Streams (all split from the seed): θ0 ← 'theta0'; ES of round k ← 'es'/k (es-lottery: seed + k, the
 * same for every chain); minibatches ← 'data'/k/gen; pruning draws ← 'prune'/method/k.
 */
import type { ExperimentConfig } from '../runs/config';
import type { PopulationNet } from '../nets/types';
import type { TaskInstance } from '../tasks/types';
import { Rng } from '../rng';
import { roundNetwork } from './round-net';
import type { ImpEvent, RoundRecord } from './events';
import { esTrainerOf, trainRound, type RoundOutcome } from './train-round';
import { closeRound } from './resume';
import type { PopulationEvaluator } from './evaluator';

/** Where a chain stands between rounds: enough to continue (ES state is fresh every round, docs/ALGORITHMS.md §1.1). */
export interface ChainState {
  readonly method: string;
  readonly nextRoundNum: number;
  readonly mask: Uint8Array;
  readonly init: Float32Array;
}

export interface ImpInput {
  readonly config: ExperimentConfig;
  readonly seed: number;
  readonly net: PopulationNet;
  readonly task: TaskInstance;
  readonly onEvent?: (e: ImpEvent) => void;
  readonly gate?: () => Promise<void> | void;
  /** Continue from saved chain states (resume after a reload); records already emitted are not repeated. */
  readonly resume?: readonly ChainState[];
  readonly reportEvery?: number;
  /** Who scores the populations (default: `task` in this thread; parallel/split-evaluator.ts splits them). */
  readonly evaluator?: PopulationEvaluator;
}

export interface ImpResult {
  readonly records: RoundRecord[];
  readonly chains: ChainState[];
  readonly theta0: Float32Array;
}

/** The dense starting state of every chain. */
export function initialChains(config: ExperimentConfig, theta0: Float32Array): ChainState[] {
  return config.prune.methods.map((method) => ({
    method,
    nextRoundNum: 1,
    mask: new Uint8Array(theta0.length).fill(1),
    init: theta0,
  }));
}

export function theta0For(net: PopulationNet, seed: number): Float32Array {
  return net.init(new Rng(seed).split('theta0'));
}

export async function runImp(input: ImpInput): Promise<ImpResult> {
  const { config, seed, net, task } = input;
  const root = new Rng(seed);
  const theta0 = theta0For(net, seed);
  let chains = input.resume ? [...input.resume] : initialChains(config, theta0);
  const records: RoundRecord[] = [];
  const compactFor = (mask: Uint8Array): PopulationNet => roundNetwork(config, net, mask);
  const emit = (e: ImpEvent) => input.onEvent?.(e);

  for (let roundNum = Math.min(...chains.map((c) => c.nextRoundNum)); roundNum <= config.prune.rounds; roundNum++) {
    const due = chains.filter((c) => c.nextRoundNum === roundNum);
    const next: ChainState[] = chains.filter((c) => c.nextRoundNum !== roundNum);
    // Chains with identical (mask, init) share one training run: true for round 1 (dense θ0) of a fresh run.
    const sharers = roundNum === 1 ? due.filter((c) => c.init === theta0).map((c) => c.method) : [];
    let sharedOutcome: RoundOutcome | undefined;
    for (const chain of due) {
      const canShare = sharers.includes(chain.method);
      const outcome =
        (canShare && sharedOutcome) ||
        (await trainRound({
          net: compactFor(chain.mask),
          task,
          mask: chain.mask,
          init: chain.init,
          ...esTrainerOf(config),
          esRng: root.split('es').split(roundNum),
          dataRng: root.split('data').split(roundNum),
          reportEvery: input.reportEvery ?? 10,
          onGeneration: (m) => emit({ type: 'generation', metrics: { ...m, seed, method: chain.method, roundNum } }),
          gate: input.gate,
          evaluator: input.evaluator,
        }));
      if (canShare) sharedOutcome = outcome;

      const { record, next: nextState } = closeRound({
        net,
        prune: config.prune,
        seed,
        chain,
        recordMethod: chain.method,
        roundNum,
        outcome,
        theta0,
        generations: config.budget.generationsPerRound,
        sharedWith: canShare ? sharers : undefined,
      });
      next.push(nextState);
      records.push(record);
      emit({ type: 'round', record, next: nextState });
    }
    chains = config.prune.methods.map((m) => next.find((c) => c.method === m)!);
  }
  return { records, chains, theta0 };
}
