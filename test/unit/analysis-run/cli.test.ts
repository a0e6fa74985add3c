/**
 * The analysis commands end to end, one per registered analysis (src/cli/analysis/analysis-command.ts):
 * small fabricated run folders (real MNIST test images, mnist-quick's network, round snapshots written
 * through RunFolder exactly as `lab imp` and `lab gd` write them). Every analysis runs with flags named
 * after its options and writes the files its report names; an ES run is compared with a GD run (same seed
 * and round); a GD folder works for within-chain LMC; bad input stops before any data is loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { getNetwork } from '../../../src/core/nets/registry';
import { Rng } from '../../../src/core/rng';
import { ANALYSIS_LIST } from '../../../src/core/analysis/analyses';
import { RunFolder } from '../../../src/cli/run-folder';
import { runAnalysis } from '../../helpers/cli';
import { analysisHelpLines, flagOf } from '../../../src/cli/analysis/analysis-flags';
import { CliError } from '../../../src/cli/args';
import { chainRecords, roundRecordOf } from './records';

const dirs: Record<string, string> = {};
const preset = getPreset('mnist-quick').config;
const esConfig = parseConfig({ ...preset, seeds: [0, 1], prune: { methods: ['magnitude', 'snr'], rounds: 3 } });
const net = getNetwork('mlp').build(esConfig.network.params, { inputShape: [14, 14, 1], outputSize: 10 });

async function folder(name: string, config: typeof esConfig, records: ReturnType<typeof chainRecords>) {
  const dir = await mkdtemp(join(tmpdir(), `lab-analysis-${name}-`));
  dirs[name] = dir;
  const f = new RunFolder(dir);
  await f.create(config, { runId: name });
  for (const seed of config.seeds) await f.writeTheta0(seed, net.init(new Rng(seed).split('theta0')));
  for (const r of records) await f.appendRound(roundRecordOf(net, r));
}

beforeAll(async () => {
  await folder('es', esConfig, [...chainRecords(net, 'magnitude', [0, 1], 3), ...chainRecords(net, 'snr', [0, 1], 3)]);
  const gdConfig = parseConfig({ ...esConfig, seeds: [1, 2], prune: { methods: ['magnitude'], rounds: 3 } });
  await folder('gd', gdConfig, chainRecords(net, 'gd_magnitude', [1, 2], 3, 'none', 5));
  const other = parseConfig({ ...esConfig, network: { id: 'mlp', params: { width: 16 } } });
  await folder('other', other, []);
  // As `lab transfer` writes it: no magnitude chain, but the random baseline the ES run may have too.
  const esRandom = [...chainRecords(net, 'magnitude', [0], 2), ...chainRecords(net, 'random_reinit', [0], 2)];
  await folder('esr', { ...esConfig, seeds: [0] }, esRandom);
  const transfer = [...chainRecords(net, 'transfer_snr', [0], 2), ...chainRecords(net, 'random_reinit', [0], 2)];
  await folder('transfer', { ...esConfig, seeds: [0] }, transfer);
});
afterAll(async () => {
  for (const d of Object.values(dirs)) await rm(d, { recursive: true, force: true });
});

/** `lab <command> args…` (with --quiet); what it printed on stdout. */
const lab = async (command: string, args: string[]) => (await runAnalysis(command, args)).stdout;

