/**
 * `lab merge --runs DIR,DIR… --out DIR`: combines run folders of the same config that differ only in their
 * seeds (e.g. one process per seed on a multi-core machine) into one multi-seed run folder, which the
 * analysis commands (lmc across seeds, summarize) then read as one run.
 */
import { readFile, writeFile, mkdir, readdir, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../core/runs/config';
import { runId, sameUpToSeeds } from '../core/runs/hash';
import { CliError } from './args';

async function readJson(path: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as Error).message}`, 1);
  }
}

export async function mergeCommand(flags: Map<string, string>): Promise<void> {
  const dirs = (flags.get('runs') ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const out = flags.get('out');
  if (dirs.length < 2 || !out) throw new CliError('merge needs --runs DIR,DIR[,…] (at least two) and --out DIR');
  const merged = await mergeRunFolders(dirs, out, `npm run lab -- merge --runs ${dirs.join(',')} --out ${out}`);
  process.stdout.write(`merged ${dirs.length} run folders (seeds ${merged.seeds.join(',')}) → ${out}\n`);
}

/**
 * Writes the run folders `dirs` (same config up to seeds, no seed twice) as one run folder `out` and returns
 * its config; `command` is recorded in its config.json (`lab sweep collect` merges through this too).
 */
export async function mergeRunFolders(
  dirs: readonly string[],
  out: string,
  command: string,
): Promise<ExperimentConfig> {
  const metas = await Promise.all(dirs.map((d) => readJson(join(d, 'config.json'))));
  const configs = metas.map((m) => parseConfig(m.config));
  configs.forEach((c, i) => {
    if (!sameUpToSeeds(c, configs[0]))
      throw new CliError(`--runs: ${dirs[i]} has a different config than ${dirs[0]} (only seeds may differ)`);
  });
  const seeds = configs.flatMap((c) => c.seeds);
  if (new Set(seeds).size !== seeds.length)
    throw new CliError(`--runs: seed(s) appear in more than one folder: ${seeds.join(',')}`);
  const merged = parseConfig({ ...configs[0], seeds: [...seeds].sort((a, b) => a - b) });
  for (const sub of ['masks', 'params', 'theta0']) await mkdir(join(out, sub), { recursive: true });
  await writeFile(
    join(out, 'config.json'),
    JSON.stringify(
      {
        ...metas[0],
        runId: runId(merged),
        command,
        mergedFrom: metas.map((m) => ({ runId: m.runId, command: m.command })),
        config: merged,
      },
      null,
      2,
    ) + '\n',
  );
  for (const csv of ['rounds.csv', 'generations.csv']) {
    const texts = await Promise.all(dirs.map((d) => readFile(join(d, csv), 'utf8')));
    const header = texts[0].split('\n')[0];
    const body = texts.flatMap((t) => t.trim().split('\n').slice(1)).filter(Boolean);
    await writeFile(join(out, csv), [header, ...body].join('\n') + '\n');
  }
  for (const d of dirs) {
    for (const sub of ['masks', 'params', 'theta0']) {
      // Dot-files are a running process's temporary files (fs-safe.ts), not the run's.
      for (const f of await readdir(join(d, sub)))
        if (!f.startsWith('.')) await copyFile(join(d, sub, f), join(out, sub, f));
    }
  }
  return merged;
}
