/**
 * TaskDef / TaskInstance adapters for the classic-control environments (docs/ALGORITHMS.md §9.2,
 * §9.3, §11). Fitness = mean undiscounted return over `episodes` episodes whose start states are
 * shared by the whole population (evojax semantics); the test metric is the mean return over a
 * FIXED set of `testEpisodes` episodes (the same start states in every run and round, like a test
 * set), and the test loss is −return (STYLE.md convention 6: the sign flip lives here).
 */
import * as tf from '@tensorflow/tfjs-core';
import { int, resolveParams } from '../../params';
import type { AnyParamValues, ParamSpecs } from '../../params';
import type { PopulationNet } from '../../nets/types';
import { Rng } from '../../rng';
import type { PopulationScores, TaskDef, TaskInstance, TestResult } from '../types';
import type { ControlEnv } from './envs/types';
import { rowPolicyFor } from './policy-net';
import { rolloutPopulation } from './rollout';
import type { RolloutResult } from './rollout';

/** Seed of the fixed test-episode stream; split by env id so each env has its own test set. */
export const TEST_EPISODE_SEED = 20230601;

/** The fixed episode-reset stream used by `evaluateTest` for `env` (also for replaying test episodes). */
export function testEpisodeRng(env: ControlEnv): Rng {
  return new Rng(TEST_EPISODE_SEED).split(`test-episodes/${env.id}`);
}

export interface ControlTaskOptions {
  /** Task registry id, e.g. "cartpole". */
  readonly id: string;
  readonly env: ControlEnv;
  /** Training episodes per member per generation (evojax n_repeats). */
  readonly episodes: number;
  /** Fixed test episodes (docs/ALGORITHMS.md §9.3: 32 for Pendulum, 64 for Brax). */
  readonly testEpisodes: number;
  /** Overrides of the env's param defaults (e.g. maxSteps). */
  readonly envDefaults?: AnyParamValues;
  readonly help: string;
  readonly notes?: readonly string[];
}

/** Task param specs: episodes, test episodes, then the env's constants (defaults overridable). */
function taskParamSpecs(o: ControlTaskOptions): ParamSpecs {
  const envSpecs: Record<string, ParamSpecs[string]> = {};
  for (const [k, s] of Object.entries(o.env.paramSpecs)) {
    const d = o.envDefaults?.[k];
    envSpecs[k] = d === undefined ? s : ({ ...s, default: d } as ParamSpecs[string]);
  }
  return {
    episodes: int(
      o.episodes,
      1,
      256,
      'Episodes per member',
      'Episodes per fitness evaluation; start states shared by the population (evojax n_repeats).',
    ),
    testEpisodes: int(
      o.testEpisodes,
      1,
      1024,
      'Test episodes',
      'Fixed episode set for the test metric (same start states every run).',
    ),
    ...envSpecs,
  };
}

/** Envs' own params out of the task's resolved params. */
function envParamsOf(env: ControlEnv, p: AnyParamValues): AnyParamValues {
  const out: AnyParamValues = {};
  for (const k of Object.keys(env.paramSpecs)) out[k] = p[k];
  return out;
}

/** Rollout of a whole population [P, D] (one dataSync) over `episodes` episodes from `rng`. */
export function rolloutNet(
  env: ControlEnv,
  envParams: AnyParamValues,
  net: PopulationNet,
  params: tf.Tensor2D,
  episodes: number,
  rng: Rng,
): RolloutResult {
  const flat = params.dataSync() as Float32Array;
  const policy = rowPolicyFor(net, params, flat);
  return rolloutPopulation({ env, envParams, members: params.shape[0], episodes, policy, rng });
}

class ControlTaskInstance implements TaskInstance {
  readonly kind = 'control' as const;
  /** Every member runs the same episodes (shared reset states) on its own. */
  readonly independentMembers = true;
  readonly io;
  private readonly testRng: Rng;

  constructor(
    readonly id: string,
    readonly env: ControlEnv,
    private readonly envParams: AnyParamValues,
    private readonly episodes: number,
    private readonly testEpisodes: number,
    readonly notes: readonly string[],
  ) {
    this.io = { inputShape: [env.obsDim], outputSize: env.outputSize };
    this.testRng = testEpisodeRng(env);
  }

  evaluatePopulation(net: PopulationNet, params: tf.Tensor2D, rng: Rng): PopulationScores {
    const r = rolloutNet(this.env, this.envParams, net, params, this.episodes, rng);
    return { scores: tf.tensor1d(Float32Array.from(r.meanReturns)) };
  }

  async evaluateTest(net: PopulationNet, params: tf.Tensor2D): Promise<TestResult[]> {
    const r = rolloutNet(this.env, this.envParams, net, params, this.testEpisodes, this.testRng);
    return Array.from(r.meanReturns, (perf) => ({ perf, loss: -perf }));
  }

  dispose(): void {
    /* typed arrays only: nothing to free */
  }
}

/** A registry entry for one control env. */
export function controlTaskDef(o: ControlTaskOptions): TaskDef {
  const paramSpecs = taskParamSpecs(o);
  return {
    id: o.id,
    label: o.env.label,
    help: o.help,
    kind: 'control',
    paramSpecs,
    async load(given: AnyParamValues): Promise<TaskInstance> {
      const p = resolveParams(paramSpecs, given) as AnyParamValues;
      const notes = [...(o.notes ?? [])];
      return new ControlTaskInstance(
        o.id,
        o.env,
        envParamsOf(o.env, p),
        p.episodes as number,
        p.testEpisodes as number,
        notes,
      );
    },
  };
}
