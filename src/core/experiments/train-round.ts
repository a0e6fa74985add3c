/**
 * TRAIN_ES of docs/ALGORITHMS.md §3.1: one IMP round — a fresh ES state whose mean is the packed active
 * coordinates of M_k ⊙ w_k, run for G generations on the task (fresh shared minibatch / episodes per
 * generation), the mean evaluated on the test protocol after generation 1, every `evalEvery` generations
 * and at the end. Returns the final mean and σ scattered to full shape (σ = 1e20 at pruned entries).
 */
import * as tf from '@tensorflow/tfjs-core';
import { EsRunner } from '../es/run-strategy';
import type { SigmaMode } from '../es/types';
import type { PopulationNet } from '../nets/types';
import type { TaskInstance } from '../tasks/types';
import type { Rng } from '../rng';
import type { AnyParamValues } from '../params';
import type { ExperimentConfig } from '../runs/config';
import { activeIndices, pack, unpack, ScatterPlan } from './masked-params';
import type { EvalPoint, GenerationMetrics } from './events';
import { askGeneration, inThreadEvaluator, type PopulationEvaluator } from './evaluator';

/** Value es-lottery writes at pruned σ entries so their SNR is 0 (docs/ALGORITHMS.md §1.5). */
export const PRUNED_SIGMA = 1e20;

export interface RoundSpec {
  readonly net: PopulationNet;
  readonly task: TaskInstance;
  readonly mask: Uint8Array;
  /** w_k: starting weights (full length); only masked entries are used. */
  readonly init: Float32Array;
  readonly strategyId: string;
  readonly esParams: AnyParamValues;
  readonly popSize: number;
  readonly shaping: { centeredRank: boolean; zScore: boolean; wDecay: number };
  readonly meanDecay: number;
  readonly sigmaMode: SigmaMode;
  readonly generations: number;
  readonly evalEvery: number;
  /** ES stream of this round (es-lottery: seed + k) and data stream of this round. */
  readonly esRng: Rng;
  readonly dataRng: Rng;
  /** Generation metrics are reported every this many generations (and at the last). */
  readonly reportEvery: number;
  readonly onGeneration?: (m: Omit<GenerationMetrics, 'seed' | 'method' | 'roundNum'>) => void;
  /** Called once per generation; may await (pause) or throw (cancel). */
  readonly gate?: () => Promise<void> | void;
  /** Who scores each generation's population (default: `task` in this thread); same scores either way. */
  readonly evaluator?: PopulationEvaluator;
}

export type EsTrainerSettings = Omit<
  RoundSpec,
  'net' | 'task' | 'mask' | 'init' | 'esRng' | 'dataRng' | 'onGeneration' | 'gate' | 'reportEvery'
>;

/** The ES settings an experiment config trains with (its ES, shaping and per-round budget). */
export function esTrainerOf(config: ExperimentConfig): EsTrainerSettings {
  return {
    strategyId: config.es.id,
    esParams: config.es.params,
    popSize: config.es.popSize,
    shaping: { centeredRank: config.es.centeredRank, zScore: config.es.zScore, wDecay: config.es.wDecay },
    meanDecay: config.es.meanDecay,
    sigmaMode: config.es.sigmaMode,
    generations: config.budget.generationsPerRound,
    evalEvery: config.budget.evalEvery,
  };
}

export interface RoundOutcome {
  readonly mean: Float32Array;
  readonly std: Float32Array;
  readonly evals: EvalPoint[];
  readonly esDim: number;
  readonly wallMs: number;
  /** Generations skipped because their fitness was not a number (core/es/fitness-guard.ts). */
  readonly skipped?: number;
}

export class DivergenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DivergenceError';
  }
}

async function evaluateMean(spec: RoundSpec, runner: EsRunner, plan: ScatterPlan, gen: number): Promise<EvalPoint> {
  const full = tf.tidy(() => {
    const m = runner.meanTensor();
    return plan.scatter(tf.reshape(m, [1, m.shape[0]]) as tf.Tensor2D);
  });
  try {
    const [res] = await spec.task.evaluateTest(spec.net, full);
    if (!Number.isFinite(res.loss) && !Number.isFinite(res.perf)) {
      throw new DivergenceError(`the ES mean became non-finite at generation ${gen} — lower the learning rate or σ`);
    }
    return { gen, perf: res.perf, loss: res.loss };
  } finally {
    full.dispose();
  }
}

export async function trainRound(spec: RoundSpec): Promise<RoundOutcome> {
  const t0 = Date.now();
  const idx = activeIndices(spec.mask);
  const plan = new ScatterPlan(spec.mask);
  const runner = EsRunner.create(
    {
      strategyId: spec.strategyId,
      params: spec.esParams,
      popSize: spec.popSize,
      dim: idx.length,
      rng: spec.esRng,
      shaping: spec.shaping,
      meanDecay: spec.meanDecay,
    },
    pack(spec.init, idx),
  );
  const evals: EvalPoint[] = [];
  try {
    const evaluator = spec.evaluator ?? inThreadEvaluator(spec.task);
    const round = await evaluator.beginRound({
      net: spec.net,
      mask: spec.mask,
      plan,
      layout: runner.strategy.antithetic,
      popSize: spec.popSize,
    });
    for (let gen = 1; gen <= spec.generations; gen++) {
      // No tf.tidy around tell: the runner's new state must outlive this block (it disposes what it supersedes).
      const asked = askGeneration(runner, evaluator.needsRecipe);
      let scores: Float32Array;
      try {
        scores = await round.evaluate({ ...asked, rng: spec.dataRng.split(gen) });
        runner.tell(asked.population(), scores);
      } finally {
        asked.dispose();
      }
      const last = gen === spec.generations;
      let stats: [number, number] | null = null;
      if (spec.onGeneration && (gen % spec.reportEvery === 0 || last || gen === 1)) {
        const s = scores;
        let best = -Infinity,
          sum = 0,
          n = 0;
        for (const v of s) {
          if (Number.isFinite(v)) {
            best = Math.max(best, v);
            sum += v;
            n++;
          }
        }
        stats = [best, n ? sum / n : NaN];
      }
      if (gen === 1 || gen % spec.evalEvery === 0 || last) evals.push(await evaluateMean(spec, runner, plan, gen));
      if (stats && spec.onGeneration) {
        const elapsed = (Date.now() - t0) / 1000;
        spec.onGeneration({
          gen,
          generations: spec.generations,
          bestScore: stats[0],
          meanScore: stats[1],
          lastEval: evals[evals.length - 1],
          esDim: idx.length,
          evalsPerSec: elapsed > 0 ? (gen * spec.popSize) / elapsed : 0,
          ...(runner.skipped ? { skipped: runner.skipped } : {}),
        });
      }
      await spec.gate?.();
    }
    const mean = unpack(runner.mean(), idx, spec.mask.length, 0);
    const std = unpack(runner.perParamStd(spec.sigmaMode), idx, spec.mask.length, PRUNED_SIGMA);
    return {
      mean,
      std,
      evals,
      esDim: idx.length,
      wallMs: Date.now() - t0,
      ...(runner.skipped ? { skipped: runner.skipped } : {}),
    };
  } finally {
    runner.dispose();
    plan.dispose();
  }
}
