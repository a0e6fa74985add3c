/**
 * The non-finite fitness rule of the shared ES runner (core/es/fitness-guard.ts, docs/RELIABILITY.md):
 * a generation with no finite score, or whose fitness overflows float32, leaves the ES state untouched and
 * is counted; ten in a row stop the run with a message; finite generations are unchanged by the rule;
 * a population split over evaluation workers skips exactly the same generations.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { EsRunner, MAX_CONSECUTIVE_SKIPS, NonFiniteFitnessError } from '../../../src/core/es/run-strategy';
import { STRATEGIES } from '../../../src/core/es/registry';
import { Rng } from '../../../src/core/rng';
import { trainRound, type RoundSpec } from '../../../src/core/experiments/train-round';
import { SplitEvaluator, startPeers } from '../../../src/core/experiments/parallel/split-evaluator';
import { getNetwork } from '../../../src/core/nets/registry';
import type { TaskInstance } from '../../../src/core/tasks/types';
import { parseConfig } from '../../../src/core/runs/config';
import { loopbackPeer } from '../../helpers/loopback-peers';

const P = 8,
  D = 5;
const runner = (id: string, raw = false) =>
  EsRunner.create(
    { strategyId: id, popSize: P, dim: D, rng: new Rng(3), shaping: { centeredRank: !raw } },
    new Float32Array(D).fill(0.5),
  );

function step(r: EsRunner, scores: (x: Float32Array, i: number) => number): boolean {
  const x = r.ask();
  const rows = x.arraySync() as number[][];
  const s = Float32Array.from(rows, (row, i) => scores(Float32Array.from(row), i));
  try {
    return r.tell(x, s);
  } finally {
    x.dispose();
  }
}
const sphere = (x: Float32Array) => -x.reduce((a, v) => a + v * v, 0);

describe('generations whose fitness is not a number', () => {
  it.each(STRATEGIES.map((s) => s.id))('%s: an all-NaN generation leaves mean and σ where they were', (id) => {
    const r = runner(id);
    step(r, sphere);
    const [mean, std] = [r.mean(), r.perParamStd()];
    expect(step(r, () => NaN)).toBe(false);
    expect(r.mean()).toEqual(mean);
    expect(r.perParamStd()).toEqual(std);
    expect(r.skipped).toBe(1);
    expect(step(r, sphere)).toBe(true);
    expect(r.mean().every(Number.isFinite)).toBe(true);
    r.dispose();
  });

  it.each(['pgpe', 'open_es', 'ars'])('%s with raw fitness: |score| ≈ 1e38 overflows float32 and is skipped', (id) => {
    const r = runner(id, true);
    expect(step(r, (_x, i) => (i % 2 ? 3e38 : -3e38) * 10)).toBe(false);
    expect(r.mean().every(Number.isFinite)).toBe(true);
    expect(step(r, sphere)).toBe(true);
    r.dispose();
  });

  it('ten skipped generations in a row stop the run with a message; a good one in between resets the count', () => {
    const r = runner('snes');
    for (let i = 0; i < MAX_CONSECUTIVE_SKIPS - 1; i++) expect(step(r, () => NaN)).toBe(false);
    expect(step(r, sphere)).toBe(true);
    for (let i = 0; i < MAX_CONSECUTIVE_SKIPS - 1; i++) step(r, () => -Infinity);
    expect(() => step(r, () => NaN)).toThrow(NonFiniteFitnessError);
    expect(() => step(r, () => NaN)).toThrow(/not a number for 11 generations in a row.*Lower the learning rate or σ/);
    r.dispose();
  });

  it('a member with a NaN score does not skip its generation (it ranks last); no tensors leak', () => {
    const a = runner('sep_cma_es'),
      b = runner('sep_cma_es');
    const before = tf.memory().numTensors;
    for (let g = 0; g < 5; g++) {
      step(a, sphere);
      step(b, (x, i) => (i === 0 ? NaN : sphere(x))); // a member with NaN ranks last; the generation counts
    }
    expect(a.skipped + b.skipped).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
    b.dispose();
  });

  it('trainRound reports the skipped generations in its metrics and round record', async () => {
    const skippedSeen: number[] = [];
    const out = await nanRound({ onGeneration: (m) => skippedSeen.push(m.skipped ?? 0) });
    expect(out.skipped).toBe(2);
    expect(skippedSeen).toEqual([0, 1, 1, 1, 2, 2]);
  });

  it('the same generations are skipped, with the same result, when the population is split over evaluation workers', async () => {
    const one = await nanRound({});
    // Two loopback workers (cloned messages, as worker threads get them): P = 8 in three slices.
    // The config the workers get is a placeholder: their loader builds nanTask, as this thread does.
    const config = parseConfig({
      task: { id: 'mnist', params: {} },
      network: { id: 'mlp', params: {} },
      es: { id: 'pgpe', popSize: 8, params: {} },
      prune: { methods: ['magnitude'], rounds: 1 },
      budget: { generationsPerRound: 6, evalEvery: 3 },
      seeds: [0],
    });
    const peers = await startPeers(
      2,
      () => loopbackPeer(async () => ({ task: nanTask(), net: nanNet() })),
      config,
      'wasm',
    );
    const evaluator = new SplitEvaluator(nanTask(), peers);
    try {
      const split = await nanRound({ evaluator });
      expect(split.skipped).toBe(2);
      expect(Array.from(split.mean)).toEqual(Array.from(one.mean));
      expect(Array.from(split.std)).toEqual(Array.from(one.std));
    } finally {
      evaluator.close();
    }
  });
});

const nanNet = () => getNetwork('mlp').build({ hiddenLayers: 1, width: 4 }, { inputShape: [2], outputSize: 2 });

/**
 * A task whose every third evaluation (the 2nd, 5th, … generation) scores the whole population NaN; each
 * evaluation thread holds its own, and each evaluates once per generation, so all agree on which.
 */
