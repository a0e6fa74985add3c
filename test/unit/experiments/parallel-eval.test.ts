// Population-parallel evaluation (experiments/parallel/): splitting the population over W evaluation
// threads gives the same scores, and so the same training, as evaluating it in one thread — bit for bit,
// for every strategy and several W. The "workers" here are loopback peers (same thread, cloned messages);
// test/unit/cli/eval-threads.test.ts runs the same protocol over real worker_threads.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { STRATEGIES } from '../../../src/core/es/registry';
import { EsRunner } from '../../../src/core/es/run-strategy';
import { getNetwork } from '../../../src/core/nets/registry';
import { getTask } from '../../../src/core/tasks/registry';
import { Rng } from '../../../src/core/rng';
import { ScatterPlan } from '../../../src/core/experiments/masked-params';
import { inThreadEvaluator } from '../../../src/core/experiments/evaluator';
import { SplitEvaluator, splitRefusal, startPeers } from '../../../src/core/experiments/parallel/split-evaluator';
import { splitPopulation, usableThreads } from '../../../src/core/experiments/parallel/split';
import type { PopulationLayout, PopulationNet } from '../../../src/core/nets/types';
import type { TaskInstance } from '../../../src/core/tasks/types';
import { PIN_TASK, pinnedConfig, pinnedRun, TRAJECTORY_PINS } from '../../helpers/pinned-run';
import { syntheticTask } from '../../helpers/synthetic-task';
import { loopbackPeer } from '../../helpers/loopback-peers';

afterAll(() => PIN_TASK.dispose());

