/**
 * The folder of a sweep (`--out DIR` of `lab sweep run|slurm`, the argument of `lab sweep collect`):
 *
 *   DIR/sweep.json              the sweep being run: the sweep file with its base resolved to one config
 *                               (expand.ts normaliseSweep); itself a valid sweep file
 *   DIR/runs/<run id>/          one run folder per (configuration, seed), exactly what `lab imp` writes
 *   DIR/slurm/<plan id>/        job scripts, the sweep file they run, and the jobs' logs (`lab sweep slurm`)
 *   DIR/plans/<plan id>.json    the sweep file the run processes of `lab sweep run --jobs` run
 *   DIR/configs/<config id>/    the seeds of a configuration merged into one run folder (`lab sweep collect`)
 *   DIR/bundles/<config id>.json.gz   one run bundle per configuration for the browser (collect --bundles)
 *   DIR/summary.csv, summary.md the summary table (collect)
 *
 * Run folders are named by run id (the hash of the run's config), so every process that works on the
 * sweep — this machine, Slurm array tasks on other nodes over a shared filesystem, a later resubmit —
 * finds a run's folder without any shared state, and `collect` works on whatever has finished.
 */
import { basename, dirname, join, resolve } from 'node:path';
import type { ExperimentConfig } from '../../core/runs/config';
import { FolderLockedError, LOCK_FILE, lockFolder } from '../fs-safe';
import { impRunStatus, type RunFolderStatus } from '../run-state';

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
  /** The copy of a plan's sweep file that the run processes of `sweep run --jobs` read (run-command.ts). */
  planCopyPath(planId: string): string {
    return join(this.root, 'plans', `${planId}.json`);
  }
  /**
   * Whether `file` is a sweep file this folder keeps (its sweep.json, or a plan's copy): what the lab
   * wrote, read as stored data (read-sweep.ts `stored`).
   */
  keeps(file: string): boolean {
    return resolve(file) === resolve(this.specPath) || this.isPlanCopy(file);
  }
  /**
   * Whether `file` is a copy of the sweep as it was planned: a Slurm folder's (slurm/<plan id>/sweep.json),
   * which the array tasks run, or the one the run processes of `sweep run --jobs` run (plans/<plan id>.json).
   */
  isPlanCopy(file: string): boolean {
    const path = resolve(file);
    if (dirname(path) === resolve(this.root, 'plans')) return path.endsWith('.json');
    return basename(path) === 'sweep.json' && dirname(dirname(path)) === resolve(this.root, 'slurm');
  }
}

/**
 * How far a run's folder got: `lab imp`'s own reading of it (run-state.ts). With a backend, only a run
 * computed on it counts; without, a run on either Node backend does (what collect and plan report).
 */
export async function runState(
  dir: string,
  config: ExperimentConfig,
  backend?: 'wasm' | 'cpu',
): Promise<RunFolderStatus> {
  if (backend) return impRunStatus(dir, config, backend);
  const wasm = await impRunStatus(dir, config, 'wasm');
  if (wasm.state !== 'foreign') return wasm;
  const cpu = await impRunStatus(dir, config, 'cpu');
  return cpu.state === 'foreign' ? wasm : cpu;
}

/**
 * Takes a run folder's lock (the lock `lab imp` itself takes: fs-safe.ts) before the run starts, so a
 * run another process is on is left to it instead of failing; the imp runner then takes the same lock
 * again as this process. A lock from another machine is reported, since only there can one tell whether
 * its process still runs. Ctrl-C and SIGTERM release it (run-command.ts watches for them: interrupt.ts).
 */
export async function lockRun(
  dir: string,
): Promise<{ ok: true; lockPath: string; release(): Promise<void> } | { ok: false; holder: string }> {
  let unlock: () => Promise<void>;
  try {
    unlock = await lockFolder(dir);
  } catch (e) {
    if (e instanceof FolderLockedError) return { ok: false, holder: e.message };
    throw e;
  }
  return { ok: true, lockPath: join(dir, LOCK_FILE), release: unlock };
}
