/**
 * TaskDef / TaskInstance adapters for the classic-control environments (docs/ALGORITHMS.md §9.2,
 * §9.3, §11): the episodic-task rules of ../episodic.ts (fitness = mean return over episodes shared by
 * the population, test = a fixed episode set, loss = −return) over the batched gymnax environments.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { pickParams, resolveParams } from '../../params';
import type { AnyParamValues, ParamSpecs } from '../../params';
import type { PopulationNet } from '../../nets/types';
import type { Rng } from '../../rng';
import type { TaskDef, TaskInstance } from '../types';
import { EPISODIC_TASK, episodeParamSpecs, EpisodicTaskInstance, testEpisodeStream } from '../episodic';
import type { ControlEnv } from './envs/types';
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
    ...episodeParamSpecs({
      episodes: o.episodes,
      maxEpisodes: 256,
      testEpisodes: o.testEpisodes,
      maxTestEpisodes: 1024,
    }),
    ...envSpecs,
  };
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

class ControlTaskInstance extends EpisodicTaskInstance {
  constructor(
    id: string,
    readonly env: ControlEnv,
    private readonly envParams: AnyParamValues,
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
      const p = resolveParams(paramSpecs, given) as AnyParamValues;
      const notes = [...(o.notes ?? [])];
      return new ControlTaskInstance(
        o.id,
        o.env,
        pickParams(o.env.paramSpecs, p),
        p.episodes as number,
        p.testEpisodes as number,
        notes,
      );
    },
  };
}
