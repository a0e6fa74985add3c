/**
 * Benchmark: time per generation of the IMP inner loop (ask + evaluate + tell, through the same
 * evaluator the ES loop uses: this thread, or split over W threads) for the `mnist-quick` preset at
 * sparsities of its schedule, and for the larger MLP 784-32-10 (P=64, B=256) setting, split into its
 * parts. Medians over the generations (robust to other jobs on the cores); CPU is the whole process's
 * (all threads). The NumPy comparison, the W scaling and the start-up live in speed-bench.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import os from 'node:os';
import { parseConfig, type ExperimentConfig } from '../../src/core/runs/config';
import { getPreset } from '../../src/core/runs/presets';
import { instantiate } from '../../src/core/experiments/setup';
import { EsRunner } from '../../src/core/es/run-strategy';
import { ScatterPlan, activeIndices, pack } from '../../src/core/experiments/masked-params';
import { sparsityOfRound } from '../../src/core/prune/schedule';
import { getPruneMethod } from '../../src/core/prune/registry';
import { roundNetwork } from '../../src/core/experiments/round-net';
import { askGeneration, inThreadEvaluator, type PopulationEvaluator } from '../../src/core/experiments/evaluator';
import type { PopulationNet } from '../../src/core/nets/types';
import type { TaskInstance } from '../../src/core/tasks/types';
import { Rng } from '../../src/core/rng';
import { dataReader } from '../../src/cli/node-io';
import { startNodeSplit } from '../../src/cli/eval-threads';

export interface ImpBenchRow {
  setting: string;
  backend: string;
  threads: number;
  sparsityPct: number;
  esDim: number;
  activeInputs: number;
  askMs: number;
  evalMs: number;
  tellMs: number;
  /** Median wall-clock ms per generation. */
  genMs: number;
  /** Process CPU ms per generation (user + system, all threads), median. */
  cpuGenMs: number;
  load1: number;
}

export const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
};

/** A magnitude mask of θ0 at sparsity `s` (the cost depends on the sparsity, not on which weights). */
export function magnitudeMask(net: PopulationNet, theta0: Float32Array, s: number, rng: Rng): Uint8Array {
  const dense = new Uint8Array(net.paramCount).fill(1);
  if (s === 0) return dense;
  return getPruneMethod('magnitude').next(
    {
      layers: net.layers,
      paramCount: net.paramCount,
      mask: dense,
      mean: theta0,
      std: new Float32Array(net.paramCount).fill(1),
      theta0,
      targetSparsity: s,
      scope: 'global',
      rng,
      reinit: (r) => net.init(r),
    },
    {},
  ).mask;
}

export interface GenerationTiming {
  askMs: number;
  evalMs: number;
  tellMs: number;
  genMs: number;
  cpuGenMs: number;
  esDim: number;
  activeInputs: number;
}

/** Times `gens` generations (after 5 warm-up ones) of `config`'s ES on `mask` with `evaluator`. */
export async function timeGenerations(
  config: ExperimentConfig,
  parts: { task: TaskInstance; net: PopulationNet },
  mask: Uint8Array,
  evaluator: PopulationEvaluator,
  gens: number,
): Promise<GenerationTiming> {
  const { net } = parts;
  const rng = new Rng(0);
  const idx = activeIndices(mask);
  const roundNet = roundNetwork(config, net, mask);
  const plan = new ScatterPlan(mask);
  const runner = EsRunner.create(
    {
      strategyId: config.es.id,
      params: config.es.params,
      popSize: config.es.popSize,
      dim: idx.length,
      rng,
      shaping: { centeredRank: config.es.centeredRank },
    },
    pack(net.init(rng.split('theta0')), idx),
  );
  const round = await evaluator.beginRound({
    net: roundNet,
    mask,
    plan,
    layout: runner.strategy.antithetic,
    popSize: config.es.popSize,
  });
  const t = { ask: [] as number[], ev: [] as number[], tell: [] as number[], gen: [] as number[], cpu: [] as number[] };
  try {
    for (let g = 0; g < gens + 5; g++) {
      const c0 = process.cpuUsage(),
        t0 = performance.now();
      // With a split the [P, d] block is built inside `evaluate` (after the workers got the recipe).
      const asked = askGeneration(runner, evaluator.needsRecipe);
      if (!evaluator.needsRecipe) asked.population();
      const t1 = performance.now();
      const scores = await round.evaluate({ ...asked, rng: rng.split('data').split(g) });
      const t2 = performance.now();
      runner.tell(asked.population(), scores);
      asked.dispose();
      const t3 = performance.now(),
        c = process.cpuUsage(c0);
      if (g < 5) continue; // warm-up: kernels, JIT, buffers
      t.ask.push(t1 - t0);
      t.ev.push(t2 - t1);
      t.tell.push(t3 - t2);
      t.gen.push(t3 - t0);
      t.cpu.push((c.user + c.system) / 1000);
    }
  } finally {
    runner.dispose();
    plan.dispose();
  }
  return {
    askMs: median(t.ask),
    evalMs: median(t.ev),
    tellMs: median(t.tell),
    genMs: median(t.gen),
    cpuGenMs: median(t.cpu),
    esDim: idx.length,
    activeInputs: Number(/\[(\d+)\//.exec(roundNet.describe)?.[1] ?? net.inputSize),
  };
}

/** One setting at several sparsities with `threads` evaluation threads. */
async function settingRows(
  setting: string,
  config: ExperimentConfig,
  sparsities: readonly number[],
  threads: number,
  gens: number,
): Promise<ImpBenchRow[]> {
  const parts = await instantiate(config, dataReader);
  const split = await startNodeSplit(parts.task, config, tf.getBackend(), threads);
  const evaluator = split.evaluator ?? inThreadEvaluator(parts.task);
  const theta0 = parts.net.init(new Rng(0).split('theta0'));
  const rows: ImpBenchRow[] = [];
  try {
    for (const s of sparsities) {
      const mask = magnitudeMask(parts.net, theta0, s, new Rng(1));
      const timing = await timeGenerations(config, parts, mask, evaluator, gens);
      rows.push({
        setting,
        backend: tf.getBackend(),
        threads: split.evaluator?.threads ?? 1,
        sparsityPct: +(100 * s).toFixed(1),
        ...timing,
        load1: +os.loadavg()[0].toFixed(2),
      });
    }
  } finally {
    split.evaluator?.close();
    parts.task.dispose();
  }
  return rows;
}

/** The cost per generation against sparsity (mnist-quick's schedule) for 1 and 2 threads, and 784-32-10. */
export async function runImpBench(gens = 30, threadCounts: readonly number[] = [1, 2]): Promise<ImpBenchRow[]> {
  const quick = parseConfig(getPreset('mnist-quick').config);
  const schedule = [1, 4, 7, 10, 12].map((k) => sparsityOfRound(k, 1 - quick.prune.pruneFrac));
  const rows: ImpBenchRow[] = [];
  for (const w of tf.getBackend() === 'wasm' ? threadCounts : [1])
    rows.push(...(await settingRows('mnist-quick 196-32-10 P64 B256', quick, schedule, w, gens)));
  const wide = parseConfig({ ...quick, task: { id: 'mnist', params: { pool: '28x28', batchSize: 256 } } });
  rows.push(...(await settingRows('MLP 784-32-10 P64 B256', wide, [0], 1, gens)));
  return rows;
}
