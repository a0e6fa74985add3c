/**
 * Run folders are never overwritten (docs/RELIABILITY.md): `imp` / `gd` / `transfer` on an existing
 * folder continue the same run, do nothing for a finished one, and refuse anything else untouched.
 * Resuming after an interruption gives the uninterrupted run's files (timings aside). The process-kill
 * version of this lives in fault-kill.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, snapshotDir, tinyImpArgs, withoutTimings } from '../../helpers/cli';
import { lockFolder, FolderLockedError, writeFileAtomic } from '../../../src/cli/fs-safe';
import { impRunStatus } from '../../../src/cli/run-state';
import { configFromFlags } from '../../../src/cli/config-from-flags';
import { parseArgv } from '../../../src/cli/args';

let root = '';
let reference = '';
let refFiles: Record<string, string> = {};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-safety-'));
  reference = join(root, 'reference');
  const r = await runCli(tinyImpArgs(reference));
  expect(r.code, r.stderr).toBe(0);
  refFiles = await snapshotDir(reference);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const configOf = (argv: string[]) => configFromFlags(parseArgv(argv).flags);

describe('imp on an existing folder', () => {
  it('refuses a folder of another run, names it and says how to choose another; changes nothing', async () => {
    const dir = join(root, 'other');
    await cp(reference, dir, { recursive: true });
    const before = await snapshotDir(dir);
    const r = await runCli([...tinyImpArgs(dir, 5)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(dir);
    expect(r.stderr).toContain('holds a different run');
    expect(r.stderr).toContain('--out DIR');
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('refuses a folder with files that is not a run folder, and one computed on another backend', async () => {
    const dir = join(root, 'notes');
    await mkdir(dir);
    await writeFile(join(dir, 'thesis.tex'), 'precious');
    const r = await runCli(tinyImpArgs(dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds files and is not a run folder.*--out DIR/);
    expect(await snapshotDir(dir)).toEqual({ 'thesis.tex': Buffer.from('precious').toString('base64') });

    const cpu = await runCli([...tinyImpArgs(reference), '--backend', 'cpu']);
    expect(cpu.code).toBe(2);
    expect(cpu.stderr).toContain('--backend wasm');
    expect(await snapshotDir(reference)).toEqual(refFiles);
  });

  it('does nothing on a finished run of the same config (the default runs-out/<id> case)', async () => {
    const r = await runCli(tinyImpArgs(reference));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('already holds this finished run (6 rounds)');
    expect(r.stdout).toMatch(/round\s+remaining %\s+magnitude\s+random_reinit/);
    expect(await snapshotDir(reference)).toEqual(refFiles);
    const status = await impRunStatus(reference, configOf(tinyImpArgs(reference)));
    expect(status.state).toBe('complete');
  });

  it('continues after the last finished round to the uninterrupted result (rows of a cut round dropped)', async () => {
    const dir = join(root, 'cut');
    await cp(reference, dir, { recursive: true });
    // As left by a process killed while round 2 of random_reinit was being recorded: its files are there,
    // its row is half-written, round 3 never started; plus a temporary file of an unfinished write.
    const rounds = (await readFile(join(dir, 'rounds.csv'), 'utf8')).split('\n');
    await writeFile(join(dir, 'rounds.csv'), rounds.slice(0, 4).join('\n') + '\n' + rounds[4].slice(0, 9));
    for (const f of ['masks/0-magnitude-r3.mask.bin', 'params/0-magnitude-r3.mean.f32']) await rm(join(dir, f));
    await writeFile(join(dir, 'params', '.0-magnitude-r3.std.f32.tmp-99999-0'), 'half');
    const status = await impRunStatus(dir, configOf(tinyImpArgs(dir)));
    expect(status.state === 'partial' && status.done).toBe(3);

    const r = await runCli(tinyImpArgs(dir));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('continuing: 3 of 6 rounds were already finished');
    const after = await snapshotDir(dir);
    const same = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([k]) => !k.endsWith('.csv') && k !== 'config.json'));
    expect(same(after)).toEqual(same(refFiles));
    for (const csv of ['rounds.csv', 'generations.csv'])
      expect(withoutTimings(await readFile(join(dir, csv), 'utf8'))).toBe(
        withoutTimings(await readFile(join(reference, csv), 'utf8')),
      );
  });
});

describe('gd and transfer on existing folders', () => {
  it('gd refuses a folder of another run before loading anything', async () => {
    const dir = join(root, 'gd-other');
    await cp(reference, dir, { recursive: true });
    const before = await snapshotDir(dir);
    const r = await runCli(['gd', '--preset', 'mnist-quick', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds a different run');
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('transfer checks every flag before creating its folder', async () => {
    const dir = join(root, 'transfer-bad');
    const r = await runCli(['transfer', '--from', reference, '--rounds', '2', '--report-every', '0', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--report-every');
    expect(await snapshotDir(dir)).toEqual({});
  });
});

describe('crash-safe writes and the folder lock', () => {
  it('writeFileAtomic replaces a file whole and leaves no temporary file', async () => {
    const dir = join(root, 'atomic');
    await writeFileAtomic(join(dir, 'a.txt'), 'old');
    await writeFileAtomic(join(dir, 'a.txt'), 'new');
    expect(await readdir(dir)).toEqual(['a.txt']);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('new');
  });

  it('refuses a folder locked by a live process and takes over the lock of a dead one', async () => {
    const dir = join(root, 'locked');
    await mkdir(dir);
    await writeFile(
      join(dir, '.lab-lock'),
      JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname() }),
    );
    await expect(lockFolder(dir)).rejects.toBeInstanceOf(FolderLockedError);
    const r = await runCli(tinyImpArgs(dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('another lab process');

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    await writeFile(
      join(dir, '.lab-lock'),
      JSON.stringify({ pid: Number(dead), host: (await import('node:os')).hostname() }),
    );
    const release = await lockFolder(dir);
    await release();
    expect(await readdir(dir)).toEqual([]);
  });
});
