/**
 * An interrupted sweep: a real `lab sweep run` process is killed with SIGKILL while its second run is part
 * way through, then the same command is run again. The first run (complete) is skipped untouched, the
 * second continues after its last finished round (those rounds' files untouched), the others run, and
 * every run folder — and the collected summary — equals an uninterrupted sweep's. And SIGTERM, Slurm's
 * stop signal, and Ctrl-C stop a sweep run as they stop `lab imp` (src/cli/interrupt.ts): at the next
 * generation, the lock released, with the line that says how to continue (before, the process exited at
 * once without a word), with --jobs too, where a signal sent to the parent process alone is passed on to
 * its run processes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, snapshotDir, withoutTimings } from '../../helpers/cli';
import { writeTinySweep } from '../../helpers/tiny-sweep';
import { loadSweepFile } from '../../../src/cli/sweep/read-sweep';
import type { SweepPlan } from '../../../src/core/sweep/expand';

const GENS = 24;
let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-sweep-kill-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );
const dataRows = async (dir: string): Promise<number> =>
  (await readFile(join(dir, 'rounds.csv'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length - 1;
const binaries = (s: Record<string, string>) => Object.entries(s).filter(([f]) => /^(masks|params|theta0)\//.test(f));

describe('SIGKILL during lab sweep run, then the same command again', () => {
  it('skips the finished run, continues the interrupted one from its last round, and ends equal', async () => {
    const file = await writeTinySweep(root, GENS);
    const { plan } = await loadSweepFile(file);
    const [first, second] = plan.runs.map((r) => join('runs', r.runId));
    const reference = join(root, 'reference');
    expect((await runCli(['sweep', 'run', file, '--out', reference, '--quiet'])).code).toBe(0);

    const dir = join(root, 'killed');
    const args = ['sweep', 'run', file, '--out', dir, '--quiet'];
    // node itself with tsx's loader, so the kill reaches the process that writes.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: 'ignore' });
    const exited = new Promise((res) => child.on('exit', res));
    let seen = 0;
    for (;;) {
      seen = await dataRows(join(dir, second));
      if (seen >= 2 || child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;
    const finished = await dataRows(join(dir, second));
    expect(finished, 'killed part way through the second run').toBeGreaterThanOrEqual(2);
    expect(finished).toBeLessThan(6);
    const firstBefore = await snapshotDir(join(dir, first));
    const secondBefore = await snapshotDir(join(dir, second));

    const rerun = await runCli(args);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/4 runs: 3 ran now, 1 already complete/);
    expect(rerun.stderr).toContain(`continuing: ${finished} of 6 rounds were already finished`);

    expect(await snapshotDir(join(dir, first))).toEqual(firstBefore); // not even rewritten
    const secondAfter = await snapshotDir(join(dir, second));
    for (const [f, bytes] of binaries(secondBefore)) expect(secondAfter[f], f).toBe(bytes);
    for (const r of plan.runs) {
      const [a, b] = [join(dir, 'runs', r.runId), join(reference, 'runs', r.runId)];
      expect(binaries(await snapshotDir(a))).toEqual(binaries(await snapshotDir(b)));
      for (const csv of ['rounds.csv', 'generations.csv'])
        expect(withoutTimings(await readFile(join(a, csv), 'utf8')), `${r.runId}/${csv}`).toBe(
          withoutTimings(await readFile(join(b, csv), 'utf8')),
        );
    }
    expect((await runCli(['sweep', 'collect', dir])).code).toBe(0);
    expect((await runCli(['sweep', 'collect', reference])).code).toBe(0);
    expect(await readFile(join(dir, 'summary.csv'), 'utf8')).toBe(
      await readFile(join(reference, 'summary.csv'), 'utf8'),
    );
  }, 240_000);

  it("SIGTERM (Slurm's time limit, scancel) stops a run at its next generation, lock released, saying how to continue", async () => {
    const { file, plan } = await longSweep('long');
    const dir = join(root, 'terminated');
    const lock = join(dir, 'runs', plan.runs[0].runId, '.lab-lock');
    const { code, stderr } = await signalWhenTraining(['sweep', 'run', file, '--out', dir], [lock], 'SIGTERM', false);
    expect(code, `exited on SIGTERM (null: it had to be killed)\n${stderr}`).toBe(143);
    // The same line as lab imp's (interrupt.ts), naming the run; no further run started.
    expect(stderr).toMatch(
      /\nrun 0 \(es\.params\.sigma_init=0\.1, seed 0\): interrupted after 0 of 6 rounds; run the same command again to continue\n$/,
    );
    expect(await exists(lock)).toBe(false);
    expect(await dataRows(join(dir, 'runs', plan.runs[0].runId))).toBe(0); // it was inside round 1
    expect(await exists(join(dir, 'runs', plan.runs[1].runId))).toBe(false);
  }, 120_000);

  it('Ctrl-C on sweep run --jobs 2: its run processes stop at their next generation, no further one starts', async () => {
    // the terminal's signal and the parent's passed-on stop count as one in each run process
    await stopJobsSweep('jobs', 'SIGINT', true, 130);
  }, 120_000);
});

describe('a signal to the parent of sweep run --jobs alone', () => {
  it('is passed on: its run processes stop at their next generation, each once (exit 143)', async () => {
    await stopJobsSweep('jobs-term', 'SIGTERM', false, 143);
  }, 120_000);
});

/**
 * Runs a long sweep with --jobs 2, sends `signal` once both runs train (to the process group, as Ctrl-C
 * does, or to the parent alone), and checks that each run process stopped once at its safe point (never
 * "interrupted again: stopped at once"), locks released, no further run started.
 */
