/**
 * `lab bundle` (precomputed result bundles made by the CLI): a small run folder written through
 * RunFolder exactly as `lab imp` writes it → bundle file → importBundle (the app's importer) gives back
 * the folder's rounds losslessly (typed arrays bit-identical, metrics equal to the CSV values, σ stats and
 * layer sparsity as the run computed them), marked precomputed, with the provenance recorded.
 * Also: the bundles shipped in public/precomputed import and match their presets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/core/runs/config';
import { canonicalJson } from '../../../src/core/runs/hash';
import { getPreset } from '../../../src/core/runs/presets';
import { networkOf } from '../../../src/core/runs/network-shape';
import { importBundle } from '../../../src/core/runs/bundle';
import { sigmaSummary } from '../../../src/core/experiments/records';
import { layerSparsity } from '../../../src/core/analysis/mask-stats';
import { Rng } from '../../../src/core/rng';
import { sparsityOfRound } from '../../../src/core/prune/schedule';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { RunFolder } from '../../../src/cli/run-folder';
import { keptInKernel } from '../../../src/core/prune/layout';
import { exactMask } from '../runs/fixtures';
import { runCli } from '../../helpers/cli';
import { PRECOMPUTED } from '../../../src/core/runs/precomputed';

const config = parseConfig({
  ...getPreset('cartpole-reduced').config,
  seeds: [0, 1],
  prune: { methods: ['magnitude', 'snr'], rounds: 3 },
  budget: { generationsPerRound: 20, evalEvery: 10 },
});
const net = networkOf(config);
const r6 = (x: number) => Number(x.toFixed(6)); // rounds.csv keeps 6 decimals

function fakeRound(seed: number, method: string, roundNum: number): RoundRecord {
  const rng = new Rng(seed).split(method).split(roundNum);
  const mask = exactMask(net, sparsityOfRound(roundNum, 0.8), rng);
  const mean = Float32Array.from(mask, (m) => (m ? rng.normal() : 0));
  const std = Float32Array.from(mask, (m) => (m ? 0.05 + 0.05 * rng.uniform() : 1e20));
  const finalPerf = r6(100 + 400 * rng.uniform()),
    finalLoss = r6(-finalPerf);
  return {
    seed,
    method,
    roundNum,
    sparsityFrac: sparsityOfRound(roundNum, 0.8),
    prunableActive: net.layers.reduce((n, l) => n + keptInKernel(mask, l), 0),
    esDim: 330,
    finalPerf,
    finalLoss,
    bestPerf: r6(finalPerf + 1),
    evals: [
      { gen: 1, perf: 20, loss: NaN },
      { gen: 10, perf: 50, loss: NaN },
      { gen: 20, perf: finalPerf, loss: finalLoss },
    ],
    mask,
    mean,
    std,
    sigmaStats: sigmaSummary(net, mask, std),
    layerSparsity: layerSparsity(mask, net.layers).map((l) => l.sparsityFrac),
    pruneThreshold: NaN,
    generations: 20,
    wallMs: 1234,
    ...(roundNum === 1 ? { sharedWith: ['magnitude', 'snr'] } : {}),
  };
}

let dir = '';
const written: RoundRecord[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-bundle-'));
  const folder = new RunFolder(join(dir, 'run'));
  await folder.create(config, {
    runId: 'x',
    command: 'npm run lab -- imp --preset cartpole-reduced --rounds 3 --seed 0,1',
    backend: 'wasm',
    createdAt: '2026-01-02T03:04:05.000Z',
  });
  for (const seed of config.seeds)
    for (const method of config.prune.methods)
      for (let k = 1; k <= 3; k++) {
        const r = fakeRound(seed, method, k);
        written.push(r);
        await folder.appendRound(r);
        await folder.appendGenerations(
          [1, 5, 10, 15, 20].map((gen) => {
            const ev = [...r.evals].reverse().find((e) => e.gen <= gen)!;
            return {
              seed,
              method,
              roundNum: k,
              gen,
              generations: 20,
              bestScore: 1,
              meanScore: 0,
              lastEval: ev,
              esDim: r.esDim,
              evalsPerSec: 10,
            };
          }),
        );
      }
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('lab bundle', () => {
  it('run folder → bundle → importBundle is lossless and carries the provenance', async () => {
    const out = join(dir, 'b.json.gz');
    const res = await runCli(['bundle', '--run', join(dir, 'run'), '--out', out]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const got = importBundle(new Uint8Array(await readFile(out)));
    if (!got.ok) throw new Error(got.message);
    const b = got.bundle;
    expect(b.precomputed).toBe(true);
    expect(b.command).toBe(`npm run lab -- bundle --run ${join(dir, 'run')} --out ${out}`);
    expect(b.provenance?.runCommands).toEqual(['npm run lab -- imp --preset cartpole-reduced --rounds 3 --seed 0,1']);
    expect(b.provenance?.runCreatedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(b.provenance?.backend).toBe('wasm');
    expect(b.provenance?.gitCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(b.provenance?.machine).toMatch(/CPUs, Node v/);
    expect(canonicalJson(b.config)).toBe(canonicalJson(config));
    expect(b.records).toHaveLength(written.length);
    b.records.forEach((r, i) => {
      const w = written[i];
      // Everything the folder keeps comes back exactly (NaN compares equal under toEqual).
      expect({ ...r, mask: [...r.mask], mean: [...r.mean], std: [...r.std] }).toEqual({
        ...w,
        mask: [...w.mask],
        mean: [...w.mean],
        std: [...w.std],
      });
    });
  });

  it('refuses a folder whose config is not the named preset, and unknown flags', async () => {
    const wrong = await runCli([
      'bundle',
      '--run',
      join(dir, 'run'),
      '--out',
      join(dir, 'c.json'),
      '--preset',
      'mnist-quick',
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/differs from the preset/);
    const flag = await runCli(['bundle', '--run', join(dir, 'run'), '--out', join(dir, 'c.json'), '--oops', '1']);
    expect(flag.stderr).toMatch(/unknown flag --oops/);
  });

  it('selects seeds: the bundle config and records hold only those', async () => {
    const out = join(dir, 's1.json');
    expect((await runCli(['bundle', '--run', join(dir, 'run'), '--out', out, '--seeds', '1'])).code).toBe(0);
    const got = importBundle(await readFile(out, 'utf8'));
    if (!got.ok) throw new Error(got.message);
    expect(got.bundle.config.seeds).toEqual([1]);
    expect(new Set(got.bundle.records.map((r) => r.seed))).toEqual(new Set([1]));
  });

  it('--curves-only: the same rounds and metrics without masks, weights or chains, and far smaller', async () => {
    const [full, curves] = [join(dir, 'full.json'), join(dir, 'curves.json')];
    expect((await runCli(['bundle', '--run', join(dir, 'run'), '--out', full])).code).toBe(0);
    const res = await runCli(['bundle', '--run', join(dir, 'run'), '--out', curves, '--curves-only']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('(curves only)');
    const [a, b] = await Promise.all([readFile(full, 'utf8'), readFile(curves, 'utf8')]);
    const [ga, gb] = [importBundle(a), importBundle(b)];
    if (!ga.ok || !gb.ok) throw new Error('a bundle did not import');
    expect(gb.bundle.curvesOnly).toBe(true);
    expect(gb.bundle.records.map((r) => [r.seed, r.method, r.roundNum, r.finalPerf, r.sparsityFrac])).toEqual(
      ga.bundle.records.map((r) => [r.seed, r.method, r.roundNum, r.finalPerf, r.sparsityFrac]),
    );
    expect(gb.bundle.records.every((r) => r.mask.length === 0 && r.mean.length === 0)).toBe(true);
    expect(b.length).toBeLessThan(a.length / 3);
  });
});

describe('files named by --out never replace a result', () => {
  it('bundle refuses an existing file (unless --force) and any path inside a run folder, before writing', async () => {
    const run = join(dir, 'run');
    const rounds = join(run, 'rounds.csv');
    const before = await readFile(rounds);
    const inside = await runCli(['bundle', '--run', run, '--out', rounds, '--force']);
    expect(inside.code).not.toBe(0);
    expect(inside.stderr).toMatch(/inside the run folder .*write the file somewhere else/);
    const nested = await runCli(['bundle', '--run', run, '--out', join(run, 'params', 'x.json')]);
    expect(nested.stderr).toMatch(/inside the run folder/);
    expect(await readFile(rounds)).toEqual(before);

    const out = join(dir, 'exists.json');
    await writeFile(out, 'mine');
    const refused = await runCli(['bundle', '--run', run, '--out', out]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/already exists; choose another file, or add --force/);
    expect(await readFile(out, 'utf8')).toBe('mine');
    expect((await runCli(['bundle', '--run', run, '--out', out, '--force'])).code).toBe(0);
    expect(importBundle(await readFile(out, 'utf8')).ok).toBe(true);
  });

  it('summarize --out: the same rules; it pools only folders of one experiment, each round once', async () => {
    const run = join(dir, 'run');
    const md = join(dir, 'summary.md');
    await writeFile(md, 'mine');
    expect((await runCli(['summarize', '--runs', run, '--out', md])).stderr).toMatch(/already exists/);
    expect((await runCli(['summarize', '--runs', run, '--out', join(run, 'config.json')])).stderr).toMatch(
      /inside the run folder/,
    );
    expect(await readFile(md, 'utf8')).toBe('mine');
    const ok = await runCli(['summarize', '--runs', run, '--out', md, '--force']);
    expect(ok.code).toBe(0);
    expect(await readFile(md, 'utf8')).toContain('weights remaining %');

    expect((await runCli(['summarize', '--runs', `${run},${run}/`])).stderr).toMatch(/listed twice/);
    const copy = join(dir, 'run-copy');
    await cp(run, copy, { recursive: true });
    expect((await runCli(['summarize', '--runs', `${run},${copy}`])).stderr).toMatch(
      /seed 0, magnitude round 1 is in more than one folder/,
    );
    const other = join(dir, 'run-other');
    await cp(run, other, { recursive: true });
    const meta = JSON.parse(await readFile(join(other, 'config.json'), 'utf8'));
    meta.config.budget.generationsPerRound = 99;
    await writeFile(join(other, 'config.json'), JSON.stringify(meta));
    expect((await runCli(['summarize', '--runs', `${run},${other}`])).stderr).toMatch(/has a different config/);
  });
});

describe('lab summarize', () => {
  it("shows a control run's returns as they are (not × 100) and says what its ± is", async () => {
    const r = await runCli(['summarize', '--runs', join(dir, 'run')]);
    expect(r.code, r.stderr).toBe(0);
    const perf = (seed: number) => written.find((w) => w.seed === seed && w.method === 'snr' && w.roundNum === 2)!;
    const [a, b] = [perf(0).finalPerf, perf(1).finalPerf];
    const sd = Math.abs(a - b) / Math.SQRT2;
    expect(r.stdout).toContain(
      "Final test return per chain and round: mean ± s.d. over seeds (sample s.d.), each seed's value in brackets, in seed order:",
    );
    expect(r.stdout).toContain(
      `| ${((a + b) / 2).toFixed(1)} ± ${sd.toFixed(1)} (${a.toFixed(1)} / ${b.toFixed(1)}) |`,
    );
    // --raw changes nothing for returns (it keeps an image task's accuracy a fraction).
    expect((await runCli(['summarize', '--runs', join(dir, 'run'), '--raw'])).stdout).toBe(r.stdout);
  });
});

describe('shipped precomputed bundles (public/precomputed)', () => {
  it.each(Object.entries(PRECOMPUTED))(
    '%s imports, is marked precomputed and matches its preset up to seeds',
    async (presetId, file) => {
      const bytes = new Uint8Array(await readFile(join('public', 'precomputed', file)));
      expect(bytes.length).toBeLessThan(3 * 2 ** 20); // shipped with the app: keep it small (masks deflated, gzip)
      const got = importBundle(bytes);
      if (!got.ok) throw new Error(got.message);
      const noSeeds = (c: unknown) => canonicalJson({ ...parseConfig(c), seeds: [] });
      expect(noSeeds(got.bundle.config)).toBe(noSeeds(getPreset(presetId).config));
      expect(got.bundle.precomputed).toBe(true);
      expect(got.bundle.command).toMatch(/^npm run lab -- bundle /);
      expect(got.bundle.provenance?.runCommands.length).toBeGreaterThan(0);
      expect(got.bundle.records.length).toBeGreaterThan(0);
    },
  );
});
