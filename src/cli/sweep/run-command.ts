/**
 * `lab sweep run FILE --out DIR [--index I] [--jobs N]`: runs a sweep's runs on this machine, each into
 * its run folder DIR/runs/<run id> through `lab imp`'s folder runner (imp-command.ts runImpFolder), so a
 * sweep run's outputs are exactly a single `lab imp` run's. A run already complete is skipped; a run that
 * was interrupted goes through the same runner again, which continues it the way `lab imp --out` does.
 * A run being run by another process (its lock file) is left to that process; with --index that makes
 * the command fail, so a Slurm task never reports success for a run it did not finish.
 *
 * --index picks runs by their plan index (a Slurm array task runs one); --jobs N runs up to N runs at
 * once, each in its own `lab sweep run --index` process, which runs the sweep as this process planned it
 * (runSweep: a frozen copy, never the user's file again). --workers W is each run's evaluation threads,
 * as `lab imp --workers`; by default the N processes share lab imp's default (cores − 1) between them
 * (run-children.ts workersPerRun), so --jobs does not oversubscribe the cores.
 *
 * Ctrl-C and SIGTERM (Slurm's time limit, scancel) stop the sweep as they stop `lab imp` (interrupt.ts):
 * the run that is training stops at its next generation with its lock released, no further run starts,
 * and the command says how far it got and how to continue, exiting with 130 / 143. With --jobs, the runs'
 * processes get the signal too (Ctrl-C reaches the whole process group) and stop the same way.
 */
import type { SweepRun } from '../../core/sweep/expand';
import { CliError, intFlag } from '../args';
import { InterruptedError, watchInterrupts, type Interruption } from '../interrupt';
import { runImpFolder } from '../imp-command';
import { defaultNodeWorkers } from '../eval-threads';
import { backendFlag } from '../node-io';
import { runInChildren, SWEEP_CHILD_ENV, workersPerRun } from './run-children';
import { loadSweepFile, type LoadedSweep } from './read-sweep';
import { lockRun, runState, SweepDir } from './sweep-dir';
import { recordSweep, writeSweepFile } from './sweep-folder';
import type { SweepSubcommand } from './sweep-command';

/** "3", "0-5" or "1,4,7" → indices, each checked against the plan's size. */
export function indexList(v: string, count: number): number[] {
  const range = /^(\d+)-(\d+)$/.exec(v);
  const list = range
    ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i)
    : v.split(',').map((s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN));
  if (!list.length || list.some((i) => !Number.isInteger(i)))
    throw new CliError(`--index must be a run index like 3, 0-5 or 1,4,7 (got "${v}")`);
  const bad = list.find((i) => i >= count);
  if (bad !== undefined)
    throw new CliError(`--index ${bad} is past the last run (this sweep has runs 0–${count - 1}; see lab sweep plan)`);
  return list;
}

interface Tally {
  ran: number;
  complete: number;
  elsewhere: number;
  failed: string[];
}

interface RunContext {
  readonly dir: SweepDir;
  readonly file: string;
  readonly backend: 'wasm' | 'cpu';
  readonly quiet: boolean;
  readonly reportEvery: number;
  /** Evaluation threads of each run (`lab imp --workers`). */
  readonly workers: number;
  /** Notes the run lock this process holds now (null: none), for a second Ctrl-C (interrupt.ts). */
  readonly hold: (lockPath: string | null) => void;
}

