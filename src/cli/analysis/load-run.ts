/**
 * Run folders (src/cli/run-folder.ts) as analysis sources: the config and the (seed, chain, round) index
 * are read first, so options and selection are checked before any data set is loaded; then the task and
 * network are rebuilt through the same instantiate() path as `lab imp`, and exactly the selected rounds
 * (mask, final mean, σ) and θ0 are read — through RunFolder's checked readers, which refuse a damaged
 * file with the checks of the bundle importer (core/runs/round-checks.ts). Vision test sets are cut to
 * `--test-images` (default 2 000, docs/ALGORITHMS.md §12 guideline 2) because an analysis evaluates
 * hundreds of networks.
 */
import { basename, resolve } from 'node:path';
import type { ExperimentConfig } from '../../core/runs/config';
import { canonicalJson } from '../../core/runs/hash';
import type { RoundMetrics } from '../../core/runs/round-checks';
import { instantiate } from '../../core/experiments/setup';
import type { PopulationNet } from '../../core/nets/types';
import type { TaskInstance } from '../../core/tasks/types';
import type { AnalysisSource, RoundKey } from '../../core/analysis/analyses';
import type { RoundSnapshot } from '../../core/analysis/run';
import { CliError } from '../args';
import { dataReader, useBackend } from '../node-io';
import { RunFolder } from '../run-folder';

const keyOf = (k: RoundKey) => `${k.seed}|${k.method}|${k.roundNum}`;

/**
 * (seed, method, roundNum) of every finished round in a run folder's rounds.csv (checked by the one CSV
 * reader), with the metrics the round's files are checked against.
 */
export async function readRoundIndex(dir: string): Promise<{ index: RoundKey[]; metrics: Map<string, RoundMetrics> }> {
  const rows = await new RunFolder(dir).readRounds();
  const index = rows.map((r) => ({ seed: r.seed, method: r.method, roundNum: r.round }));
  const metrics = new Map(
    rows.map((r) => [
      keyOf({ seed: r.seed, method: r.method, roundNum: r.round }),
      { prunableActive: r.prunable_active, layerSparsity: r.layer_sparsity },
    ]),
  );
  return { index, metrics };
}

/** A run folder's config and round index (no data loaded). */
export interface RunHeader {
  readonly dir: string;
  readonly config: ExperimentConfig;
  readonly index: readonly RoundKey[];
  /** rounds.csv's metrics per round (keyOf), checked against the round's files when they are loaded. */
  readonly metrics: ReadonlyMap<string, RoundMetrics>;
}

export async function readRunHeader(dir: string): Promise<RunHeader> {
  const { config } = await new RunFolder(dir).readMeta('run folder');
  return { dir, config, ...(await readRoundIndex(dir)) };
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

/** One saved round as the analyses need it (checked like a bundle's); sparsity recomputed from the mask. */
export async function loadRound(
  folder: RunFolder,
  net: PopulationNet,
  key: RoundKey,
  metrics: RoundMetrics = {},
): Promise<RoundSnapshot> {
  const { seed, method, roundNum } = key;
  const { mask, mean, std } = await folder.loadRound(seed, method, roundNum, net, metrics);
  let active = 0;
  for (const l of net.layers) for (let i = l.kernelOffset; i < l.kernelOffset + l.kernelSize; i++) active += mask[i];
  return { seed, method, roundNum, mask, mean, std, sparsityFrac: 1 - active / net.prunableCount };
}

/** A run's label in tables and output file names: its folder's name (of the absolute path: `.` has none). */
export const runLabel = (header: Pick<RunHeader, 'dir'>): string => basename(resolve(header.dir));

/** A run folder as an analysis source (label: the folder's name). */
export function folderSource(header: RunHeader, net: PopulationNet): AnalysisSource {
  const folder = new RunFolder(header.dir);
  return {
    label: runLabel(header),
    index: header.index,
    load: (keys) => Promise.all(keys.map((k) => loadRound(folder, net, k, header.metrics.get(keyOf(k))))),
    theta0: (seed) => folder.loadTheta0(seed, net),
  };
}
