/**
 * Fault test (docs/RELIABILITY.md): a real `lab imp` process is killed with SIGKILL in the middle of a
 * run, then the same command is run again. The rounds that had finished are still there, byte for byte;
 * the rerun continues from the last of them; and the finished folder equals an uninterrupted run's
 * (masks, means, σ, θ0 bit-exact; the CSVs equal apart from their timing columns).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, snapshotDir, tinyImpArgs, withoutTimings } from '../../helpers/cli';

const GENS = 24;
let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-kill-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const dataRows = async (dir: string): Promise<number> =>
  (await readFile(join(dir, 'rounds.csv'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length - 1;

/** Starts `lab imp` as its own process and SIGKILLs it once `killAt` rounds are recorded. */
async function killMidRun(args: string[], dir: string, killAt: number): Promise<number> {
  // node itself with tsx's loader: killing the `tsx` wrapper command would leave its node child running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: 'ignore' });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  let seen = 0;
  for (;;) {
    seen = await dataRows(dir);
    if (seen >= killAt || child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  await exited;
  return seen;
}

describe('SIGKILL during lab imp, then the same command again', () => {
  it('keeps the finished rounds, continues from the last one and ends equal to an uninterrupted run', async () => {
    const reference = join(root, 'reference');
    expect((await runCli(tinyImpArgs(reference, GENS))).code).toBe(0);

    const dir = join(root, 'killed');
    const args = tinyImpArgs(dir, GENS);
    const seen = await killMidRun(args, dir, 3);
    expect(seen, 'the process was killed before it finished').toBeLessThan(6);
    const finished = await dataRows(dir);
    expect(finished).toBeGreaterThanOrEqual(3);
    const before = await snapshotDir(dir);

    const rerun = await runCli(args);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`continuing: ${finished} of 6 rounds were already finished`);

    const after = await snapshotDir(dir);
    const ref = await snapshotDir(reference);
    // Files of the rounds finished before the kill are untouched.
    for (const [f, bytes] of Object.entries(before))
      if (/^(masks|params|theta0)\//.test(f)) expect(after[f], f).toBe(bytes);
    const binaries = (s: Record<string, string>) =>
      Object.entries(s).filter(([f]) => /^(masks|params|theta0)\//.test(f));
    expect(binaries(after)).toEqual(binaries(ref));
    for (const csv of ['rounds.csv', 'generations.csv'])
      expect(withoutTimings(await readFile(join(dir, csv), 'utf8')), csv).toBe(
        withoutTimings(await readFile(join(reference, csv), 'utf8')),
      );
    expect(Object.keys(after).filter((f) => f.includes('.tmp-') || f.endsWith('.lab-lock'))).toEqual([]);
  });
});
