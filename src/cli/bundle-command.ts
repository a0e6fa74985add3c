/**
 * `lab bundle --run DIR --out FILE[.gz] [--preset ID] [--seeds 0,1] [--label TEXT] [--curves-only]`: writes a
 * run folder as a run bundle (core/runs/bundle.ts) marked precomputed, with its provenance — the commands that made the
 * folder, this bundle command, the git commit and machine it was written on, the backend the run used
 * (the precomputed result bundles of the presets carry the exact commands that
 * made them). The written file is read back through importBundle, the app's own importer, before
 * the command reports success, so a shipped bundle is known to load.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseConfig, type ExperimentConfig } from '../core/runs/config';
import { sameUpToSeeds } from '../core/runs/hash';
import { getPreset } from '../core/runs/presets';
import {
  exportBundle,
  exportBundleGzip,
  importBundle,
  type BundleProvenance,
  type RunBundle,
} from '../core/runs/bundle';
import { boolFlag, CliError, commandLine, refuseUnknownFlags, seedList } from './args';
import { describeDifferences } from './config-diff';
import { readFolderRecords } from './folder-records';
import { RunFolder } from './run-folder';
import { writeFileAtomic } from './fs-safe';
import { checkOutputFile } from './output-file';

const FLAGS = new Set(['run', 'out', 'preset', 'seeds', 'label', 'curves-only', 'force']);

interface FolderMeta {
  kind?: unknown;
  command?: unknown;
  backend?: unknown;
  createdAt?: unknown;
  mergedFrom?: unknown;
}

/** HEAD of the repository the CLI runs from (undefined outside a git checkout). */
function gitCommit(): string | undefined {
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

function machine(): string {
  return `${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length} CPUs, Node ${process.version}`;
}

/** The folder's config with only the given seeds (the bundle's run id hashes exactly what it holds). */
function withSeeds(config: ExperimentConfig, seeds: readonly number[]): ExperimentConfig {
  return parseConfig({ ...config, seeds: [...seeds] });
}

/** Throws unless `config` is preset `id`'s config up to its seeds (so the overlay shows what it says). */
export function checkPresetMatch(config: ExperimentConfig, id: string): void {
  let presetConfig: ExperimentConfig;
  try {
    presetConfig = parseConfig(getPreset(id).config);
  } catch (e) {
    throw new CliError(`--preset: ${(e as Error).message}`);
  }
  if (!sameUpToSeeds(config, presetConfig)) {
    const labels = { a: 'in the run', b: 'in the preset' };
    const diff = describeDifferences({ ...config, seeds: [] }, { ...presetConfig, seeds: [] }, labels);
    throw new CliError(
      `--preset ${id}: the run's config differs from the preset's (other than seeds) in ${diff}; refusing to label it as this preset`,
    );
  }
}

/** "precomputed mnist-quick (3 seeds)", noting a run that stopped early ("64 of 108 rounds"). */
function defaultLabel(config: ExperimentConfig, rounds: number, preset: string | undefined): string {
  const n = config.seeds.length;
  const planned = n * config.prune.rounds * config.prune.methods.length;
  return `precomputed${preset ? ` ${preset}` : ''} (${n} seed${n > 1 ? 's' : ''}${rounds < planned ? `, ${rounds} of ${planned} rounds: the run stopped early` : ''})`;
}

/** Builds the bundle object of a run folder (exported for tests). */
export async function bundleOfFolder(
  dir: string,
  opts: { seeds?: readonly number[]; label?: string; command: string; preset?: string },
): Promise<Omit<RunBundle, 'runId'>> {
  const read = await new RunFolder(dir).readMeta('--run');
  const meta = read.meta as FolderMeta;
  if (meta.kind === 'gd' || meta.kind === 'transfer')
    throw new CliError(
      `--run ${dir}: ${meta.kind === 'gd' ? 'GD' : 'transfer'} run folders do not fit the run-bundle format (their chains are not the config's ES pruning methods)`,
    );
  const folderConfig = read.config;
  const strings = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const seeds = opts.seeds ?? folderConfig.seeds;
  for (const s of seeds)
    if (!folderConfig.seeds.includes(s))
      throw new CliError(`--seeds: seed ${s} is not in this run (seeds ${folderConfig.seeds.join(',')})`);
  const config = withSeeds(folderConfig, seeds);
  if (opts.preset) checkPresetMatch(config, opts.preset);
  const records = await readFolderRecords(dir, config, seeds);
  if (!records.length) throw new CliError(`--run ${dir}: no finished rounds for seeds ${seeds.join(',')}`, 1);
  const provenance: BundleProvenance = {
    runCommands: [
      ...(Array.isArray(meta.mergedFrom) ? meta.mergedFrom : []).map((m: unknown) =>
        strings((m as { command?: unknown } | null)?.command),
      ),
      strings(meta.command),
    ].filter((c): c is string => !!c),
    ...(strings(meta.createdAt) ? { runCreatedAt: strings(meta.createdAt) } : {}),
    ...(strings(meta.backend) ? { backend: strings(meta.backend) } : {}),
    ...(gitCommit() ? { gitCommit: gitCommit() } : {}),
    machine: machine(),
  };
  return {
    config,
    createdAt: new Date().toISOString(),
    precomputed: true,
    command: opts.command,
    provenance,
    records,
    label: opts.label ?? defaultLabel(config, records.length, opts.preset),
  };
}

export async function bundleCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  refuseUnknownFlags(flags, FLAGS, 'bundle');
  const dir = flags.get('run'),
    out = flags.get('out');
  if (!dir || dir === 'true' || !out || out === 'true')
    throw new CliError(
      'bundle needs --run DIR (a folder written by "lab imp" or "lab merge") and --out FILE (.json or .json.gz)',
    );
  const curvesOnly = boolFlag(flags, 'curves-only');
  await checkOutputFile(out, boolFlag(flags, 'force'));
  const full = await bundleOfFolder(dir, {
    ...(flags.has('seeds') ? { seeds: seedList(flags.get('seeds')!, '--seeds') } : {}),
    ...(flags.has('label') ? { label: flags.get('label')! } : {}),
    ...(flags.has('preset') ? { preset: flags.get('preset')! } : {}),
    command: commandLine(argv),
  });
  // --curves-only: the metrics of every round without masks, means and σ (for charts; a fraction of the size)
  const bundle = curvesOnly ? { ...full, curvesOnly: true as const } : full;
  const { bytes, runId } = checkedBundleBytes(bundle, out);
  await writeFileAtomic(out, bytes);
  process.stdout.write(
    `bundle ${runId}: ${bundle.records.length} rounds${curvesOnly ? ' (curves only)' : ''}, seeds ${bundle.config.seeds.join(',')} → ${out} (${(bytes.length / 2 ** 20).toFixed(2)} MiB)\n`,
  );
}

/**
 * The bundle as the bytes of file `out` (gzip for *.gz, else JSON), read back through importBundle — the
 * app's importer — first, so a bundle that would not load is never written.
 */
export function checkedBundleBytes(
  bundle: Omit<RunBundle, 'runId'>,
  out: string,
): { bytes: Uint8Array; runId: string } {
  const bytes = out.endsWith('.gz') ? exportBundleGzip(bundle) : new TextEncoder().encode(exportBundle(bundle));
  const check = importBundle(bytes);
  if (!check.ok) throw new CliError(`the bundle does not re-import (${check.message}); nothing written`, 1);
  return { bytes, runId: check.bundle.runId };
}
