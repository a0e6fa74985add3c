/**
 * TaskDef / TaskInstance for the MuJoCo locomotion tasks (docs/ALGORITHMS.md §9.2, §9.3 Brax
 * column): fitness = mean return over `episodes` episodes whose start states the population shares;
 * test = mean return over a FIXED set of `testEpisodes` start states (like a test set); test loss =
 * −return (STYLE.md convention 6: the sign flip lives here). Registered with kind 'control', so IMP,
 * pruning, baselines, analyses and the rollout view treat it like the classic-control tasks.
 *
 * Observation normalisation (docs/ALGORITHMS.md §9.2, evojax running mean/var) is the `obsNorm` param. Its statistics
 * live in the task instance, are updated after every training rollout and are NOT saved with a run,
 * so the lab's default is off (a saved policy then replays exactly); turn it on for Brax parity.
 */
import * as tf from '@tensorflow/tfjs-core';
import { bool, int, resolveParams } from '../../params';
import type { AnyParamValues, ParamSpecs } from '../../params';
import type { PopulationNet } from '../../nets/types';
import { Rng } from '../../rng';
import type { PopulationScores, TaskDef, TaskInstance, TestResult } from '../types';
import { rowPolicyFor } from '../control/policy-net';
import { loadMujoco } from './mujoco-loader';
import { ObsNormalizer } from './obs-norm';
import { rolloutLocomotion } from './rollout';
import type { LocomotionRolloutResult } from './rollout';
import { LocomotionSim } from './sim';
import type { LocomotionModel } from './types';

/** Seed of the fixed test-episode stream, split by model id. */
export const LOCOMOTION_TEST_SEED = 20230602;

export function locomotionTestRng(model: LocomotionModel): Rng {
  return new Rng(LOCOMOTION_TEST_SEED).split(`test-episodes/${model.id}`);
}

export interface LocomotionTaskOptions {
  /** Task registry id, e.g. "hopper". */
  readonly id: string;
  readonly model: LocomotionModel;
  readonly help: string;
  readonly notes?: readonly string[];
}

/** Task params: episodes, test episodes, observation normalisation, then the model's constants. */
export function locomotionParamSpecs(model: LocomotionModel): ParamSpecs {
  return {
    episodes: int(
      8,
      1,
      64,
      'Episodes per member',
      'Training episodes per fitness evaluation; start states shared by the population (docs/ALGORITHMS.md §9.3: 8).',
    ),
    testEpisodes: int(
      64,
      1,
      256,
      'Test episodes',
      'Fixed episode set for the test metric (docs/ALGORITHMS.md §9.3 Brax: 64).',
    ),
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

class LocomotionTaskInstance implements TaskInstance {
  readonly kind = 'control' as const;
  readonly io;
  private readonly testRng: Rng;
  private readonly normalizer: ObsNormalizer | undefined;

  constructor(
    readonly id: string,
    private readonly sim: LocomotionSim,
    private readonly episodes: number,
    private readonly testEpisodes: number,
    obsNorm: boolean,
    readonly notes: readonly string[],
  ) {
    this.io = { inputShape: [sim.spec.obsDim], outputSize: sim.spec.actDim };
    this.testRng = locomotionTestRng(sim.spec);
    this.normalizer = obsNorm ? new ObsNormalizer(sim.spec.obsDim) : undefined;
  }

  evaluatePopulation(net: PopulationNet, params: tf.Tensor2D, rng: Rng): PopulationScores {
    const r = rolloutNetLocomotion(this.sim, net, params, this.episodes, rng, this.normalizer, true);
    return { scores: tf.tensor1d(Float32Array.from(r.meanReturns)) };
  }

  async evaluateTest(net: PopulationNet, params: tf.Tensor2D): Promise<TestResult[]> {
    const r = rolloutNetLocomotion(this.sim, net, params, this.testEpisodes, this.testRng, this.normalizer, false);
    return Array.from(r.meanReturns, (perf) => ({ perf, loss: -perf }));
  }

  dispose(): void {
    this.sim.dispose();
  }
}

/** Model constants out of the task's resolved params. */
export function modelParamsOf(model: LocomotionModel, p: AnyParamValues): AnyParamValues {
  const out: AnyParamValues = {};
  for (const k of Object.keys(model.paramSpecs)) out[k] = p[k];
  return out;
}

/** A registry entry for one locomotion model; `load` brings up MuJoCo (a MujocoLoadError if it cannot). */
export function locomotionTaskDef(o: LocomotionTaskOptions): TaskDef {
  const paramSpecs = locomotionParamSpecs(o.model);
  return {
    id: o.id,
    label: o.model.label,
    help: o.help,
    kind: 'control',
    paramSpecs,
    io: { inputShape: [o.model.obsDim], outputSize: o.model.actDim },
    async load(given: AnyParamValues): Promise<TaskInstance> {
      const p = resolveParams(paramSpecs, given) as AnyParamValues;
      const sim = new LocomotionSim(await loadMujoco(), o.model, modelParamsOf(o.model, p));
      const notes = [...(o.notes ?? [])];
      if (p.obsNorm)
        notes.push(
          'Observation normalisation is on: its running statistics are not saved with the run, so replays of saved policies run without them.',
        );
      return new LocomotionTaskInstance(
        o.id,
        sim,
        p.episodes as number,
        p.testEpisodes as number,
        p.obsNorm as boolean,
        notes,
      );
    },
  };
}