async function stopJobsSweep(name: string, signal: NodeJS.Signals, group: boolean, exitCode: number): Promise<void> {
  const { file, plan } = await longSweep(`long-${name}`);
  const dir = join(root, name);
  const locks = plan.runs.slice(0, 2).map((r) => join(dir, 'runs', r.runId, '.lab-lock'));
  const args = ['sweep', 'run', file, '--out', dir, '--jobs', '2'];
  const { code, stderr } = await signalWhenTraining(args, locks, signal, group);
  expect(code, stderr).toBe(exitCode);
  expect(stderr).not.toMatch(/interrupted again/);
  expect(stderr.match(/interrupted after 0 of 6 rounds; run the same command again to continue/g)).toHaveLength(2);
  expect(stderr).toMatch(/\ninterrupted after 0 of 4 runs; run the same command again to continue\n$/);
  for (const l of locks) expect(await exists(l), l).toBe(false);
  for (const r of plan.runs.slice(2)) expect(await exists(join(dir, 'runs', r.runId))).toBe(false);
}

/** The tiny sweep with rounds of 100,000 generations (a signal lands inside one), in its own folder. */
async function longSweep(name: string): Promise<{ file: string; plan: SweepPlan }> {
  await mkdir(join(root, name));
  const file = await writeTinySweep(join(root, name), 100_000);
  return { file, plan: (await loadSweepFile(file)).plan };
}

/**
 * Starts `lab …args --quiet` as its own process and sends `signal` once every lock in `locks` exists and
 * training has had two seconds; `group`: to its whole process group (its own, as a terminal's foreground
 * job: Ctrl-C signals every process in it), else to it alone. A process that ignores the signal is
 * killed after a minute (its code is then null).
 */
async function signalWhenTraining(
  args: string[],
  locks: string[],
  signal: NodeJS.Signals,
  group: boolean,
): Promise<{ code: number | null; stderr: string }> {
  // node itself with tsx's loader, so the signal reaches the process that writes.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--quiet'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: group,
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  const started = async () => (await Promise.all(locks.map(exists))).every(Boolean);
  while (!(await started()) && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 2000)); // training has started
  const send = (s: NodeJS.Signals) => (group ? process.kill(-child.pid!, s) : child.kill(s));
  send(signal);
  const killer = setTimeout(() => send('SIGKILL'), 60_000);
  const code = await exited;
  clearTimeout(killer);
  return { code, stderr };
}
