/**
 * TaskDef / TaskInstance adapters for the classic-control environments (docs/ALGORITHMS.md §9.2,
 * §9.3, §11): the episodic-task rules of ../episodic.ts (fitness = mean return over episodes shared by
 * the population, test = a fixed episode set, loss = −return) over the batched gymnax environments.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { ownSpec, pickParams, resolveParams } from '../../params';
import type { AnyParamValues } from '../../params';
import type { PopulationNet } from '../../nets/types';
import type { Rng } from '../../rng';
import type { TaskDef, TaskInstance } from '../types';
import { EPISODIC_TASK, episodeParamSpecs, EpisodicTaskInstance, testEpisodeStream } from '../episodic';
import type { EpisodeParamSpecs } from '../episodic';
import type { ControlEnv, EnvParams, EnvParamSpecs } from './envs/types';
import { rowPolicyFor } from './policy-net';
import { rolloutPopulation } from './rollout';
import type { RolloutResult } from './rollout';

/** The fixed episode-reset stream used by `evaluateTest` for `env` (also for replaying test episodes). */
export function testEpisodeRng(env: ControlEnv): Rng {
  return testEpisodeStream('control', env.id);
}

export interface ControlTaskOptions {
  /** Task registry id, e.g. "cartpole". */
  readonly id: string;
  readonly env: ControlEnv;
  /** Training episodes per member per generation (evojax n_repeats). */
  readonly episodes: number;
  /** Fixed test episodes (docs/ALGORITHMS.md §9.3: 32 for Pendulum, 64 for Brax). */
  readonly testEpisodes: number;
  readonly help: string;
  readonly notes?: readonly string[];
}

/** The specs of a control task's params: episodes, test episodes, then the env's constants. */
export type ControlTaskParamSpecs = EpisodeParamSpecs & EnvParamSpecs;

/** Task param specs: episodes, test episodes, then the env's constants. */
function taskParamSpecs(o: ControlTaskOptions): ControlTaskParamSpecs {
  return {
    ...episodeParamSpecs({
      episodes: o.episodes,
      maxEpisodes: 256,
      testEpisodes: o.testEpisodes,
      maxTestEpisodes: 1024,
    }),
    ...o.env.paramSpecs,
  };
}

/**
 * The params of `env` out of a run's task params (other task params such as the episode counts are
 * left out; defaults filled, every value checked against its spec): what replaying a stored policy needs.
 */
export function controlEnvParams(env: ControlEnv, taskParams: Partial<AnyParamValues>): EnvParams {
  const specs: EnvParamSpecs = env.paramSpecs;
  const known: Partial<AnyParamValues> = {};
  for (const [k, v] of Object.entries(taskParams)) if (ownSpec(specs, k)) known[k] = v;
  return resolveParams(specs, known);
}

/** Rollout of a whole population [P, D] (one dataSync) over `episodes` episodes from `rng`. */
export function rolloutNet(
  env: ControlEnv,
  envParams: EnvParams,
  net: PopulationNet,
  params: tf.Tensor2D,
  episodes: number,
  rng: Rng,
): RolloutResult {
  const flat = params.dataSync() as Float32Array;
  const policy = rowPolicyFor(net, params, flat);
  return rolloutPopulation({ env, envParams, members: params.shape[0], episodes, policy, rng });
}

class ControlTaskInstance extends EpisodicTaskInstance {
  /** Every member runs the same episodes (shared reset states) on its own. */
  readonly independentMembers = true;

  constructor(
    id: string,
    readonly env: ControlEnv,
    private readonly envParams: EnvParams,
    episodes: number,
    testEpisodes: number,
    notes: readonly string[],
  ) {
    super(
      id,
      { inputShape: [env.obsDim], outputSize: env.outputSize },
      episodes,
      testEpisodes,
      testEpisodeRng(env),
      notes,
    );
  }

  protected rollout(net: PopulationNet, params: tf.Tensor2D, episodes: number, rng: Rng) {
    return rolloutNet(this.env, this.envParams, net, params, episodes, rng);
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
    ...EPISODIC_TASK,
    paramSpecs,
    ioOf: () => ({ inputShape: [o.env.obsDim], outputSize: o.env.outputSize }),
    async load(given: AnyParamValues): Promise<TaskInstance> {
      const p = resolveParams(paramSpecs, given);
      const notes = [...(o.notes ?? [])];
      return new ControlTaskInstance(o.id, o.env, pickParams(o.env.paramSpecs, p), p.episodes, p.testEpisodes, notes);
    },
  };
}