function nanTask(): TaskInstance {
  let calls = 0;
  return {
    id: 'nan',
    kind: 'vision',
    io: { inputShape: [2], outputSize: 2 },
    notes: [],
    independentMembers: true,
    evaluatePopulation: (_n: unknown, params: tf.Tensor2D) => ({
      scores: tf.tidy(() =>
        calls++ % 3 === 1 ? tf.fill([params.shape[0]], NaN) : tf.neg(tf.sum(tf.square(params), 1)),
      ),
    }),
    evaluateTest: async () => [{ perf: 0.5, loss: 1 }],
    dispose: () => undefined,
  } as unknown as TaskInstance;
}

/** Six PGPE generations on `nanTask` (generations 2 and 5 all NaN). */
function nanRound(opts: Pick<RoundSpec, 'onGeneration' | 'evaluator'>) {
  const net = nanNet();
  return trainRound({
    net,
    task: nanTask(),
    mask: new Uint8Array(net.paramCount).fill(1),
    init: new Float32Array(net.paramCount).fill(0.1),
    strategyId: 'pgpe',
    esParams: {},
    popSize: 8,
    shaping: { centeredRank: true, zScore: false, wDecay: 0 },
    meanDecay: 0,
    sigmaMode: 'paper',
    generations: 6,
    evalEvery: 3,
    esRng: new Rng(1),
    dataRng: new Rng(2),
    reportEvery: 1,
    ...opts,
  });
}

describe('where the skipped generations are reported', () => {
  it('the run status line names the round and says the ES did not learn from them', async () => {
    const { skipNoteOf, useImpStore } = await import('../../../src/state/imp-store');
    expect(skipNoteOf({ seed: 0, method: 'snr', roundNum: 3, skipped: 2 })).toBe(
      'Round 3 (snr, seed 0): 2 generations skipped — the fitness was not a number, so the ES did not learn from them.',
    );
    const metrics = {
      seed: 1,
      method: 'magnitude',
      roundNum: 2,
      gen: 5,
      generations: 10,
      bestScore: 1,
      meanScore: 0,
      esDim: 3,
      evalsPerSec: 1,
      skipped: 1,
    };
    useImpStore.getState().progress({ kind: 'gens', metrics: [metrics] }, 0);
    expect(useImpStore.getState().skipNote).toContain('1 generation skipped');
  });
});

describe('the CLI notes skipped generations', () => {
  it('the run writer lists every round of the command that skipped generations', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { RunWriter } = await import('../../../src/cli/run-writer');
    const dir = join(await mkdtemp(join(tmpdir(), 'lab-skip-')), 'run');
    const writer = await RunWriter.open(
      dir,
      { runId: 'x', backend: 'wasm', expected: [] },
      { config: {}, meta: { runId: 'x' } },
    );
    const record = {
      seed: 0,
      method: 'snr',
      roundNum: 2,
      sparsityFrac: 0.2,
      prunableActive: 1,
      esDim: 1,
      finalPerf: 1,
      finalLoss: 1,
      bestPerf: 1,
      evals: [],
      mask: new Uint8Array(1),
      mean: new Float32Array(1),
      std: new Float32Array(1),
      sigmaStats: { mean: 1, median: 1, min: 1, max: 1 },
      layerSparsity: [0.2],
      pruneThreshold: 0,
      generations: 50,
      wallMs: 1,
      skippedGens: 3,
    };
    writer.onEvent({ type: 'round', record });
    await writer.finish();
    await writer.close();
    expect(writer.skippedNotes()).toEqual([
      'seed 0 snr round 2: 3 of 50 generations skipped because their fitness was not a number (the ES did not update in those)',
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('allFinite (the check of a new ES state)', () => {
  it('reads host-memory tensors in place and agrees with the tfjs reduction on ±∞, NaN and finite values', async () => {
    const { allFinite } = await import('../../../src/core/es/fitness-guard');
    const cases: [number[], boolean][] = [
      [[0, -1.5, 3e38, -3e38, 1e-45], true],
      [[0, Infinity], false],
      [[-Infinity, 1], false],
      [[1, NaN, 2], false],
      [[1, 2, 3, 4, 5, 6, 7, Infinity], false], // the last of a group of four
      [[1, 2, 3, 4, 5, 6, 7, 8, NaN], false], // the remainder after the groups
    ];
    for (const [values, expected] of cases) {
      const t = tf.tensor1d(values);
      const ok = tf.tidy(() => tf.all(tf.isFinite(t)).dataSync()[0] === 1);
      expect(ok).toBe(expected);
      const two = tf.scalar(2);
      expect(allFinite([two, t])).toBe(expected);
      tf.dispose([t, two]);
    }
  });
});
