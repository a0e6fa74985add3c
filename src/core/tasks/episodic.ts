/**
 * What the episodic tasks — classic control (control/) and MuJoCo locomotion (locomotion/) — share
 * (docs/ALGORITHMS.md §9.2, evojax semantics): the episode-count parameters, the fixed test-episode
 * streams, and the TaskInstance rules. Fitness is the mean undiscounted return over `episodes` episodes
 * whose start states the whole population shares (drawn from the generation's stream); the test metric is
 * the mean return over a FIXED set of `testEpisodes` start states, the same in every run and round (like a
 * test set); the test loss is −return (docs/ARCHITECTURE.md convention 6: the sign flip lives here).
 */
import * as tf from '@tensorflow/tfjs-core';
import { int, type ParamSpecs } from '../params';
import type { NetworkIO, PopulationNet } from '../nets/types';
import { Rng } from '../rng';
import type { PopulationScores, TaskInstance, TestResult } from './types';

/**
 * Seeds of the fixed test-episode streams, one per task family. They fix which start states every stored
 * result was tested on, so they never change.
 */
export const TEST_EPISODE_SEEDS = { control: 20230601, locomotion: 20230602 } as const;
export type EpisodicFamily = keyof typeof TEST_EPISODE_SEEDS;

/** The fixed test-episode stream of environment `envId` (also used to replay a test episode). */
export function testEpisodeStream(family: EpisodicFamily, envId: string): Rng {
  return new Rng(TEST_EPISODE_SEEDS[family]).split(`test-episodes/${envId}`);
}

/** Default and upper limit of the two episode counts of a task family. */
export interface EpisodeCounts {
  readonly episodes: number;
  readonly maxEpisodes: number;
  readonly testEpisodes: number;
  readonly maxTestEpisodes: number;
}

/** The `episodes` and `testEpisodes` task params. */
export function episodeParamSpecs(c: EpisodeCounts): ParamSpecs {
  return {
    episodes: int(
      c.episodes,
      1,
      c.maxEpisodes,
      'Episodes per member',
      'Training episodes per fitness evaluation; start states shared by the population (evojax n_repeats; the paper: 8, docs/ALGORITHMS.md §9.3).',
    ),
    testEpisodes: int(
      c.testEpisodes,
      1,
      c.maxTestEpisodes,
      'Test episodes',
      'Fixed episode set for the test metric, the same start states in every run (the paper: 32 for Pendulum, 64 for Brax, docs/ALGORITHMS.md §9.3).',
    ),
  };
}

/** The TaskDef properties every episodic task shares. */
export const EPISODIC_TASK = {
  kind: 'control',
  metric: 'return',
  supportsGd: false,
  transferGroup: null,
  pixelInputs: false,
} as const;

/** Mean return per member of a population rollout. */
export interface EpisodicReturns {
  readonly meanReturns: ArrayLike<number>;
}

/** The TaskInstance of an episodic task; a family supplies only how a population is rolled out. */
export abstract class EpisodicTaskInstance implements TaskInstance {
  readonly kind = 'control' as const;
  readonly metric = 'return' as const;
  private readonly testRng: Rng;

  constructor(
    readonly id: string,
    readonly io: NetworkIO,
    private readonly episodes: number,
    private readonly testEpisodes: number,
    testRng: Rng,
    readonly notes: readonly string[],
  ) {
    this.testRng = testRng;
  }

  /** Rolls out every row of `params` for `episodes` episodes from `rng`; `training` marks fitness rollouts. */
  protected abstract rollout(
    net: PopulationNet,
    params: tf.Tensor2D,
    episodes: number,
    rng: Rng,
    training: boolean,
  ): EpisodicReturns;

  evaluatePopulation(net: PopulationNet, params: tf.Tensor2D, rng: Rng): PopulationScores {
    const r = this.rollout(net, params, this.episodes, rng, true);
    return { scores: tf.tensor1d(Float32Array.from(r.meanReturns)) };
  }

  async evaluateTest(net: PopulationNet, params: tf.Tensor2D): Promise<TestResult[]> {
    const r = this.rollout(net, params, this.testEpisodes, this.testRng, false);
    return Array.from(r.meanReturns, (perf) => ({ perf, loss: -perf }));
  }

  abstract dispose(): void;
}
