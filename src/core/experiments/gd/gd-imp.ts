/**
 * GD-IMP (docs/ALGORITHMS.md §4.1; paper §2, Fig. 3 teal curves): the ES-IMP protocol of imp.ts with
 * masked gradient descent as the inner trainer — train, prune by global magnitude over kernels (biases
 * kept), rewind to θ0, repeat at sparsity 1 − keep^k — plus the paper's random-reinit chain. Records use
 * method ids 'gd_<prune method>' so GD and ES rounds sit side by side in one chart.
 *
 * θ0 and the pruning streams are those of ES-IMP with the same seed (theta0For, 'prune'/method/k), so a
 * GD chain starts from exactly the ES chain's initial network. Shuffling of round k: 'gd'/k. Round 1 is
 * dense θ0 with the same stream in every chain, so it is trained once and shared.
 */
import type { ExperimentConfig } from '../../runs/config';
import type { PopulationNet } from '../../nets/types';
import type { TaskInstance } from '../../tasks/types';
import { Rng } from '../../rng';
import { getPruneMethod } from '../../prune/registry';
import type { GenerationMetrics, ImpEvent, RoundRecord } from '../events';
import { theta0For, type ChainState } from '../imp';
import { denseMask } from '../../prune/layout';
import type { GdOptions } from './gd-options';
import { trainGd, type GdEpochMetrics, type GdOutcome, type GdTrainSet } from './train-gd';
import { gdPruneProblem } from './gd-eligibility';
import { closeRound } from '../resume';

/** The GD chains the paper ran (docs/ALGORITHMS.md §4.1: final-ticket and random-reinit). */
export const GD_DEFAULT_METHODS = ['magnitude', 'random_reinit'] as const;

/** Record method id of a GD chain, e.g. 'gd_magnitude'. */
export function gdMethodId(pruneMethodId: string): string {
  return `gd_${pruneMethodId}`;
}

export interface GdImpInput {
  readonly net: PopulationNet;
  readonly task: TaskInstance;
  readonly train: GdTrainSet;
  readonly options: GdOptions;
  /** Pruning settings (methods = prune registry ids; SNR is refused: GD has no σ). */
  readonly prune: ExperimentConfig['prune'];
  readonly seed: number;
  readonly onEvent?: (e: ImpEvent) => void;
  readonly gate?: () => Promise<void> | void;
  /** Continue from saved chain states (resume after a reload; prune ids, as the 'round' events' `next`). */
  readonly resume?: readonly ChainState[];
}

export interface GdImpResult {
  readonly records: RoundRecord[];
  readonly theta0: Float32Array;
}

/** Per-epoch GD metrics in the ES generation-metrics shape (score = −training CE). */
export function epochAsGeneration(
  m: GdEpochMetrics,
  ids: { seed: number; method: string; roundNum: number },
  esDim: number,
): GenerationMetrics {
  return {
    ...ids,
    gen: m.step,
    generations: m.totalSteps,
    bestScore: -m.trainLoss,
    meanScore: -m.trainLoss,
    lastEval: m.lastEval,
    esDim,
    evalsPerSec: m.examplesPerSec,
  };
}

export async function runGdImp(input: GdImpInput): Promise<GdImpResult> {
  const { net, task, train, options, prune, seed } = input;
  for (const id of prune.methods) {
    const problem = gdPruneProblem(getPruneMethod(id));
    if (problem) throw new Error(problem);
  }
  const root = new Rng(seed);
  const theta0 = theta0For(net, seed);
  let chains: ChainState[] = input.resume
    ? [...input.resume]
    : prune.methods.map((method) => ({ method, nextRoundNum: 1, mask: denseMask(net.paramCount), init: theta0 }));
  const records: RoundRecord[] = [];
  const emit = (e: ImpEvent) => input.onEvent?.(e);

  // Streams depend only on (seed, round, method), so a resumed chain continues bit-identically.
  for (let roundNum = Math.min(...chains.map((c) => c.nextRoundNum)); roundNum <= prune.rounds; roundNum++) {
    const due = chains.filter((c) => c.nextRoundNum === roundNum);
    const sharers = roundNum === 1 ? due.map((c) => gdMethodId(c.method)) : [];
    let shared: GdOutcome | undefined;
    const next: ChainState[] = chains.filter((c) => c.nextRoundNum !== roundNum);
    for (const chain of due) {
      const method = gdMethodId(chain.method);
      const esDim = chain.mask.reduce((n, m) => n + m, 0);
      const outcome =
        shared ??
        (await trainGd({
          net,
          task,
          train,
          options,
          mask: chain.mask,
          init: chain.init,
          rng: root.split('gd').split(roundNum),
          gate: input.gate,
          onEpoch: (m) =>
            emit({ type: 'generation', metrics: epochAsGeneration(m, { seed, method, roundNum }, esDim) }),
        }));
      if (roundNum === 1) shared = outcome;
      const { record, next: nextState } = closeRound({
        net,
        prune,
        seed,
        chain,
        recordMethod: method,
        roundNum,
        outcome,
        theta0,
        generations: outcome.steps,
        sharedWith: sharers,
      });
      next.push(nextState);
      records.push(record);
      emit({ type: 'round', record, next: nextState });
    }
    chains = next;
  }
  return { records, theta0 };
}
