/**
 * TaskDef / TaskInstance for the MuJoCo locomotion tasks (docs/ALGORITHMS.md §9.2, §9.3 Brax
 * column): the episodic-task rules of ../episodic.ts (fitness = mean return over episodes shared by the
 * population, test = a fixed episode set, loss = −return) over a pool of MuJoCo simulations. Registered
 * with kind 'control', so IMP, pruning, baselines, analyses and the rollout view treat it like the
 * classic-control tasks.
 *
 * Observation normalisation (docs/ALGORITHMS.md §9.2, evojax running mean/var) is the `obsNorm` param. Its statistics
 * live in the task instance, are updated after every training rollout and are NOT saved with a run,
 * so the lab's default is off (a saved policy then replays exactly); turn it on for Brax parity.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { bool, pickParams, resolveParams } from '../../params';
import type { AnyParamValues, BoolParamSpec, ParamValues } from '../../params';
import type { PopulationNet } from '../../nets/types';
import type { Rng } from '../../rng';
import type { TaskDef, TaskInstance } from '../types';
import { EPISODIC_TASK, episodeParamSpecs, EpisodicTaskInstance, testEpisodeStream } from '../episodic';
import type { EpisodeParamSpecs } from '../episodic';
import { rowPolicyFor } from '../control/policy-net';
import { loadMujoco } from './mujoco-loader';
import { ObsNormalizer } from './obs-norm';
import { rolloutLocomotion } from './rollout';
import type { LocomotionRolloutResult } from './rollout';
import { LocomotionSim } from './sim';
import { locomotionMemoryProblem, simulationCapacity } from './memory';
import type { LocomotionModel, LocomotionParams, LocomotionParamSpecs } from './types';

/** The fixed test-episode stream of `model` (also for replaying test episodes). */
export function locomotionTestRng(model: LocomotionModel): Rng {
  return testEpisodeStream('locomotion', model.id);
}

export interface LocomotionTaskOptions {
  /** Task registry id, e.g. "hopper". */
  readonly id: string;
  readonly model: LocomotionModel;
  readonly help: string;
  readonly notes?: readonly string[];
}

/** The specs of a locomotion task's params: episodes, test episodes, observation normalisation, the model's constants. */
export type LocomotionTaskParamSpecs = EpisodeParamSpecs & { readonly obsNorm: BoolParamSpec } & LocomotionParamSpecs;

/** Task params: episodes, test episodes, observation normalisation, then the model's constants. */
export function locomotionParamSpecs(model: LocomotionModel): LocomotionTaskParamSpecs {
  return {
    ...episodeParamSpecs({ episodes: 8, maxEpisodes: 64, testEpisodes: 64, maxTestEpisodes: 256 }),
    obsNorm: bool(
      false,
      'Normalise observations',
      "evojax running mean/var from training rollouts (the paper's Brax runs). Off by default: the statistics are not saved with a run.",
    ),
    ...model.paramSpecs,
  };
}

/** Rollout of a population [P, D] (one dataSync) on `sim`. */
export function rolloutNetLocomotion(
  sim: LocomotionSim,
  net: PopulationNet,
  params: tf.Tensor2D,
  episodes: number,
  rng: Rng,
  normalizer?: ObsNormalizer,
  updateNormalizer = false,
): LocomotionRolloutResult {
  const flat = params.dataSync() as Float32Array;
  const policy = rowPolicyFor(net, params, flat);
  return rolloutLocomotion({ sim, members: params.shape[0], episodes, policy, rng, normalizer, updateNormalizer });
}

class LocomotionTaskInstance extends EpisodicTaskInstance {
  /** Observation normalisation updates statistics shared by all members during training rollouts. */
  readonly independentMembers: boolean;
  private readonly normalizer: ObsNormalizer | undefined;

  constructor(
    id: string,
    private readonly sim: LocomotionSim,
    episodes: number,
    testEpisodes: number,
    obsNorm: boolean,
    notes: readonly string[],
  ) {
    const io = { inputShape: [sim.spec.obsDim], outputSize: sim.spec.actDim };
    super(id, io, episodes, testEpisodes, locomotionTestRng(sim.spec), notes);
    this.normalizer = obsNorm ? new ObsNormalizer(sim.spec.obsDim) : undefined;
    this.independentMembers = !obsNorm;
  }

  /**
   * Each training (an IMP round of one chain and seed, a transfer) starts from fresh observation
   * statistics, as the paper's code builds a new normaliser per training: otherwise a round would see the
   * observations of every round, chain and seed trained before it in this instance, and a resumed run
   * would differ from an uninterrupted one.
   */
  beginTraining(): void {
    this.normalizer?.reset();
  }

  /** Training rollouts update the observation statistics; test rollouts only read them. */
  protected rollout(net: PopulationNet, params: tf.Tensor2D, episodes: number, rng: Rng, training: boolean) {
    return rolloutNetLocomotion(this.sim, net, params, episodes, rng, this.normalizer, training);
  }

  /** Test rows in batches whose simulations fit in memory (memory.ts). */
  protected override maxTestRows(): number {
    return simulationCapacity(this.sim.spec) / this.testEpisodes;
  }

  dispose(): void {
    this.sim.dispose();
  }
}

/** Model constants out of the task's resolved params. */
export function modelParamsOf(model: LocomotionModel, p: ParamValues<LocomotionTaskParamSpecs>): LocomotionParams {
  return pickParams(model.paramSpecs, p);
}

/** A registry entry for one locomotion model; `load` brings up MuJoCo (a MujocoLoadError if it cannot). */
export function locomotionTaskDef(o: LocomotionTaskOptions): TaskDef {
  const paramSpecs = locomotionParamSpecs(o.model);
  return {
    id: o.id,
    label: o.model.label,
    help: o.help,
    ...EPISODIC_TASK,
    paramSpecs,
    ioOf: () => ({ inputShape: [o.model.obsDim], outputSize: o.model.actDim }),
    scoresTogether: (given: AnyParamValues) => resolveParams(paramSpecs, given).obsNorm,
    memoryProblem(given: AnyParamValues, popSize: number) {
      const p = resolveParams(paramSpecs, given);
      return locomotionMemoryProblem(o.model, o.id, popSize, p.episodes, p.testEpisodes);
    },
    async load(given: AnyParamValues): Promise<TaskInstance> {
      const p = resolveParams(paramSpecs, given);
      const sim = new LocomotionSim(await loadMujoco(), o.model, modelParamsOf(o.model, p));
      const notes = [...(o.notes ?? [])];
      if (p.obsNorm)
        notes.push(
          'Observation normalisation is on: its running statistics are not saved with the run, so replays of saved policies run without them.',
        );
      return new LocomotionTaskInstance(o.id, sim, p.episodes, p.testEpisodes, p.obsNorm, notes);
    },
  };
}
