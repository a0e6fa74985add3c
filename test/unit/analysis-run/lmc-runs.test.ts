/**
 * `lab lmc --runs A,B` (src/cli/analysis/lmc-runs.ts): LMC between two run folders at the same seed and
 * round — the ES-vs-GD pair of docs/ALGORITHMS.md §6. Two fabricated folders written through RunFolder as `lab imp` /
 * `lab gd` write them (real MNIST test images, mnist-quick's network): run B's chain is `gd_magnitude`
 * (found by default from A's `magnitude`), its round 1 is A's round 1 exactly (barrier 0, endpoints equal)
 * and later rounds differ; runs with different networks are refused with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { RunFolder } from '../../../src/cli/run-folder';
import { lmcCommand } from '../../../src/cli/analysis';

const preset = getPreset('mnist-quick').config;
const configA = parseConfig({ ...preset, seeds: [0, 1], prune: { methods: ['magnitude'], rounds: 2 } });
const configB = parseConfig({ ...preset, seeds: [1, 2], prune: { methods: ['magnitude'], rounds: 2 } });
const configC = parseConfig({
  ...preset,
  network: { id: 'mlp', params: { width: 16 } },
  seeds: [1],
  prune: { methods: ['magnitude'], rounds: 2 },
});
const dirs: Record<string, string> = {};

/** A dense round (mask all ones) whose mean is `mean`; its metrics agree with the mask. */
function record(seed: number, method: string, roundNum: number, mean: Float32Array, prunable: number): RoundRecord {
  const mask = new Uint8Array(mean.length).fill(1);
  return {
    seed,
    method,
    roundNum,
    sparsityFrac: 0,
    prunableActive: prunable,
    esDim: 0,
    finalPerf: 0,
    finalLoss: 0,
    bestPerf: 0,
    evals: [],
    mask,
    mean,
    std: new Float32Array(mean.length).fill(0.1),
    sigmaStats: { mean: 0, median: 0, min: 0, max: 0 },
    layerSparsity: [0, 0],
    pruneThreshold: 0,
    generations: 1,
    wallMs: 0,
  };
}

async function folder(
  name: string,
  config: typeof configA,
  method: string,
  perturb: (seed: number, k: number) => number,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `lab-lmc-runs-${name}-`));
  dirs[name] = dir;
  const f = new RunFolder(dir);
  await f.create(config, { runId: name });
  for (const seed of config.seeds) {
    const net = getNetwork('mlp').build(config.network.params, { inputShape: [14, 14, 1], outputSize: 10 });
    const theta0 = net.init(new Rng(seed).split('theta0'));
    for (let k = 1; k <= 2; k++) {
      const rng = new Rng(seed).split(name).split(k),
        s = perturb(seed, k);
      await f.appendRound(
        record(
          seed,
          method,
          k,
          theta0.map((t) => t + s * rng.normal()),
          net.prunableCount,
        ),
      );
    }
  }
}

beforeAll(async () => {
  await folder('es', configA, 'magnitude', () => 0); // rounds are θ0 itself
  await folder('gd', configB, 'gd_magnitude', (_s, k) => (k === 1 ? 0 : 0.5)); // r1 = θ0, r2 far away
  await folder('other', configC, 'gd_magnitude', () => 0);
});
afterAll(async () => {
  for (const d of Object.values(dirs)) await rm(d, { recursive: true, force: true });
});

async function lmc(args: string[]): Promise<string> {
  const flags = new Map<string, string>([
    ['quiet', 'true'],
    ['test-images', '200'],
    ['points', '5'],
  ]);
  for (let i = 0; i < args.length; i += 2) flags.set(args[i].slice(2), args[i + 1]);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  try {
    await lmcCommand(flags, ['lmc', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('lmc --runs (pairs across two run folders)', () => {
  it('pairs each shared seed and round; identical networks have barrier 0; writes CSV + JSON into run A', async () => {
    const out = await lmc(['--runs', `${dirs.es},${dirs.gd}`]);
    const csv = (await readFile(join(dirs.es, `lmc-runs-${dirs.gd.split('/').pop()}.csv`), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('seed,round,sparsity_a,sparsity_b,perf_a,perf_b,barrier,linear_barrier,worst_alpha');
    const rows = csv.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => `${r[0]}/${r[1]}`)).toEqual(['1/1', '1/2']); // seed 1 is the only shared seed
    const [r1, r2] = rows;
    expect(r1[4]).toBe(r1[5]); // same network at both ends
    expect(Number(r1[6])).toBe(0);
    expect(r2[4]).not.toBe(r2[5]); // θ0 vs θ0 + 0.5·noise: different endpoints…
    expect(Number(r2[6])).toBeGreaterThanOrEqual(0); // …and a barrier ≥ 0 (max over α includes both ends)
    expect(out).toContain('magnitude (A) vs gd_magnitude (B)');
    const json = JSON.parse(await readFile(join(dirs.es, `lmc-runs-${dirs.gd.split('/').pop()}.json`), 'utf8')) as {
      methodB: string;
      results: { alphas: number[] }[];
      command: string;
    };
    expect(json.methodB).toBe('gd_magnitude');
    expect(json.results[0].alphas).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(json.command).toContain('--runs');
  }, 60_000);

  it('refuses runs with different networks, a missing chain, and a single folder', async () => {
    await expect(lmc(['--runs', `${dirs.es},${dirs.other}`])).rejects.toThrow(/different networks/);
    await expect(lmc(['--runs', `${dirs.es},${dirs.gd}`, '--method-b', 'snr'])).rejects.toThrow(/"snr" is not a chain/);
    await expect(lmc(['--runs', dirs.es])).rejects.toThrow(/two run folders/);
  }, 60_000);
});
