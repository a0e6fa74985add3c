/**
 * What the episodic tasks — classic control (control/) and MuJoCo locomotion (locomotion/) — share
 * (docs/ALGORITHMS.md §9.2, evojax semantics): the episode-count parameters, the fixed test-episode
 * streams, and the TaskInstance rules. Fitness is the mean undiscounted return over `episodes` episodes
 * whose start states the whole population shares (drawn from the generation's stream); the test metric is
 * the mean return over a FIXED set of `testEpisodes` start states, the same in every run and round (like a
 * test set); the test loss is −return (docs/ARCHITECTURE.md convention 6: the sign flip lives here).
 */
import * as tf from '@tensorflow/tfjs-core';
import { int, type NumberParamSpec } from '../params';
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

/** The specs of the two episode counts every episodic task has. */
export interface EpisodeParamSpecs {
  readonly episodes: NumberParamSpec;
  readonly testEpisodes: NumberParamSpec;
}

/** The `episodes` and `testEpisodes` task params. */
export function episodeParamSpecs(c: EpisodeCounts): EpisodeParamSpecs {
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
    protected readonly testEpisodes: number,
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

  /** Most population rows one test rollout may take (all, unless the family's simulations are memory-bound). */
  protected maxTestRows(): number {
    return Infinity;
  }

  async evaluateTest(net: PopulationNet, params: tf.Tensor2D): Promise<TestResult[]> {
    // Rows in batches of at most maxTestRows. Test rollouts never update the task's state and every row
    // sees the same start states, so batching leaves each row's result unchanged.
    const rows = params.shape[0];
    const batch = Math.max(1, Math.floor(this.maxTestRows()));
    const out: TestResult[] = [];
    for (let start = 0; start < rows; start += batch) {
      const part =
        batch >= rows ? params : tf.slice(params, [start, 0], [Math.min(batch, rows - start), params.shape[1]]);
      try {
        const r = this.rollout(net, part, this.testEpisodes, this.testRng, false);
        for (const perf of Array.from(r.meanReturns)) out.push({ perf, loss: -perf });
      } finally {
        if (part !== params) part.dispose();
      }
    }
    return out;
  }

  abstract dispose(): void;
}
