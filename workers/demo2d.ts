/**
 * The "ES on a 2-D test function" demo job. Any
 * registered strategy (docs/ALGORITHMS.md §2) runs through the shared `EsRunner` (§1.1) on a toy
 * function; every generation's population, mean and best-so-far score is collected and streamed in
 * throttled batches. Scores follow the lab's convention (maximise): score = −f(x).
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../src/core/rng';
import { EsRunner } from '../src/core/es/run-strategy';
import { getToy2d } from '../src/core/tasks/toy/toy-2d';
import type { Demo2dBatch, Demo2dConfig, Demo2dFrame, Demo2dResult, ToyGrid } from '../src/protocol/worker-protocol';
import { ProgressBatcher, type RunControl } from './run-control';

/** Checks the demo config; throws one error naming every problem. */
export function validateDemo2d(cfg: Demo2dConfig): void {
  const errs: string[] = [];
  if (!Number.isInteger(cfg.popSize) || cfg.popSize < 2 || cfg.popSize > 1024)
    errs.push(`popSize must be an integer in [2, 1024], got ${cfg.popSize}`);
  if (!Number.isInteger(cfg.generations) || cfg.generations < 1 || cfg.generations > 100_000)
    errs.push(`generations must be an integer in [1, 100000], got ${cfg.generations}`);
  if (!(cfg.gensPerSec >= 0)) errs.push(`gensPerSec must be ≥ 0, got ${cfg.gensPerSec}`);
  if (errs.length) throw new Error(errs.join('; '));
}

/** Evaluates the toy function on a grid spanning its plot bounds. */
export async function toyGridValues(fnId: string, res: number): Promise<ToyGrid> {
  const fn = getToy2d(fnId);
  const [x0, x1, y0, y1] = fn.bounds;
  const pts = new Float32Array(res * res * 2);
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      pts[2 * (r * res + c)] = x0 + ((x1 - x0) * c) / (res - 1);
      pts[2 * (r * res + c) + 1] = y0 + ((y1 - y0) * r) / (res - 1);
    }
  }
  const v = tf.tidy(() => fn.value(tf.tensor2d(pts, [res * res, 2])));
  // Async read: sync reads are slow on WebGPU/WebGL and unsupported in some worker setups.
  const values = (await v.data()) as Float32Array;
  v.dispose();
  return { fnId, res, bounds: fn.bounds, values: Float32Array.from(values) };
}

/** The job body: ask → evaluate → tell per generation, one `ctl.step()` per generation. */
export async function runDemo2dBody(
  cfg: Demo2dConfig,
  ctl: RunControl,
  emit: (batch: Demo2dBatch) => void,
): Promise<Demo2dResult> {
  validateDemo2d(cfg);
  const fn = getToy2d(cfg.fnId);
  const rng = new Rng(cfg.seed);
  // Start away from the minimiser so the search is visible; a small seeded jitter varies runs by seed.
  const [x0, x1] = fn.bounds;
  const initRng = rng.split('init');
  const jitter = 0.05 * (x1 - x0);
  const meanInit = Float32Array.from(fn.start, (v) => v + jitter * (2 * initRng.uniform() - 1));
  const runner = EsRunner.create(
    { strategyId: cfg.strategyId, params: cfg.params, popSize: cfg.popSize, dim: 2, rng: rng.split('es') },
    meanInit,
  );
  const batcher = new ProgressBatcher<Demo2dFrame>((frames) => emit({ kind: 'demo2d', frames }), {
    minIntervalMs: 50,
    everyN: 25,
  });
  const msPerGen = cfg.gensPerSec > 0 ? 1000 / cfg.gensPerSec : 0;
  let tNext = performance.now();
  try {
    for (let g = 0; g < cfg.generations; g++) {
      if (msPerGen > 0) {
        tNext += msPerGen;
        await ctl.sleep(Math.max(0, tNext - performance.now()));
      } else {
        await ctl.step();
      }
      const x = runner.ask();
      const scoresT = tf.tidy(() => tf.neg(fn.value(x)) as tf.Tensor1D);
      // Async reads: on WebGL/WebGPU a sync read would stall the worker's event loop.
      const [pop, sc] = await Promise.all([x.data() as Promise<Float32Array>, scoresT.data() as Promise<Float32Array>]);
      scoresT.dispose();
      runner.tell(x, Float32Array.from(sc));
      x.dispose();
      let sum = 0;
      for (const s of sc) sum += s;
      batcher.push({
        generation: runner.generation,
        population: Float32Array.from(pop),
        mean: Float32Array.from(runner.mean()),
        bestScore: runner.best.score,
        popMeanScore: sum / sc.length,
      });
    }
    batcher.flush();
    return {
      generations: runner.generation,
      bestScore: runner.best.score,
      bestX: Array.from(runner.best.params ?? []),
      finalMean: Array.from(runner.mean()),
    };
  } finally {
    // Also on cancel: the frames gathered so far still reach the UI, and all tensors are freed.
    batcher.flush();
    runner.dispose();
  }
}