async function runOne(run: SweepRun, label: string, ctx: RunContext, tally: Tally): Promise<void> {
  const folder = ctx.dir.runDir(run.runId);
  const name = `run ${run.index} (${label}, seed ${run.seed})`;
  const before = await runState(folder, run.config, ctx.backend);
  if (before.state === 'complete') {
    tally.complete++;
    process.stderr.write(`${name}: already complete in ${folder}\n`);
    return;
  }
  if (before.state === 'foreign') {
    tally.failed.push(`${name}: ${before.message}`);
    return;
  }
  const lock = await lockRun(folder);
  if (!lock.ok) {
    tally.elsewhere++;
    process.stderr.write(`${name}: left to ${lock.holder}\n`);
    return;
  }
  ctx.hold(lock.lockPath);
  try {
    process.stderr.write(`${name} → ${folder}\n`);
    // The imp runner continues a partial run and leaves one finished meanwhile by another process alone.
    const result = await runImpFolder(run.config, {
      dir: folder,
      backend: ctx.backend,
      command: `npm run lab -- sweep run ${ctx.file} --out ${ctx.dir.root} --index ${run.index}`,
      quiet: ctx.quiet,
      reportEvery: ctx.reportEvery,
      workers: ctx.workers,
    });
    if (result.alreadyComplete) tally.complete++;
    else tally.ran++;
  } catch (e) {
    // Stopped by Ctrl-C / SIGTERM (its lock already released by the run writer): the sweep stops too.
    if (e instanceof InterruptedError) throw new InterruptedError(`${name}: ${e.message}`, e.signal);
    tally.failed.push(`${name}: ${(e as Error).message}`);
  } finally {
    ctx.hold(null);
    await lock.release();
  }
}

interface SweepJob {
  readonly file: string;
  readonly out: string;
  readonly dir: SweepDir;
  readonly sweep: LoadedSweep;
  readonly indices: readonly number[];
  readonly jobs: number;
  readonly backend: 'wasm' | 'cpu';
  readonly quiet: boolean;
  readonly reportEvery: number;
  /** --workers, if given: each run's evaluation threads. */
  readonly workers: number | undefined;
}

/** Runs the sweep's `indices` into `tally`, here or in child processes; a signal stops it (InterruptedError). */
async function runSweep(
  job: SweepJob,
  tally: Tally,
  interruption: Interruption,
  hold: (lockPath: string | null) => void,
): Promise<void> {
  const { dir, indices, jobs, backend } = job;
  const { plan } = job.sweep;
  if (jobs > 1 && indices.length > 1) {
    // Complete runs are skipped here, so no process starts only to find its run done.
    const states = await Promise.all(
      indices.map((i) => runState(dir.runDir(plan.runs[i].runId), plan.runs[i].config, backend)),
    );
    const todo = indices.filter((_, k) => states[k].state !== 'complete');
    tally.complete = indices.length - todo.length;
    const workers = job.workers ?? workersPerRun(defaultNodeWorkers(), Math.min(jobs, todo.length));
    // Each run process reads a sweep file and takes its run by index. The user's file may be edited while
    // the sweep runs (a seed or an axis value added), and an index into the edited file may name another
    // run; a process reading it would also record the edited sweep in DIR/sweep.json. So the processes
    // read a frozen copy of the sweep this process planned, DIR/plans/<plan id>.json, which a plan copy's
    // reader never records (sweep-folder.ts recordSweep). The plan id is the hash of the runs' ids in plan
    // order, so whatever writes that path (another `sweep run --jobs` of the same plan) maps every index to
    // the same run.
    const planCopy = dir.planCopyPath(plan.planId);
    await writeSweepFile(planCopy, job.sweep.spec);
    // prettier-ignore
    const args = [planCopy, '--out', job.out, '--backend', backend, '--report-every', String(job.reportEvery),
      '--workers', String(workers)];
    if (job.quiet) args.push('--quiet');
    const children = await runInChildren(todo, jobs, args, interruption, () => tally.ran++);
    tally.failed.push(...children.failed);
    if (children.stopped) {
      for (const f of tally.failed) process.stderr.write(`${f}\n`);
      throw children.stopped;
    }
    process.stdout.write(
      `sweep ${plan.name}: ${indices.length} runs: ${todo.length} run in up to ${jobs} processes ` +
        `(${workers} evaluation thread${workers > 1 ? 's' : ''} each), ${tally.complete} already complete` +
        (tally.failed.length ? `, ${tally.failed.length} failed` : '') +
        ` → ${dir.root}\n`,
    );
    return;
  }
  const workers = job.workers ?? defaultNodeWorkers();
  const ctx: RunContext = {
    dir,
    file: job.file,
    backend,
    quiet: job.quiet,
    reportEvery: job.reportEvery,
    workers,
    hold,
  };
  const labels = new Map(plan.configs.map((c) => [c.index, c.label]));
  for (const i of indices) {
    // A signal that came after the last run's last generation stops the sweep before the next one.
    await interruption.checkpoint();
    await runOne(plan.runs[i], labels.get(plan.runs[i].configIndex)!, ctx, tally);
  }
  if (process.env[SWEEP_CHILD_ENV] === '1') return; // its parent prints the summary (run-children.ts)
  process.stdout.write(
    `sweep ${plan.name}: ${indices.length} run${indices.length > 1 ? 's' : ''}: ${tally.ran} ran now, ${tally.complete} already complete` +
      (tally.elsewhere ? `, ${tally.elsewhere} being run by another process` : '') +
      (tally.failed.length ? `, ${tally.failed.length} failed` : '') +
      ` → ${dir.root}\n`,
  );
}

