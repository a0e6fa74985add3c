/**
 * Opens a saved run folder (src/cli/run-folder.ts) for the analysis commands: re-validates its
 * config.json, rebuilds the task and network through the same instantiate() path as `lab imp`, and reads
 * round snapshots (mask, final mean, σ) and θ0 back. Vision test sets are cut to `--test-images`
 * (default 2 000, docs/ALGORITHMS.md §12 guideline 2) because an analysis evaluates hundreds of networks.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../../core/runs/config';
import { instantiate } from '../../core/experiments/setup';
import type { PopulationNet } from '../../core/nets/types';
import type { TaskInstance } from '../../core/tasks/types';
import type { RoundSnapshot } from '../../core/analysis/run';
import { CliError, intFlag, seedList } from '../args';
import { dataReader, useBackend } from '../node-io';
import { RunFolder } from '../run-folder';

export interface OpenRun {
  readonly dir: string;
  readonly folder: RunFolder;
  readonly config: ExperimentConfig;
  readonly task: TaskInstance;
  readonly net: PopulationNet;
  /** (seed, method, roundNum) of every round the folder holds, from rounds.csv. */
  readonly rounds: readonly { seed: number; method: string; roundNum: number }[];
  /** What the analysis evaluated on, for the output files. */
  readonly testImages: number;
}

/** Flags every analysis command shares. */
export const COMMON_FLAGS = ['run', 'backend', 'test-images', 'seeds', 'quiet', 'chunk-rows'] as const;

/** Rejects flags a command does not know, naming them (exit code 2). */
export function checkFlags(flags: Map<string, string>, command: string, own: readonly string[]): void {
  const known = new Set<string>([...COMMON_FLAGS, ...own]);
  for (const k of flags.keys())
    if (!known.has(k))
      throw new CliError(`${command}: unknown flag --${k} (known: ${[...known].map((f) => `--${f}`).join(' ')})`);
}

/** (seed, method, roundNum) of every round in a run folder's rounds.csv. */
export async function readRoundIndex(dir: string): Promise<OpenRun['rounds']> {
  let text: string;
  try {
    text = await readFile(join(dir, 'rounds.csv'), 'utf8');
  } catch {
    throw new CliError(`--run ${dir}: no rounds.csv (is this a run folder written by "lab imp"?)`);
  }
  const [header, ...lines] = text.trim().split('\n');
  const cols = header.split(',');
  const [si, mi, ri] = ['seed', 'method', 'round'].map((c) => cols.indexOf(c));
  return lines.filter(Boolean).map((l) => {
    const f = l.split(',');
    return { seed: Number(f[si]), method: f[mi], roundNum: Number(f[ri]) };
  });
}

/** Opens `--run DIR`, selects the backend and rebuilds task + network. The caller disposes `task`. */
export async function openRun(flags: Map<string, string>): Promise<OpenRun> {
  const dir = flags.get('run');
  if (!dir || dir === 'true') throw new CliError('--run DIR is required (a folder written by "lab imp")');
  let raw: { config?: unknown };
  try {
    raw = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as { config?: unknown };
  } catch (e) {
    throw new CliError(`--run ${dir}: cannot read config.json (${(e as Error).message})`);
  }
  const testImages = intFlag(flags, 'test-images', 0, 100000) ?? 2000;
  const parsed = parseConfig(raw.config);
  const config: ExperimentConfig =
    parsed.task.params.testSubset === undefined
      ? parsed
      : { ...parsed, task: { ...parsed.task, params: { ...parsed.task.params, testSubset: testImages } } };
  await useBackend(flags.get('backend') ?? 'wasm');
  const { task, net } = await instantiate(config, dataReader);
  return { dir, folder: new RunFolder(dir), config, task, net, rounds: await readRoundIndex(dir), testImages };
}

/** `--seeds` (default: every seed of the run) checked against the run's seeds. */
export function seedsOf(run: OpenRun, flags: Map<string, string>): number[] {
  const seeds = flags.has('seeds') ? seedList(flags.get('seeds')!, '--seeds') : [...run.config.seeds];
  for (const s of seeds)
    if (!run.config.seeds.includes(s))
      throw new CliError(`--seeds: seed ${s} is not in this run (seeds ${run.config.seeds.join(',')})`);
  return seeds;
}

/** `--method` / `--methods` as a list, each checked against the run's chains. */
export function methodsOf(run: OpenRun, value: string | undefined, fallback: readonly string[]): string[] {
  const methods = value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : fallback.filter((m) => run.config.prune.methods.includes(m));
  for (const m of methods)
    if (!run.config.prune.methods.includes(m))
      throw new CliError(`method "${m}" is not a chain of this run (chains: ${run.config.prune.methods.join(', ')})`);
  if (!methods.length)
    throw new CliError(
      `none of ${fallback.join(', ')} is a chain of this run (chains: ${run.config.prune.methods.join(', ')})`,
    );
  return methods;
}

/** `--rounds 1,4,8` (1-based; default: every round the folder holds for that chain). */
export function roundsOf(run: OpenRun, flags: Map<string, string>, seed: number, method: string): number[] {
  const have = run.rounds
    .filter((r) => r.seed === seed && r.method === method)
    .map((r) => r.roundNum)
    .sort((a, b) => a - b);
  if (!flags.has('rounds')) return have;
  const wanted = flags
    .get('rounds')!
    .split(',')
    .map((s) => Number(s.trim()));
  for (const k of wanted) {
    if (!Number.isInteger(k) || k < 1)
      throw new CliError(`--rounds must be 1-based round numbers like "1,4,8" (got "${flags.get('rounds')}")`);
    if (!have.includes(k))
      throw new CliError(
        `--rounds: round ${k} of seed ${seed} ${method} is not in this run (have ${have.join(',') || 'none'})`,
      );
  }
  return wanted;
}

/** One saved round as the analyses need it; sparsity recomputed from the mask over the kernels. */
export async function loadRound(run: OpenRun, seed: number, method: string, roundNum: number): Promise<RoundSnapshot> {
  const [mask, mean, std] = await Promise.all([
    run.folder.readMask(seed, method, roundNum),
    run.folder.readParams(seed, method, roundNum, 'mean'),
    run.folder.readParams(seed, method, roundNum, 'std'),
  ]);
  let active = 0;
  for (const l of run.net.layers)
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) active += mask[i];
  return { seed, method, roundNum, mask, mean, std, sparsityFrac: 1 - active / run.net.prunableCount };
}

/** θ0 of a seed's chains (theta0/<seed>.f32). */
export async function loadTheta0(run: OpenRun, seed: number): Promise<Float32Array> {
  const b = await readFile(join(run.dir, 'theta0', `${seed}.f32`));
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
