/**
 * The analysis subcommands end to end on a small fabricated run folder (real MNIST data, config of the
 * mnist-quick preset, hand-made round snapshots written through RunFolder exactly as `lab imp` writes them).
 * Each command loads MNIST (~2 s CPU), so only lmc and landscape run here; the correlation command's numbers
 * are pinned by correlation-by-round.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import { magnitudeScores } from '../../../src/core/prune/scores';
import { maskFromScores } from '../../../src/core/prune/threshold';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { RunFolder } from '../../../src/cli/run-folder';
import { keptInKernel } from '../../../src/core/prune/layout';
import { layerSparsity } from '../../../src/core/analysis/mask-stats';
import { landscapeCommand, lmcCommand } from '../../../src/cli/analysis';

let dir = '';
const config = parseConfig({
  ...getPreset('mnist-quick').config,
  seeds: [0, 1],
  prune: { methods: ['magnitude', 'snr'], rounds: 3 },
});
const net = getNetwork('mlp').build(config.network.params, { inputShape: [14, 14, 1], outputSize: 10 });

/** Round k of a chain: magnitude mask at 1 − 0.8^(k−1), mean = θ0 + noise on the survivors, σ random. */
function fakeRound(seed: number, method: string, roundNum: number, theta0: Float32Array): RoundRecord {
  const rng = new Rng(seed).split(method).split(roundNum);
  const full = new Uint8Array(net.paramCount).fill(1);
  const mask = maskFromScores(magnitudeScores(theta0, full), full, net.layers, 1 - 0.8 ** (roundNum - 1)).mask;
  const mean = theta0.map((t, i) => (mask[i] ? t + 0.05 * rng.normal() : 0));
  const std = mean.map((_, i) => (mask[i] ? 0.05 + 0.05 * rng.uniform() : 1e20));
  return {
    seed,
    method,
    roundNum,
    sparsityFrac: 1 - 0.8 ** (roundNum - 1),
    prunableActive: net.layers.reduce((n, l) => n + keptInKernel(mask, l), 0),
    esDim: 0,
    finalPerf: 0,
    finalLoss: 0,
    bestPerf: 0,
    evals: [],
    mask,
    mean,
    std,
    sigmaStats: { mean: 0, median: 0, min: 0, max: 0 },
    layerSparsity: layerSparsity(mask, net.layers).map((l) => l.sparsityFrac),
    pruneThreshold: 0,
    generations: 1,
    wallMs: 0,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-analysis-'));
  const folder = new RunFolder(dir);
  await folder.create(config, { runId: 'test' });
  for (const seed of config.seeds) {
    const theta0 = net.init(new Rng(seed).split('theta0'));
    await folder.writeTheta0(seed, theta0);
    for (const method of config.prune.methods)
      for (let k = 1; k <= 3; k++) {
        await folder.appendRound(fakeRound(seed, method, k, theta0));
      }
  }
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runCommand(cmd: typeof lmcCommand, args: string[]): Promise<string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) flags.set(args[i].slice(2), args[i + 1]);
  flags.set('run', dir);
  flags.set('quiet', 'true');
  flags.set('test-images', '100');
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  try {
    await cmd(flags, ['cmd', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

async function csvRows(name: string): Promise<string[][]> {
  return (await readFile(join(dir, name), 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

describe('analysis CLI over a run folder', () => {
  it('lmc: pairs across rounds per seed and across seeds per round, barriers finite, markdown table', async () => {
    const out = await runCommand(lmcCommand, ['--method', 'magnitude', '--points', '3']);
    const rows = await csvRows('lmc.csv');
    expect(rows.filter((r) => r[1] === 'rounds').length).toBe(2 * 3); // 2 seeds × C(3,2)
    expect(rows.filter((r) => r[1] === 'seeds').length).toBe(3); // 3 rounds × C(2,2)
    for (const r of rows) expect(Number.isFinite(Number(r[10]))).toBe(true);
    expect(out).toContain('| round | remaining % |');
    const json = JSON.parse(await readFile(join(dir, 'lmc.json'), 'utf8')) as { command: string; alphas: number[] };
    expect(json.alphas).toEqual([0, 0.5, 1]);
    expect(json.command).toContain('--points 3');
  }, 60_000);

  it('landscape: one row per selected round with the sharpness of every direction', async () => {
    await runCommand(landscapeCommand, [
      '--method',
      'snr',
      '--seeds',
      '0',
      '--rounds',
      '1,3',
      '--directions',
      '2',
      '--points',
      '5',
      '--norm',
      'filter',
    ]);
    const rows = await csvRows('landscape-snr-filter.csv');
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['0', '1'],
      ['0', '3'],
    ]);
    for (const r of rows) expect(r.length).toBe(10 + 2);
  }, 60_000);

  it('rejects unknown flags and bad values before loading any data', async () => {
    await expect(runCommand(lmcCommand, ['--bogus', '1'])).rejects.toThrow(/unknown flag --bogus/);
    await expect(runCommand(landscapeCommand, ['--norm', 'l2'])).rejects.toThrow(/--norm must be one of/);
  });
});
