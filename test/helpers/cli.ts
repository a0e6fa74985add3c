/**
 * Helpers for CLI tests: run `main` in this process with stdout/stderr captured, snapshot a folder's
 * files (to prove a refused command changed nothing), and the tiny CartPole flags a run of which takes
 * about a second.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main';
import { ANALYSIS_COMMANDS } from '../../src/cli/analysis';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `run`'s result with what it wrote on stdout and stderr (both kept off the test's output); throws as `run` does. */
export async function captured<T>(run: () => Promise<T>): Promise<{ value: T; stdout: string; stderr: string }> {
  let stdout = '',
    stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  try {
    const value = await run();
    return { value, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Runs `npm run lab -- …argv` in-process. */
export async function runCli(argv: readonly string[]): Promise<CliResult> {
  const { value: code, stdout, stderr } = await captured(() => main(argv));
  return { code, stdout, stderr };
}

/**
 * Runs one analysis command (`lab lmc …`, `lab weights …`) with `--quiet` through its own entry, so a
 * refusal throws (CliError) for the test to match; `args` are `--flag value` pairs.
 */
export function runAnalysis(command: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  const flags = new Map<string, string>([['quiet', 'true']]);
  for (let i = 0; i < args.length; i += 2) flags.set(args[i].slice(2), args[i + 1]);
  return captured(() => ANALYSIS_COMMANDS[command](flags, [command, ...args]));
}

/** Every file under `dir` (relative path → bytes as base64); {} when `dir` does not exist. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(join(dir, rel));
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const p = join(rel, n);
      if ((await stat(join(dir, p))).isDirectory()) await walk(p);
      else out[p] = (await readFile(join(dir, p))).toString('base64');
    }
  };
  await walk('');
  return out;
}

/** A CartPole ES-IMP run of 3 rounds × `gens` generations, 2 chains, 1 seed (about a second for gens = 4). */
export function tinyImpArgs(out: string, gens = 4): string[] {
  return [
    'imp',
    '--task',
    'cartpole',
    '--task.episodes',
    '1',
    '--net',
    'policy_mlp',
    '--net.hiddenLayers',
    '1',
    '--net.width',
    '4',
    '--es',
    'sep_cma_es',
    '--popsize',
    '8',
    '--rounds',
    '3',
    '--prune-frac',
    '0.5',
    '--gens',
    String(gens),
    '--eval-every',
    '2',
    '--prune',
    'magnitude,random_reinit',
    '--quiet',
    '--out',
    out,
  ];
}

/** Columns that measure time (wall_ms, evals_per_sec) differ between any two runs: blanked for comparison. */
export function withoutTimings(csv: string): string {
  const [header, ...rows] = csv.split('\n');
  const cols = header.split(',');
  const drop = new Set(['wall_ms', 'evals_per_sec'].map((c) => cols.indexOf(c)).filter((i) => i >= 0));
  return [
    header,
    ...rows.map((r) =>
      r
        .split(',')
        .map((c, i) => (drop.has(i) ? '' : c))
        .join(','),
    ),
  ].join('\n');
}
