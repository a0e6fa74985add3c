/**
 * The folder of a sweep (`--out DIR` of `lab sweep run|slurm`, the argument of `lab sweep collect`):
 *
 *   DIR/sweep.json              the sweep being run: the sweep file with its base resolved to one config
 *                               (expand.ts normaliseSweep); itself a valid sweep file
 *   DIR/runs/<run id>/          one run folder per (configuration, seed), exactly what `lab imp` writes
 *   DIR/runs/<run id>.lock      while a process runs it (host, pid, start time)
 *   DIR/slurm/<plan id>/        job scripts, the sweep file they run, and the jobs' logs (`lab sweep slurm`)
 *   DIR/configs/<config id>/    the seeds of a configuration merged into one run folder (`lab sweep collect`)
 *   DIR/bundles/<config id>.json.gz   one run bundle per configuration for the browser (collect --bundles)
 *   DIR/summary.csv, summary.md the summary table (collect)
 *
 * Run folders are named by run id (the hash of the run's config), so every process that works on the
 * sweep — this machine, Slurm array tasks on other nodes over a shared filesystem, a later resubmit —
 * finds a run's folder without any shared state, and `collect` works on whatever has finished.
 */
import { mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../../core/runs/config';
import { canonicalJson } from '../../core/runs/hash';
import { CliError } from '../args';

export class SweepDir {
  constructor(readonly root: string) {}
  get specPath(): string {
    return join(this.root, 'sweep.json');
  }
  runDir(runId: string): string {
    return join(this.root, 'runs', runId);
  }
  configDir(configId: string): string {
    return join(this.root, 'configs', configId);
  }
  bundlePath(configId: string): string {
    return join(this.root, 'bundles', `${configId}.json.gz`);
  }
  slurmDir(planId: string): string {
    return join(this.root, 'slurm', planId);
  }
}

/** Writes a file through a temporary name in the same folder and a rename: readers see old or new, never half. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export type RunState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'complete'; readonly rounds: number }
  | { readonly kind: 'partial'; readonly rounds: number; readonly planned: number }
  | { readonly kind: 'other'; readonly reason: string };

/** Rounds a run of `config` writes when it finishes: round 1 once per chain, every seed. */
export function plannedRounds(config: ExperimentConfig): number {
  return config.seeds.length * config.prune.rounds * config.prune.methods.length;
}

/** How far the run folder `dir` got with `config` (read only; a folder of another config is 'other'). */
export async function runState(dir: string, config: ExperimentConfig): Promise<RunState> {
  let meta: { config?: unknown };
  try {
    meta = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as { config?: unknown };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'other', reason: `unreadable config.json (${(e as Error).message})` };
  }
  try {
    if (canonicalJson(parseConfig(meta.config)) !== canonicalJson(config))
      return { kind: 'other', reason: 'its config.json holds another experiment' };
  } catch (e) {
    return { kind: 'other', reason: `invalid config.json (${(e as Error).message})` };
  }
  let rows: string[] = [];
  try {
    rows = (await readFile(join(dir, 'rounds.csv'), 'utf8')).split('\n').slice(1).filter(Boolean);
  } catch {
    // no rounds yet
  }
  const theta0 = new Set(await readdir(join(dir, 'theta0')).catch(() => [] as string[]));
  const planned = plannedRounds(config);
  const seedsDone = config.seeds.every((s) => theta0.has(`${s}.f32`));
  return rows.length >= planned && seedsDone
    ? { kind: 'complete', rounds: rows.length }
    : { kind: 'partial', rounds: rows.length, planned };
}

interface LockInfo {
  readonly host: string;
  readonly pid: number;
  readonly startedAt: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const heldLocks = new Set<string>();

/** Locks held by this process are removed when Slurm (or the user) stops it with SIGTERM / SIGINT. */
function releaseAllAndExit(code: number): void {
  for (const l of heldLocks) rmSync(l, { force: true });
  process.exit(code);
}
let handlersInstalled = false;

/**
 * Takes `<run dir>.lock` (exclusive create, which also works on NFS) or says who holds it. A lock left
 * by a dead process of this host is taken over; one from another host is reported, since only its
 * owner can tell whether that process still runs.
 */
export async function lockRun(
  dir: string,
): Promise<{ ok: true; release(): Promise<void> } | { ok: false; holder: string }> {
  const path = `${dir}.lock`;
  await mkdir(join(dir, '..'), { recursive: true });
  const me: LockInfo = { host: hostname(), pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(JSON.stringify(me) + '\n');
      await fh.close();
      if (!handlersInstalled) {
        handlersInstalled = true;
        process.once('SIGTERM', () => releaseAllAndExit(143));
        process.once('SIGINT', () => releaseAllAndExit(130));
      }
      heldLocks.add(path);
      return {
        ok: true,
        release: async () => {
          heldLocks.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: LockInfo | null = null;
    try {
      holder = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
    } catch {
      holder = null; // being written right now, or damaged: treat as held
    }
    if (holder && holder.host === me.host && !processAlive(holder.pid)) {
      await rm(path, { force: true });
      continue;
    }
    return {
      ok: false,
      holder: holder
        ? `process ${holder.pid} on ${holder.host} since ${holder.startedAt} (if it no longer runs, delete ${path})`
        : `another process (${path})`,
    };
  }
  throw new CliError(`cannot take the lock ${path}`, 1);
}
