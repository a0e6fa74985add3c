/**
 * Opens a saved run folder (src/cli/run-folder.ts) for the analysis commands: re-validates its
 * config.json, rebuilds the task and network through the same instantiate() path as `lab imp`, and reads
 * round snapshots (mask, final mean, σ) and θ0 back. Vision test sets are cut to `--test-images`
 * (default 2 000, docs/ALGORITHMS.md §12 guideline 2) because an analysis evaluates hundreds of networks.
 */
import type { ExperimentConfig } from '../../core/runs/config';
import type { RoundMetrics } from '../../core/runs/round-checks';
import { instantiate } from '../../core/experiments/setup';
import type { PopulationNet } from '../../core/nets/types';
import type { TaskInstance } from '../../core/tasks/types';
import type { RoundSnapshot } from '../../core/analysis/run';
import { boolFlag, CliError, intFlag, pathFlag, seedList } from '../args';
import { backendFlag, dataReader, useBackend } from '../node-io';
import { RunFolder } from '../run-folder';

export interface OpenRun {
  readonly dir: string;
  readonly folder: RunFolder;
  readonly config: ExperimentConfig;
  readonly task: TaskInstance;
  readonly net: PopulationNet;
  /** (seed, method, roundNum) of every round the folder holds, from rounds.csv, with the metrics checked against its files. */
  readonly rounds: readonly { seed: number; method: string; roundNum: number; metrics: RoundMetrics }[];
  /** What the analysis evaluated on, for the output files. */
  readonly testImages: number;
}

/** Flags every analysis command shares. */
export const COMMON_FLAGS = ['run', 'backend', 'test-images', 'seeds', 'quiet', 'chunk-rows'] as const;

/** Rejects flags a command does not know, naming them, and checks the shared ones' values (exit code 2). */
export function checkFlags(flags: Map<string, string>, command: string, own: readonly string[]): void {
  const known = new Set<string>([...COMMON_FLAGS, ...own]);
  for (const k of flags.keys())
    if (!known.has(k))
      throw new CliError(`${command}: unknown flag --${k} (known: ${[...known].map((f) => `--${f}`).join(' ')})`);
  boolFlag(flags, 'quiet');
  if (known.has('extended')) boolFlag(flags, 'extended');
  backendFlag(flags);
  intFlag(flags, 'test-images', 0, 100000);
  intFlag(flags, 'chunk-rows', 1, 4096);
  if (flags.has('seeds')) seedList(flags.get('seeds')!, '--seeds');
}

/** Every finished round of a run folder (rounds.csv, checked); a folder with none is refused. */
export async function readRoundIndex(dir: string): Promise<OpenRun['rounds']> {
  const rows = await new RunFolder(dir).readRounds({ requireRows: true });
  return rows.map((r) => ({
    seed: r.seed,
    method: r.method,
    roundNum: r.round,
    metrics: { prunableActive: r.prunable_active, layerSparsity: r.layer_sparsity },
  }));
}

/** Opens `--run DIR`, selects the backend and rebuilds task + network. The caller disposes `task`. */
export async function openRun(flags: Map<string, string>): Promise<OpenRun> {
  const dir = pathFlag(flags, 'run', 'a run folder written by "lab imp"');
  if (!dir) throw new CliError('--run DIR is required (a folder written by "lab imp")');
  const folder = new RunFolder(dir);
  const { config: parsed } = await folder.readMeta('--run');
  const rounds = await readRoundIndex(dir);
  const testImages = intFlag(flags, 'test-images', 0, 100000) ?? 2000;
  const config: ExperimentConfig =
    parsed.task.params.testSubset === undefined
      ? parsed
      : { ...parsed, task: { ...parsed.task, params: { ...parsed.task.params, testSubset: testImages } } };
  await useBackend(backendFlag(flags));
  const { task, net } = await instantiate(config, dataReader);
  return { dir, folder, config, task, net, rounds, testImages };
}

/** `--seeds` (default: every seed of the run) checked against the run's seeds. */
export function seedsOf(run: OpenRun, flags: Map<string, string>): number[] {
  const seeds = flags.has('seeds') ? seedList(flags.get('seeds')!, '--seeds') : [...run.config.seeds];
  for (const s of seeds)
    if (!run.config.seeds.includes(s))
      throw new CliError(`--seeds: seed ${s} is not in this run (seeds ${run.config.seeds.join(',')})`);
  return seeds;
}

/** `--method` / `--methods` as a list, each checked against the run's chains (errors name `flag`). */
export function methodsOf(
  run: OpenRun,
  value: string | undefined,
  fallback: readonly string[],
  flag = '--method',
): string[] {
  const methods = value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : fallback.filter((m) => run.config.prune.methods.includes(m));
  for (const m of methods)
    if (!run.config.prune.methods.includes(m))
      throw new CliError(
        `${flag}: "${m.slice(0, 40)}" is not a chain of this run (chains: ${run.config.prune.methods.join(', ')})`,
      );
  if (!methods.length)
    throw new CliError(
      `${value ? flag : 'this run'}: none of ${fallback.join(', ')} is a chain of this run (chains: ${run.config.prune.methods.join(', ')})`,
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

/** One saved round as the analyses need it (checked like a bundle's); sparsity recomputed from the mask. */
export async function loadRound(run: OpenRun, seed: number, method: string, roundNum: number): Promise<RoundSnapshot> {
  const metrics = run.rounds.find((r) => r.seed === seed && r.method === method && r.roundNum === roundNum)?.metrics;
  const { mask, mean, std } = await run.folder.loadRound(seed, method, roundNum, run.net, metrics);
  let active = 0;
  for (const l of run.net.layers)
    for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) active += mask[i];
  return { seed, method, roundNum, mask, mean, std, sparsityFrac: 1 - active / run.net.prunableCount };
}

/** θ0 of a seed's chains (theta0/<seed>.f32), checked against the network. */
export async function loadTheta0(run: OpenRun, seed: number): Promise<Float32Array> {
  return run.folder.loadTheta0(seed, run.net);
}
