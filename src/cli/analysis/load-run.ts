/**
 * Run folders (src/cli/run-folder.ts) as analysis sources: the config and the (seed, chain, round) index
 * are read first, so options and selection are checked before any data set is loaded; then the task and
 * network are rebuilt through the same instantiate() path as `lab imp`, and exactly the selected rounds
 * (mask, final mean, σ) and θ0 are read. Vision test sets are cut to `--test-images` (default 2 000,
 * docs/ALGORITHMS.md §12 guideline 2) because an analysis evaluates hundreds of networks.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../../core/runs/config';
import { canonicalJson } from '../../core/runs/hash';
import { parseRoundsCsv } from '../../core/runs/csv';
import { instantiate } from '../../core/experiments/setup';
import type { PopulationNet } from '../../core/nets/types';
import type { TaskInstance } from '../../core/tasks/types';
import type { AnalysisSource, RoundKey } from '../../core/analysis/analyses';
import type { RoundSnapshot } from '../../core/analysis/run';
import { CliError } from '../args';
import { dataReader, useBackend } from '../node-io';
import { CONFIG_FILE, ROUNDS_FILE, RunFolder } from '../run-folder';

/** (seed, method, roundNum) of every finished round in a run folder's rounds.csv (checked by the one CSV reader). */
export async function readRoundIndex(dir: string): Promise<RoundKey[]> {
  const file = join(dir, ROUNDS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`run folder ${dir}: no ${ROUNDS_FILE} (is this a run folder written by "lab imp" or "lab gd"?)`);
  }
  try {
    return parseRoundsCsv(text, file).rows.map((r) => ({ seed: r.seed, method: r.method, roundNum: r.round }));
  } catch (e) {
    throw new CliError((e as Error).message, 1);
  }
}

/** A run folder's config and round index (no data loaded). */
export interface RunHeader {
  readonly dir: string;
  readonly config: ExperimentConfig;
  readonly index: readonly RoundKey[];
}

export async function readRunHeader(dir: string): Promise<RunHeader> {
  let raw: { config?: unknown };
  try {
    raw = JSON.parse(await readFile(join(dir, CONFIG_FILE), 'utf8')) as { config?: unknown };
  } catch (e) {
    throw new CliError(`run folder ${dir}: cannot read config.json (${(e as Error).message})`);
  }
  let config: ExperimentConfig;
  try {
    config = parseConfig(raw.config);
  } catch (e) {
    throw new CliError(`run folder ${dir}: config.json is not a valid run config (${(e as Error).message})`);
  }
  return { dir, config, index: await readRoundIndex(dir) };
}

/** Refuses a second run whose network or task differs from the first (LMC and the tables need one layout). */
export function checkSameLayout(a: RunHeader, b: RunHeader): void {
  const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);
  if (b.config.network.id !== a.config.network.id || !same(b.config.network.params, a.config.network.params))
    throw new CliError(
      `--runs: the two runs train different networks (${a.config.network.id} ${canonicalJson(a.config.network.params)} vs ${b.config.network.id} ${canonicalJson(b.config.network.params)}); the analysis needs the same parameter layout`,
    );
  if (b.config.task.id !== a.config.task.id || b.config.task.params.pool !== a.config.task.params.pool)
    throw new CliError(
      `--runs: the two runs use different tasks (${a.config.task.id} ${String(a.config.task.params.pool)} vs ${b.config.task.id} ${String(b.config.task.params.pool)})`,
    );
}

/** Task + network of a run (vision test set cut to `testImages`; 0 = all). The caller disposes the task. */
export async function instantiateRun(
  header: RunHeader,
  testImages: number,
  backend: string,
): Promise<{ task: TaskInstance; net: PopulationNet }> {
  const c = header.config;
  const config: ExperimentConfig =
    c.task.params.testSubset === undefined
      ? c
      : { ...c, task: { ...c.task, params: { ...c.task.params, testSubset: testImages } } };
  await useBackend(backend);
  return instantiate(config, dataReader);
}

/** One saved round as the analyses need it; sparsity recomputed from the mask over the kernels. */
export async function loadRound(
  folder: RunFolder,
  net: PopulationNet,
  key: RoundKey,
  withStd: boolean,
): Promise<RoundSnapshot> {
  const { seed, method, roundNum } = key;
  const [mask, mean, std] = await Promise.all([
    folder.readMask(seed, method, roundNum),
    folder.readParams(seed, method, roundNum, 'mean'),
    withStd ? folder.readParams(seed, method, roundNum, 'std') : Promise.resolve(new Float32Array(0)),
  ]);
  let active = 0;
  for (const l of net.layers) for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) active += mask[i];
  return { seed, method, roundNum, mask, mean, std, sparsityFrac: 1 - active / net.prunableCount };
}

/** θ0 of a seed's chains (theta0/<seed>.f32). */
export async function loadTheta0(folder: RunFolder, seed: number): Promise<Float32Array> {
  try {
    return await folder.readTheta0(seed);
  } catch (e) {
    throw new CliError(`run folder ${folder.dir}: cannot read θ0 of seed ${seed} (${(e as Error).message})`, 1);
  }
}

/** A run folder as an analysis source (label: the folder's name). */
export function folderSource(header: RunHeader, net: PopulationNet): AnalysisSource {
  const folder = new RunFolder(header.dir);
  return {
    label: basename(resolve(header.dir)),
    index: header.index,
    load: (keys, withStd) => Promise.all(keys.map((k) => loadRound(folder, net, k, withStd))),
    theta0: (seed) => loadTheta0(folder, seed),
  };
}
