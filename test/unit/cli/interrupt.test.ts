/**
 * Ctrl-C (SIGINT) and SIGTERM on a command that writes a run folder (src/cli/interrupt.ts, through the run
 * writer that `lab imp`, `lab gd` and `lab transfer` share): the run stops at the next generation with
 * exit code 130 / 143 and one line saying how far it got, the folder's lock is gone, its finished rounds
 * are untouched, and the same command continues from them. Before, the process died on the signal with
 * no message and left `.lab-lock` behind.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotDir, tinyImpArgs } from '../../helpers/cli';
import { parseArgv } from '../../../src/cli/args';
import { configFromFlags } from '../../../src/cli/config-from-flags';
import { impRunStatus } from '../../../src/cli/run-state';
import { RunWriter } from '../../../src/cli/run-writer';
import { InterruptedError, watchInterrupts } from '../../../src/cli/interrupt';

// Long rounds (a few seconds each), so that the signal lands inside one.
const GENS = 600;
let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-interrupt-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const dataRows = async (dir: string): Promise<number> =>
  (await readFile(join(dir, 'rounds.csv'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length - 1;
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** Starts `lab …args` as its own process and sends `signal` once `ready(stderr so far)` holds. */
async function signalMidRun(
  args: string[],
  signal: NodeJS.Signals,
  ready: (stderr: string) => Promise<boolean>,
): Promise<{ code: number | null; stderr: string }> {
  // node itself with tsx's loader, so the signal reaches the CLI's process (not a wrapper's).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  while (child.exitCode === null && !(await ready(stderr))) await new Promise((r) => setTimeout(r, 5));
  child.kill(signal);
  // A process that ignored the signal would hang the test: it is killed, and `code` is then null.
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await exited;
  clearTimeout(killer);
  return { code, stderr };
}

describe('Ctrl-C and SIGTERM on lab imp', () => {
  it('stop at the next generation, say how far the run got, release the lock; the same command continues', async () => {
    const dir = join(root, 'run');
    const args = tinyImpArgs(dir, GENS);
    // SIGINT once round 1 (shared by both chains: 2 rows) is recorded, inside round 2.
    const first = await signalMidRun(args, 'SIGINT', async () => (await dataRows(dir)) >= 2);
    expect(first.code, first.stderr).toBe(130);
    const done = await dataRows(dir);
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(6);
    expect(first.stderr).toContain(`interrupted after ${done} of 6 rounds; run the same command again to continue`);
    expect(await exists(join(dir, '.lab-lock'))).toBe(false);
    const status = await impRunStatus(dir, configFromFlags(parseArgv(args).flags));
    expect(status.state === 'partial' && status.done).toBe(done);
    const before = await snapshotDir(dir);

    // The same command continues from there; SIGTERM (Slurm's time limit) stops it the same way.
    const second = await signalMidRun(args, 'SIGTERM', async (err) =>
      err.includes(`continuing: ${done} of 6 rounds were already finished`),
    );
    expect(second.code, second.stderr).toBe(143);
    expect(second.stderr).toMatch(/interrupted after \d of 6 rounds; run the same command again to continue/);
    expect(await exists(join(dir, '.lab-lock'))).toBe(false);
    const after = await snapshotDir(dir);
    // The rounds finished before the first signal are untouched, byte for byte.
    for (const [f, bytes] of Object.entries(before))
      if (/^(masks|params|theta0)\//.test(f)) expect(after[f], f).toBe(bytes);
    expect(Object.keys(after).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 180_000);
});

/**
 * Delivers `signal` to the handlers installed since `before` was taken, as the process would: only those,
 * since the test runner may have handlers of its own.
 */
function deliver(signal: NodeJS.Signals, before: readonly unknown[]): void {
  for (const f of process.listeners(signal)) if (!before.includes(f)) (f as (s: NodeJS.Signals) => void)(signal);
}

describe('the run writer on a signal (what gd and transfer share with imp)', () => {
  const identity = { runId: 'x', backend: 'wasm', expected: [{ seed: 0, method: 'snr', roundNum: 1 }] };
  const fresh = { config: {}, meta: { runId: 'x' } };

  it('its gate throws InterruptedError (143 for SIGTERM) naming the count; close releases the lock', async () => {
    const dir = join(root, 'writer');
    const listeners = process.listeners('SIGTERM');
    const writer = await RunWriter.open(dir, identity, fresh, 0, 'trainings');
    expect(process.listenerCount('SIGTERM')).toBe(listeners.length + 1);
    await writer.gate(); // no signal yet: training goes on
    deliver('SIGTERM', listeners);
    const err = await writer.gate().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).exitCode).toBe(143);
    expect((err as Error).message).toBe('interrupted after 0 of 1 trainings; run the same command again to continue');
    expect(await exists(join(dir, '.lab-lock'))).toBe(true);
    await writer.close();
    expect(await exists(join(dir, '.lab-lock'))).toBe(false);
    // Outside a run the signal has its usual effect again.
    expect(process.listeners('SIGTERM')).toEqual(listeners);
  });

  it('a second signal before the safe point removes the lock and exits at once with 130', async () => {
    const dir = join(root, 'writer2');
    const listeners = process.listeners('SIGINT');
    const writer = await RunWriter.open(dir, identity, fresh);
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exit');
    }) as never);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      deliver('SIGINT', listeners);
      expect(await exists(join(dir, '.lab-lock'))).toBe(true);
      expect(() => deliver('SIGINT', listeners)).toThrow('exit');
      expect(exit).toHaveBeenCalledWith(130);
      expect(String(err.mock.calls.at(-1)?.[0])).toContain('interrupted again: stopped at once after 0 of 1 rounds');
      expect(await exists(join(dir, '.lab-lock'))).toBe(false);
    } finally {
      exit.mockRestore();
      err.mockRestore();
      await writer.close();
    }
  });

  it('a watch opened after the signal (a sweep run whose data was loading) stops at its first gate', async () => {
    const dir = join(root, 'writer3');
    const listeners = process.listeners('SIGTERM');
    const sweep = watchInterrupts(
      () => null,
      () => '0 of 2 runs',
    );
    try {
      deliver('SIGTERM', listeners);
      const writer = await RunWriter.open(dir, identity, fresh);
      const err = await writer.gate().catch((e: unknown) => e);
      await writer.close();
      expect((err as Error).message).toBe('interrupted after 0 of 1 rounds; run the same command again to continue');
      expect((err as InterruptedError).exitCode).toBe(143);
      await expect(sweep.checkpoint()).rejects.toThrow('interrupted after 0 of 2 runs');
    } finally {
      sweep.stop();
    }
    expect(process.listeners('SIGTERM')).toEqual(listeners);
  });

  it("a second signal removes the lock a sweep's watch holds now", async () => {
    const lock = join(root, 'held.lock');
    await writeFile(lock, '{}');
    let held: string | null = null;
    const listeners = process.listeners('SIGINT');
    const sweep = watchInterrupts(
      () => held,
      () => '1 of 2 runs',
    );
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exit');
    }) as never);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      held = lock;
      deliver('SIGINT', listeners);
      expect(() => deliver('SIGINT', listeners)).toThrow('exit');
      expect(String(err.mock.calls.at(-1)?.[0])).toContain('interrupted again: stopped at once after 1 of 2 runs');
      expect(await exists(lock)).toBe(false);
    } finally {
      exit.mockRestore();
      err.mockRestore();
      sweep.stop();
    }
  });
});
