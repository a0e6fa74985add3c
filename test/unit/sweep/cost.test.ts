/**
 * The sweep time estimate (core/sweep/cost.ts) against the repository's own benchmark tables: a config
 * equal to a benchmarked setting gets exactly that setting's time per generation; other configs scale
 * linearly with the work per generation; generations count the shared round 1 once.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { estimateRunCost, formatDuration, generationsPerSeed, type BenchTables } from '../../../src/core/sweep/cost';

const table = (name: string) =>
  JSON.parse(readFileSync(`bench/results/${name}.json`, 'utf8')) as { rows: Record<string, unknown>[] };
const tables: BenchTables = {
  imp: table('imp'),
  control: table('control'),
  locomotion: table('locomotion'),
  nets: table('nets'),
};
const preset = (id: string, over: Record<string, unknown> = {}) => parseConfig({ ...getPreset(id).config, ...over });

describe('sweep cost estimate', () => {
  it('counts round 1 once and every later round per chain', () => {
    const c = preset('cartpole-reduced', {
      prune: { methods: ['magnitude', 'snr', 'random_reinit'], rounds: 4 },
      budget: { generationsPerRound: 10, evalEvery: 5 },
    });
    expect(generationsPerSeed(c)).toBe((1 + 3 * 3) * 10);
  });

  it('a vision MLP at the benchmarked setting takes its measured time per generation', () => {
    const c = preset('mnist-quick'); // MLP 196-32-10, P64, batch 256: the imp.json row
    const row = table('imp').rows.find((r) => r.setting === 'mnist-quick 196-32-10 P64 B256' && r.sparsityPct === 0)!;
    const e = estimateRunCost(c, tables);
    if (!e.ok) throw new Error(e.reason);
    expect(e.msPerGen).toBeCloseTo(row.genMs as number, 9);
    expect(e.ms).toBeCloseTo((row.genMs as number) * generationsPerSeed(c), 6);
    expect(e.basis).toMatch(/imp.json "mnist-quick 196-32-10 P64 B256": .* × 1.00/);
    // Three quarters of the population: three quarters of the time (still closest to the same row).
    const small = estimateRunCost(preset('mnist-quick', { es: { ...c.es, popSize: 48 } }), tables);
    expect(small.ok && small.msPerGen).toBeCloseTo(0.75 * (row.genMs as number), 9);
    // A wider input is closer to the 784-input row, which then sets the scale.
    const wide = estimateRunCost(
      preset('mnist-quick', { task: { id: 'mnist', params: { pool: '28x28', batchSize: 256 } } }),
      tables,
    );
    expect(wide.ok && wide.basis).toMatch(/imp.json "MLP 784-32-10 P64 B256": .* × 1.00/);
  });

  it('control and MuJoCo tasks: P × episodes × max steps at the measured env steps per second', () => {
    const cart = table('control').rows.find((r) => r.env === 'CartPole-v1')!;
    const c = preset('cartpole-reduced'); // P32, 4 episodes of at most 500 steps
    const e = estimateRunCost(c, tables);
    expect(e.ok && e.msPerGen).toBeCloseTo((1000 * 32 * 4 * 500) / (cart.envStepsPerSec as number), 9);
    expect(e.ok && e.basis).toMatch(/control.json CartPole-v1: 279,876 env steps\/s × 64,000 steps per generation/);
    const half = estimateRunCost(
      preset('cartpole-reduced', { task: { id: 'cartpole', params: { episodes: 2 } } }),
      tables,
    );
    expect(half.ok && e.ok && half.msPerGen / e.msPerGen).toBeCloseTo(0.5, 12);

    const hop = preset('hopper-reduced'); // Euler
    const row = table('locomotion').rows.find((r) => r.task === 'Hopper' && r.integrator === 'Euler')!;
    const h = estimateRunCost(hop, tables);
    const steps = hop.es.popSize * (hop.task.params.episodes as number) * (hop.task.params.maxSteps as number);
    expect(h.ok && h.msPerGen).toBeCloseTo((1000 * steps) / (row.envStepsPerSec as number), 9);
    const rk4 = estimateRunCost(
      preset('hopper-reduced', { task: { ...hop.task, params: { ...hop.task.params, integrator: 'RK4' } } }),
      tables,
    );
    expect(rk4.ok && rk4.basis).toMatch(/locomotion.json Hopper RK4/);
  });

  it('a CNN uses the forward-pass benchmark and says so; missing tables give a reason, not a number', () => {
    const cnn = estimateRunCost(preset('mnist-cnn-reduced'), tables);
    expect(cnn.ok && cnn.basis).toMatch(/nets.json "CNN.*forward pass only/);
    const none = estimateRunCost(preset('mnist-quick'), {});
    expect(none).toMatchObject({ ok: false, reason: expect.stringMatching(/imp.json has no dense wasm row/) });
  });

  it('formats durations for people', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(600_000)).toBe('10.0 min');
    expect(formatDuration(3 * 3600_000)).toBe('3.0 h');
  });
});
