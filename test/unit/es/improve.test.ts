// Every registered ES improves toy objectives over a fixed budget, 3 seeds each (docs/ARCHITECTURE.md convention
// 12; docs/ALGORITHMS.md §2). Scores are −loss (the runner maximises). Budgets are small enough for
// the whole file to run in well under a minute on 2 cores.
import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { STRATEGIES } from '../../../src/core/es/registry';
import { EsRunner } from '../../../src/core/es/run-strategy';
import { rastrigin, sphere, type ToyFunction } from '../../../src/core/tasks/toy/functions';
import { Rng } from '../../../src/core/rng';
import type { AnyParamValues } from '../../../src/core/params';

/** Shaping as in the paper's configs (centered ranks for the gradient-based PGPE/OpenES/ARS). */
const CENTERED = new Set(['pgpe', 'open_es', 'ars']);

/** Per-strategy overrides of the 0.1.4 defaults so one budget suits all (toy scale, not tuned for MNIST). */
const PARAMS: Record<string, Partial<AnyParamValues>> = {
  pgpe: {},
  snes: {},
  sep_cma_es: {},
  des: { sigma_init: 0.5 },
  open_es: { lrate_init: 0.1, sigma_init: 0.1 },
  ars: { lrate_init: 0.1, sigma_init: 0.1, elite_ratio: 0.5 },
};

function run(
  id: string,
  fn: ToyFunction,
  dim: number,
  start: number,
  seed: number,
  gens: number,
): { init: number; best: number } {
  const r = EsRunner.create(
    {
      strategyId: id,
      params: PARAMS[id],
      popSize: 32,
      dim,
      rng: new Rng(seed).split(id),
      shaping: { centeredRank: CENTERED.has(id) },
    },
    new Float32Array(dim).fill(start),
  );
  const m0 = r.meanTensor();
  const init = tf.tidy(() => fn.loss(tf.reshape(m0, [1, dim]) as tf.Tensor2D).dataSync()[0]);
  m0.dispose();
  for (let g = 0; g < gens; g++) {
    const x = r.ask();
    const scores = tf.tidy(() => tf.neg(fn.loss(x)) as tf.Tensor1D);
    r.tell(x, scores);
    tf.dispose([x, scores]);
  }
  const best = -r.best.score;
  r.dispose();
  return { init, best };
}

describe.each(STRATEGIES.map((s) => [s.id]))('%s improves toy objectives', (id) => {
  it.each([1, 2, 3])('20-D sphere from x = 3: best loss ≥ 100× smaller (seed %i)', (seed) => {
    const { init, best } = run(id, sphere, 20, 3, seed, 300);
    expect(init).toBeCloseTo(180, 3);
    expect(best).toBeLessThan(init / 100);
  });
  it.each([1, 2, 3])('10-D Rastrigin from x = 2.5: best loss < 30 % of the start (seed %i)', (seed) => {
    const { init, best } = run(id, rastrigin, 10, 2.5, seed, 200);
    expect(init).toBeCloseTo(262.5, 2);
    expect(best).toBeLessThan(0.3 * init);
  });
});