describe('splitPopulation', () => {
  const cases: [number, PopulationLayout, number][] = [
    [64, 'interleaved', 2],
    [64, 'blocked', 3],
    [12, 'interleaved', 5],
    [10, 'none', 3],
    [4, 'blocked', 4],
  ];
  it.each(cases)('P = %i, %s, %i threads: every member owned once, pairs kept together', (p, layout, w) => {
    const slices = splitPopulation(p, layout, w);
    expect(slices).toHaveLength(usableThreads(w, p, layout));
    const owner = new Int32Array(p).fill(-1);
    slices.forEach((s, t) => {
      s.members.forEach((m, i) => {
        if (!s.owned[i]) return;
        expect(owner[m]).toBe(-1);
        owner[m] = t;
      });
      if (layout === 'none') return;
      // The sub-population is itself a population in `layout`: row i's partner is its ± pair.
      const n = s.members.length;
      for (let i = 0; i < n / 2; i++) {
        const [a, b] =
          layout === 'interleaved' ? [s.members[2 * i], s.members[2 * i + 1]] : [s.members[i], s.members[i + n / 2]];
        expect(layout === 'interleaved' ? [a % 2, b - a] : [b - a]).toEqual(
          layout === 'interleaved' ? [0, 1] : [p / 2],
        );
      }
      expect(layout === 'interleaved' ? s.members[0] : s.members[0]).toBe(0); // every slice starts with pair 0
    });
    expect(Array.from(owner).every((t) => t >= 0)).toBe(true);
    // Balanced: the rows each thread evaluates differ by at most one unit of work.
    const unit = layout === 'none' ? 1 : 2;
    const sizes = slices.map((s) => s.members.length / unit);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it.each(cases)('P = %i, %s, %i threads, a given share for the first thread', (p, layout, w) => {
    const units = layout === 'none' ? p : p / 2;
    const threads = usableThreads(w, p, layout);
    for (let lead = 1; lead <= units - (threads - 1); lead++) {
      const slices = splitPopulation(p, layout, w, lead);
      const unit = layout === 'none' ? 1 : 2;
      expect(slices[0].members.length / unit).toBe(lead);
      const owned = slices.flatMap((s) => Array.from(s.members).filter((_, i) => s.owned[i]));
      expect(owned.sort((a, b) => a - b)).toEqual(Array.from({ length: p }, (_, i) => i));
      // The others share the rest evenly (pair 0, repeated in each, aside).
      const rest = slices.slice(1).map((s) => s.owned.reduce((a, o) => a + o, 0) / unit);
      if (rest.length) expect(Math.max(...rest) - Math.min(...rest)).toBeLessThanOrEqual(1);
    }
  });
});

/** A balancer that moves the ES thread's share every generation, through every share allowed. */
const restless = (_lead: number, min: number, max: number) => {
  let g = 0;
  return { record: () => min + (g++ % (max - min + 1)) };
};

/** W − 1 loopback peers whose workers load the pinned synthetic task and network. */
async function pinnedEvaluator(threads: number, balancer?: typeof restless): Promise<SplitEvaluator> {
  const load = async () => {
    const task = syntheticTask({ side: 6, train: 400, test: 150, batchSize: 50 });
    return { task, net: getNetwork('mlp').build({ hiddenLayers: 1, width: 8 }, task.io) };
  };
  const peers = await startPeers(threads - 1, () => loopbackPeer(load), pinnedConfig('pgpe'), 'wasm');
  return new SplitEvaluator(PIN_TASK, peers, balancer);
}

describe.runIf(tf.getBackend() === 'wasm')('split training = one-thread training, bit for bit (wasm)', () => {
  // The split's share moves while a round runs (balance.ts); a member's score never depends on who evaluates it.
  it.each(['pgpe', 'snes', 'open_es'].flatMap((id) => [2, 3].map((w) => [id, w] as const)))(
    '%s, W = %i, the split changed every generation',
    async (id, w) => {
      const evaluator = await pinnedEvaluator(w, restless);
      try {
        const got = await pinnedRun(id, { evaluator });
        expect(got.hash, got.summary).toBe(TRAJECTORY_PINS[id]);
      } finally {
        evaluator.close();
      }
    },
  );

  it.each(STRATEGIES.flatMap((s) => [2, 3, 5].map((w) => [s.id, w] as const)))('%s, W = %i', async (id, w) => {
    const evaluator = await pinnedEvaluator(w);
    const before = tf.memory().numTensors;
    try {
      const got = await pinnedRun(id, { evaluator });
      expect(got.hash, got.summary).toBe(TRAJECTORY_PINS[id]);
      const stats = await evaluator.workerStats();
      expect(stats).toHaveLength(w - 1);
    } finally {
      evaluator.close();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** Scores of one population drawn by `strategyId`, in one thread and split over `threads` replicas. */
async function bothWays(
  task: TaskInstance,
  net: PopulationNet,
  strategyId: string,
  popSize: number,
  threads: number,
  load: () => Promise<{ task: TaskInstance; net: PopulationNet }>,
): Promise<[Float32Array, Float32Array]> {
  const mask = new Uint8Array(net.paramCount).fill(1);
  for (let i = 0; i < mask.length; i += 3) mask[i] = 0; // some pruned entries (biases included: any mask works here)
  const plan = new ScatterPlan(mask);
  let d = 0;
  for (const m of mask) d += m;
  const runner = EsRunner.create(
    { strategyId, popSize, dim: d, rng: new Rng(4), params: {} },
    Float32Array.from({ length: d }, (_, j) => 0.2 * Math.cos(j)),
  );
  const layout = runner.strategy.antithetic;
  const { x, recipe } = runner.askWithRecipe();
  const setup = { net, mask, plan, layout, popSize };
  // A fresh stream for each evaluation, as trainRound passes them (the minibatch draw advances it).
  const one = await (
    await inThreadEvaluator(task).beginRound(setup)
  ).evaluate({ population: () => x, rng: new Rng(8) });
  const peers = await startPeers(threads - 1, () => loopbackPeer(load), pinnedConfig(strategyId), 'wasm');
  const split = new SplitEvaluator(task, peers);
  try {
    const many = await (await split.beginRound(setup)).evaluate({ population: () => x, recipe, rng: new Rng(8) });
    return [one, many];
  } finally {
    split.close();
    x.dispose();
    runner.dispose();
    plan.dispose();
  }
}

describe('other networks and tasks split exactly too', () => {
  it('the paper CNN on 12×12 images (tensor forward), PGPE and SNES', async () => {
    const make = async () => {
      const task = syntheticTask({ side: 12, train: 100, test: 20, batchSize: 16, seed: 2 });
      return { task, net: getNetwork('cnn').build({}, task.io) };
    };
    const { task, net } = await make();
    for (const id of ['pgpe', 'snes']) {
      const [one, many] = await bothWays(task, net, id, 8, 3, make);
      expect(Array.from(many)).toEqual(Array.from(one));
    }
    task.dispose();
  });

  it('CartPole rollouts (typed-array policy), OpenES and Sep-CMA-ES', async () => {
    const make = async () => {
      const task = await getTask('cartpole').load(
        { episodes: 2 },
        { readBytes: async () => new Uint8Array() },
        new Rng(0),
      );
      return { task, net: getNetwork('policy_mlp').build({ hiddenLayers: 1, width: 6 }, task.io) };
    };
    const { task, net } = await make();
    expect(splitRefusal(task, 'wasm')).toBeNull();
    for (const id of ['open_es', 'sep_cma_es']) {
      const [one, many] = await bothWays(task, net, id, 10, 2, make);
      expect(Array.from(many)).toEqual(Array.from(one));
    }
  });

  it('refuses GPU backends and tasks whose members are scored together', () => {
    const shared = { ...PIN_TASK, id: 'shared', independentMembers: false };
    expect(splitRefusal(shared, 'wasm')).toMatch(/one thread/);
    expect(splitRefusal(PIN_TASK, 'webgl')).toMatch(/webgl/);
    expect(splitRefusal(PIN_TASK, 'wasm')).toBeNull();
  });
});
