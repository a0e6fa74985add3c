/**
 * `lab merge --runs DIR,DIR… --out DIR`: combines run folders of the same config that differ only in their
 * seeds (e.g. one process per seed on a multi-core machine) into one multi-seed run folder, which the
 * analysis commands (lmc across seeds, summarize) then read as one run.
 *
 * Every input is read and checked in full first (config, both CSVs, every round's files, θ0 of every
 * seed); the merged folder is then built under a temporary name next to --out and renamed into place, so
 * --out either appears complete or not at all. An existing --out is never replaced.
 */
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../core/runs/config';
import { networkOf } from '../core/runs/network-shape';
import { runId, sameUpToSeeds } from '../core/runs/hash';
import { GEN_COLUMNS, ROUND_COLUMNS } from '../core/runs/csv';
import { toCsv } from '../core/runs/csv-format';
import { roundWithoutPredecessor } from '../core/runs/round-checks';
import { CliError, pathFlag, refuseUnknownFlags } from './args';
import { describeDifferences } from './config-diff';
import { writeFileAtomic } from './fs-safe';
import { CONFIG_FILE, GENERATIONS_FILE, ROUNDS_FILE, RunFolder, roundFiles, theta0File } from './run-folder';

export async function mergeCommand(flags: Map<string, string>): Promise<void> {
  refuseUnknownFlags(flags, ['runs', 'out'], 'merge');
  const dirs = (pathFlag(flags, 'runs', 'run folders, e.g. --runs a,b') ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const out = pathFlag(flags, 'out', 'a new folder for the merged run');
  if (dirs.length < 2 || !out) throw new CliError('merge needs --runs DIR,DIR[,…] (at least two) and --out DIR');
  const merged = await mergeRunFolders(dirs, out, `npm run lab -- merge --runs ${dirs.join(',')} --out ${out}`);
  process.stdout.write(`merged ${dirs.length} run folders (seeds ${merged.seeds.join(',')}) → ${out}\n`);
}

/**
 * The config.json of run folders whose rounds may be pooled as seeds of one experiment (merge, summarize):
 * each folder listed once, every config equal up to its seeds. A refusal names the fields that differ.
 */
export async function poolableMetas(dirs: readonly string[]): Promise<Awaited<ReturnType<RunFolder['readMeta']>>[]> {
  if (new Set(dirs.map((d) => resolve(d))).size !== dirs.length) throw new CliError('--runs: a folder is listed twice');
  const metas = await Promise.all(dirs.map((d) => new RunFolder(d).readMeta('--runs')));
  metas.forEach(({ config }, i) => {
    if (!sameUpToSeeds(config, metas[0].config)) {
      const labels = { a: `in ${dirs[i]}`, b: `in ${dirs[0]}` };
      const diff = describeDifferences({ ...config, seeds: [] }, { ...metas[0].config, seeds: [] }, labels);
      throw new CliError(`--runs: ${dirs[i]} has a different config than ${dirs[0]} (only seeds may differ): ${diff}`);
    }
  });
  return metas;
}

/**
 * "seeds 0, 1 are in both A and B; seed 3 is in both B and C": each seed given by more than one folder,
 * once, with the folders that hold it; '' when every seed is in one folder only.
 */
function seedsInSeveralFolders(dirs: readonly string[], seedsOf: readonly (readonly number[])[]): string {
  const holders = new Map<number, string[]>();
  seedsOf.forEach((seeds, i) => seeds.forEach((s) => holders.set(s, [...(holders.get(s) ?? []), dirs[i]])));
  // Seeds held by the same folders are named together, so two folders of the same seeds make one line.
  const groups = new Map<string, { folders: string[]; seeds: number[] }>();
  for (const [seed, folders] of [...holders].sort(([a], [b]) => a - b)) {
    if (folders.length < 2) continue;
    const key = JSON.stringify(folders);
    groups.set(key, { folders, seeds: [...(groups.get(key)?.seeds ?? []), seed] });
  }
  return [...groups.values()]
    .map(({ folders, seeds }) => {
      const where = `${folders.length > 2 ? 'each of' : 'both'} ${folders.slice(0, -1).join(', ')} and ${folders[folders.length - 1]}`;
      return seeds.length > 1 ? `seeds ${seeds.join(', ')} are in ${where}` : `seed ${seeds[0]} is in ${where}`;
    })
    .join('; ');
}

/**
 * Writes the run folders `dirs` (same config up to seeds, no seed twice) as one new run folder `out` and
 * returns its config; `command` is recorded in its config.json (`lab sweep collect` merges through this
 * too). Everything is read and checked before the first write; `out` must not exist yet.
 */
export async function mergeRunFolders(
  dirs: readonly string[],
  out: string,
  command: string,
): Promise<ExperimentConfig> {
  try {
    await stat(out);
    throw new CliError(`--out ${out} already exists; merge writes a new folder: choose another --out DIR`);
  } catch (e) {
    if (e instanceof CliError) throw e;
  }

  // 1. Read and check everything.
  const folders = dirs.map((d) => new RunFolder(d));
  const metas = await poolableMetas(dirs);
  const configs = metas.map((m) => m.config);
  const seeds = configs.flatMap((c) => c.seeds);
  const twice = seedsInSeveralFolders(
    dirs,
    configs.map((c) => c.seeds),
  );
  if (twice) throw new CliError(`--runs: each seed may come from one folder only, but ${twice}`);
  const merged = parseConfig({ ...configs[0], seeds: [...seeds].sort((a, b) => a - b) });
  const net = networkOf(merged);
  const rounds = await Promise.all(folders.map((f) => f.readRoundsTable({ requireRows: true })));
  const gens = await Promise.all(folders.map((f) => f.readGenerationsTable()));
  const files: { from: string; to: string }[] = [];
  for (const [i, f] of folders.entries()) {
    const gap = roundWithoutPredecessor(
      rounds[i].rows.map((r) => ({ seed: r.seed, method: r.method, roundNum: r.round })),
    );
    if (gap) throw new CliError(`${f.path(ROUNDS_FILE)}: ${gap}`, 1);
    for (const r of rounds[i].rows) {
      if (!configs[i].seeds.includes(r.seed))
        throw new CliError(`${f.path(ROUNDS_FILE)} line ${r.line}: seed ${r.seed} is not a seed of this run`, 1);
      await f.loadRound(r.seed, r.method, r.round, net, {
        prunableActive: r.prunable_active,
        layerSparsity: r.layer_sparsity,
      });
      for (const rel of Object.values(roundFiles(r.seed, r.method, r.round)))
        files.push({ from: f.path(rel), to: rel });
    }
    for (const seed of configs[i].seeds) {
      await f.loadTheta0(seed, net);
      files.push({ from: f.path(theta0File(seed)), to: theta0File(seed) });
    }
  }

  // 2. Build the merged folder under a temporary name, then rename it into place.
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    await writeFileAtomic(
      join(tmp, CONFIG_FILE),
      JSON.stringify(
        {
          ...metas[0].meta,
          runId: runId(merged),
          command,
          mergedFrom: metas.map((m) => ({ runId: m.meta.runId, command: m.meta.command })),
          config: merged,
        },
        null,
        2,
      ) + '\n',
    );
    // Columns in the lab's order, whatever order an input file had them in.
    const inOrder = (
      columns: readonly string[],
      t: { header: readonly string[]; rows: { cells: readonly string[] }[] },
    ) => t.rows.map((r) => columns.map((c) => r.cells[t.header.indexOf(c)]));
    await writeFileAtomic(
      join(tmp, ROUNDS_FILE),
      toCsv(
        ROUND_COLUMNS,
        rounds.flatMap((t) => inOrder(ROUND_COLUMNS, t)),
      ),
    );
    await writeFileAtomic(
      join(tmp, GENERATIONS_FILE),
      toCsv(
        GEN_COLUMNS,
        gens.flatMap((t) => inOrder(GEN_COLUMNS, t)),
      ),
    );
    for (const f of files) {
      await mkdir(dirname(join(tmp, f.to)), { recursive: true });
      await copyFile(f.from, join(tmp, f.to));
    }
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return merged;
}