async function csv(dir: string, name: string): Promise<string[][]> {
  return (await readFile(join(dir, `${name}.csv`), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

/** Small values for each analysis's options, given as the flags its specs name. */
const TINY: Record<string, Record<string, string>> = {
  lmc: { points: '3' },
  landscape: { directions: '2', points: '5' },
  correlation: { maxPoints: '50' },
};

describe.each(ANALYSIS_LIST.map((d) => [d.id, d] as const))('lab %s over a run folder', (id, def) => {
  it('runs with its option flags and writes the files its report names', async () => {
    const flags = Object.entries(TINY[id] ?? {}).flatMap(([k, v]) => [`--${flagOf(k)}`, v]);
    const evalFlags = def.needs.evaluation ? ['--test-images', '100'] : [];
    const out = await lab(id, ['--run', dirs.es, '--seeds', '0', '--rounds', '1,2', ...flags, ...evalFlags]);
    expect(out).toMatch(/^#{3} /);
    const written = [...out.matchAll(/([^\s,]+)\.csv/g)].map((m) => basename(m[1]));
    expect(written.length).toBeGreaterThan(0);
    for (const name of written) {
      const [header, ...rows] = await csv(dirs.es, name);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r).toHaveLength(header.length);
      const json = JSON.parse(await readFile(join(dirs.es, `${name}.json`), 'utf8')) as { command: string };
      expect(json.command).toBe(
        `npm run lab -- ${id} --run ${dirs.es} --seeds 0 --rounds 1,2 ${[...flags, ...evalFlags].join(' ')}`.trim(),
      );
    }
  }, 120_000);

  it('refuses an unknown flag and an out-of-range option before loading data, naming the flag', async () => {
    await expect(lab(id, ['--run', dirs.es, '--bogus', '1'])).rejects.toThrow(/unknown flag --bogus/);
    const num = Object.entries(def.options).find(([, s]) => s.kind === 'number');
    if (num && num[1].kind === 'number')
      await expect(lab(id, ['--run', dirs.es, `--${flagOf(num[0])}`, String(num[1].max + 1)])).rejects.toThrow(
        `--${flagOf(num[0])} = ${num[1].max + 1} is outside`,
      );
  });
});

describe('LMC over run folders', () => {
  it('lmc: both barrier columns; pairs across rounds per seed and across seeds per round', async () => {
    const out = await lab('lmc', ['--run', dirs.es, '--points', '3', '--test-images', '100']);
    const [header, ...rows] = await csv(dirs.es, 'lmc');
    expect(header.slice(-5)).toEqual([
      'endpoint_barrier',
      'excess_barrier',
      'connected',
      'worst_alpha',
      'normalised_barrier',
    ]);
    expect(rows.filter((r) => r[1] === 'rounds')).toHaveLength(2 * 3); // 2 seeds × C(3,2)
    expect(rows.filter((r) => r[1] === 'seeds')).toHaveLength(3); // 3 rounds × C(2,2)
    for (const r of rows) {
      expect(Number(r[11])).toBeGreaterThanOrEqual(0); // the excess is 0 at both ends of the path
      expect(r[12]).toBe(Number(r[11]) < 0.02 ? '1' : '0');
    }
    expect(out).toContain('| round | remaining % | B(r_k, r_k+1) | excess(r_k, r_k+1) |');
    expect(out).toContain('B across seeds (different θ0)');
  }, 120_000);

  it('lmc on a GD-IMP folder: "--method magnitude" finds gd_magnitude (no σ needed)', async () => {
    await lab('lmc', [
      '--run',
      dirs.gd,
      '--method',
      'magnitude',
      '--pairs',
      'rounds',
      '--points',
      '3',
      '--test-images',
      '100',
    ]);
    const [, ...rows] = await csv(dirs.gd, 'lmc');
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['gd_magnitude']));
    expect(rows).toHaveLength(2 * 3);
  }, 120_000);

  it('lmc --runs ES,GD: the same seed and round of both; output named after run B', async () => {
    const out = await lab('lmc', ['--runs', `${dirs.es},${dirs.gd}`, '--points', '3', '--test-images', '100']);
    const [header, ...rows] = await csv(dirs.es, `lmc-runs-${basename(dirs.gd)}`);
    expect(header).toEqual([
      'seed',
      'round',
      'sparsity_a',
      'sparsity_b',
      'perf_a',
      'perf_b',
      'endpoint_barrier',
      'excess_barrier',
      'connected',
      'worst_alpha',
      'normalised_barrier',
    ]);
    expect(rows.map((r) => `${r[0]}/${r[1]}`)).toEqual(['1/1', '1/2', '1/3']); // seed 1 is the only shared seed
    expect(out).toContain('magnitude (A');
    expect(out).toContain('gd_magnitude (B');
  }, 120_000);

  it('refuses runs with different networks, a missing chain, a single folder in --runs', async () => {
    await expect(lab('lmc', ['--runs', `${dirs.es},${dirs.other}`])).rejects.toThrow(/different networks/);
    await expect(lab('lmc', ['--runs', `${dirs.es},${dirs.gd}`, '--method-b', 'snr'])).rejects.toThrow(
      /"snr" is not a chain/,
    );
    await expect(lab('lmc', ['--runs', dirs.es])).rejects.toThrow(/two run folders/);
    await expect(lab('correlation', ['--runs', `${dirs.es},${dirs.gd}`])).rejects.toThrow(/unknown flag --runs/);
  });
});

describe('choosing the chains of the records (--method, --methods, --method-b)', () => {
  it('two runs without a default chain in both: refused, naming the chains and the flags (no random baseline)', async () => {
    const err = await runAnalysis('lmc', ['--runs', `${dirs.esr},${dirs.transfer}`]).catch((e: CliError) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).message).toBe(
      "no default chain of the first run has a counterpart in the second run (default magnitude; the first run's " +
        "chains: magnitude, random_reinit; the second run's: transfer_snr, random_reinit); choose a chain of each " +
        'run: --method ID for run A, --method-b ID for run B',
    );
    // Asked for by name, the baseline is compared.
    const out = await lab('weights', ['--runs', `${dirs.esr},${dirs.transfer}`, '--method', 'random_reinit']);
    expect(out).toContain('random_reinit (A): layer %');
  });

  it('errors name the flag as typed: --methods, not --method', async () => {
    await expect(lab('landscape', ['--run', dirs.es, '--methods', 'magnitude,snr'])).rejects.toThrow(
      /^--methods: this analysis takes one chain \(got magnitude, snr\)$/,
    );
    for (const id of ['weights', 'lmc', 'correlation'])
      await expect(lab(id, ['--run', dirs.es, '--methods', 'magnitude,snrr'])).rejects.toThrow(
        /^--methods: chain "snrr" is not a chain of this run/,
      );
    await expect(lab('weights', ['--run', dirs.es, '--method', 'snrr'])).rejects.toThrow(/^--method: chain "snrr"/);
    await expect(lab('weights', ['--run', dirs.es, '--method', 'snr', '--methods', 'magnitude'])).rejects.toThrow(
      'give --method or --methods (the same flag), not both',
    );
  });

  it('--help says in words which chain is the default', () => {
    const help = analysisHelpLines().join('\n');
    expect(help).toContain('--method ID (default: the first of snr, magnitude that the run has, else its first chain)');
    expect(help).toContain('(default: magnitude if the run has it, else its first chain)');
    expect(help).not.toMatch(/default snr, magnitude/);
  });
});

describe('weights and correlation over ES and GD folders', () => {
  it('weights --runs ES,GD puts both runs side by side per layer', async () => {
    const out = await lab('weights', ['--runs', `${dirs.es},${dirs.gd}`]);
    expect(out).toContain('#### Dense_0');
    expect(out).toContain('magnitude (A): layer %');
    expect(out).toContain('gd_magnitude (B): \\|W\\|');
    const [header, ...rows] = await csv(dirs.es, `weights-vs-${basename(dirs.gd)}`);
    expect(header[0]).toBe('run');
    expect(rows).toHaveLength(2 * 3 * 2); // 2 runs × 3 rounds of seed 1 × 2 layers
  });

  it('correlation defaults to the hidden layer Dense_0 and refuses a GD folder (no σ)', async () => {
    const out = await lab('correlation', ['--run', dirs.es, '--seeds', '0']);
    expect(out).toContain('over Dense_0 (alive kernel entries');
    await expect(lab('correlation', ['--run', dirs.gd])).rejects.toThrow(/needs a per-weight σ/);
  });
});