export const runCommand: SweepSubcommand = {
  usage: 'run FILE --out DIR [--index I|A-B|I,J] [--jobs N] [--workers W] [--backend wasm|cpu] [--quiet]',
  summary: 'run the sweep (or the runs --index picks) on this machine; complete runs are skipped',
  details: [
    "DIR: new, empty, or this sweep's folder (its sweep.json names the same sweep). --jobs N: N runs at once, each",
    'with --workers W evaluation threads (default ⌊(cores − 1) / N⌋, at least 1; results are identical for any W)',
  ],
  flags: new Set(['out', 'index', 'jobs', 'workers', 'backend', 'quiet', 'report-every']),
  async run(file, flags) {
    const out = flags.get('out');
    if (!out || out === 'true') throw new CliError('sweep run needs --out DIR (the sweep folder)');
    const backend = backendFlag(flags);
    const jobs = intFlag(flags, 'jobs', 1, 256) ?? 1;
    const reportEvery = intFlag(flags, 'report-every', 1, 100000) ?? 10;
    const workers = intFlag(flags, 'workers', 1, 256); // lab imp's range (imp-command.ts)
    const quiet = flags.get('quiet') === 'true';
    const dir = new SweepDir(out);
    // The folder's own sweep.json (or a Slurm folder's copy) is read as the lab wrote it.
    const sweep = await loadSweepFile(file, { stored: dir.keeps(file) });
    const { plan } = sweep;
    const indices = flags.has('index')
      ? indexList(flags.get('index')!, plan.runs.length)
      : plan.runs.map((r) => r.index);
    await recordSweep(dir, sweep);

    const tally: Tally = { ran: 0, complete: 0, elsewhere: 0, failed: [] };
    // One watch for the whole sweep (interrupt.ts); each run's writer opens its own while it trains.
    let held: string | null = null;
    const interruption = watchInterrupts(
      () => held,
      () => `${tally.ran + tally.complete} of ${indices.length} runs`,
    );
    try {
      const job = { file, out, dir, sweep, indices, jobs, backend, quiet, reportEvery, workers };
      await runSweep(job, tally, interruption, (lockPath) => (held = lockPath));
    } finally {
      interruption.stop();
    }
    if (tally.failed.length) throw new CliError(tally.failed.join('\n'), 1);
    // Runs picked by --index (a Slurm array task, a --jobs child) must be done when the command succeeds,
    // or a collect job waiting on it (afterok) would start on a sweep that is not finished.
    if (tally.elsewhere && flags.has('index'))
      throw new CliError(
        `${tally.elsewhere} of the runs --index picked ${tally.elsewhere > 1 ? 'are' : 'is'} being run by another process: run this command again once it has finished`,
        1,
      );
  },
};
