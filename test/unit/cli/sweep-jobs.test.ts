/**
 * `lab sweep run --jobs N` and the CPU: each run's evaluation threads are `--workers W` (lab imp's flag,
 * passed on to the run processes) or by default lab imp's default (cores − 1) shared out between the N
 * processes; and stdout carries one summary line, the parent's (the run processes print none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';
import { writeTinySweep } from '../../helpers/tiny-sweep';
import { workersPerRun } from '../../../src/cli/sweep/run-children';

let tmp = '',
  file = '';

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'lab-sweep-jobs-'));
  file = await writeTinySweep(tmp);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** `lab …args` as its own process (node with tsx's loader, as the run processes it starts are). */
function labProcess(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on('close', (code) => res({ code, stdout, stderr })));
}

describe('sweep run --jobs and --workers', () => {
  it('the default shares cores − 1 threads out between the runs at once, at least one each', () => {
    expect(workersPerRun(15, 1)).toBe(15); // no --jobs: lab imp's default
    expect(workersPerRun(15, 2)).toBe(7);
    expect(workersPerRun(15, 8)).toBe(1);
    expect(workersPerRun(15, 16)).toBe(1);
    expect(workersPerRun(1, 4)).toBe(1);
  });

  it('--workers reaches every run process, and stdout has the one summary line of the parent', async () => {
    const dir = join(tmp, 'jobs');
    const r = await labProcess(['sweep', 'run', file, '--out', dir, '--jobs', '2', '--workers', '2', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `sweep tiny-cartpole: 4 runs: 4 run in up to 2 processes (2 evaluation threads each), 0 already complete → ${dir}\n`,
    );
    expect(r.stderr.match(/, 2 evaluation threads → /g)).toHaveLength(4); // each run's own header line
  }, 120_000);

  it('--workers in one process too, checked as lab imp checks it', async () => {
    const dir = join(tmp, 'one');
    const r = await runCli(['sweep', 'run', file, '--out', dir, '--index', '0', '--workers', '2', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/, 2 evaluation threads → /);
    const bad = await runCli(['sweep', 'run', file, '--out', dir, '--workers', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--workers must be an integer in \[1, 256\] \(got "0"\)/);
  });
});
