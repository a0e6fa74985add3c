/**
 * Who evaluates each generation's population in TRAIN_ES (docs/ALGORITHMS.md §3.1): this thread
 * (`inThreadEvaluator`, the default), or this thread and evaluation workers that split the population
 * (parallel/split-evaluator.ts). Either way the scores are the same, bit for bit.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { PopulationRecipe } from '../es/population-rows';
import { withPopulationLayout, type PopulationLayout, type PopulationNet } from '../nets/types';
import type { Rng } from '../rng';
import type { TaskInstance } from '../tasks/types';
import type { ScatterPlan } from './masked-params';

/** What one IMP round's evaluations share. */
export interface RoundSetup {
  /** The round's network (input-compacted for vision MLPs, round-net.ts). */
  readonly net: PopulationNet;
  readonly mask: Uint8Array;
  /** Packed [P, d] → full [P, D] for this mask. */
  readonly plan: ScatterPlan;
  readonly layout: PopulationLayout;
  readonly popSize: number;
}

/**
 * One generation: the population [P, d] (built on the first call, owned by the caller), the same as a
 * recipe when the evaluator asked for one, and the generation's data stream — a fresh Rng (evaluation
 * workers get its key and start it afresh). The block is built lazily so that an evaluator with workers
 * can post them the recipe before this thread spends time building it.
 */
export interface GenerationInput {
  population(): tf.Tensor2D;
  readonly recipe?: PopulationRecipe;
  readonly rng: Rng;
}

/** A generation's population from an ES runner: the recipe now (when wanted), the block when first needed. */
export interface AskedGeneration {
  readonly recipe?: PopulationRecipe;
  population(): tf.Tensor2D;
  /** Frees the block if it was built. */
  dispose(): void;
}

export function askGeneration(
  runner: { ask(): tf.Tensor2D; recipe(): PopulationRecipe },
  withRecipe: boolean,
): AskedGeneration {
  let x: tf.Tensor2D | null = null;
  return {
    recipe: withRecipe ? runner.recipe() : undefined,
    population: () => (x ??= runner.ask()),
    dispose: () => {
      x?.dispose();
      x = null;
    },
  };
}

export interface RoundEvaluation {
  /** Raw maximise-form scores of the P members. */
  evaluate(gen: GenerationInput): Promise<Float32Array>;
}

export interface PopulationEvaluator {
  /** Whether `evaluate` needs the population as a recipe (workers rebuild their rows from it). */
  readonly needsRecipe: boolean;
  /** Starts a round (a training): the task restarts its minibatch order (TaskInstance.beginTraining). */
  beginRound(setup: RoundSetup): Promise<RoundEvaluation>;
}

/** Evaluates the whole population in this thread: the task's own `evaluatePopulation`. */
export function inThreadEvaluator(task: TaskInstance): PopulationEvaluator {
  return {
    needsRecipe: false,
    async beginRound(setup) {
      task.beginTraining?.();
      // The antithetic layout lets the host forward share the first layer's centre product.
      const net = withPopulationLayout(setup.net, setup.layout);
      return {
        async evaluate({ population, rng }) {
          const full = setup.plan.scatter(population());
          const scores = task.evaluatePopulation(net, full, rng).scores;
          full.dispose();
          const out = Float32Array.from(scores.dataSync() as Float32Array);
          scores.dispose();
          return out;
        },
      };
    },
  };
}
