/**
 * The run folder's lock (src/cli/fs-safe.ts lockFolder) is never seen half made. It used to be created
 * empty and written after: a second process reading it in between found no pid, took it for a lock cut
 * short by a crash, deleted it and took the folder too — two processes writing one run folder. Here every
 * file-system call of lockFolder is followed by a look at the lock, as another process could take at
 * that moment: it is absent or holds its owner. A lock that does not parse (written by a filesystem
 * without hard links, where it is made in two steps) counts as held while it is seconds old.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderLockedError, isLockFile, lockFolder } from '../../../src/cli/fs-safe';
import { folderEntries } from '../../../src/cli/run-state';

/** What another process would read at the lock's path after each file-system call (`watched`). */
const seen = vi.hoisted(() => ({ watched: null as string | null, texts: [] as (string | null)[], noLinks: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const look = () => {
    if (!seen.watched) return;
    try {
      seen.texts.push(readFileSync(seen.watched, 'utf8'));
    } catch {
      seen.texts.push(null); // absent
    }
  };
  const wrapped = Object.fromEntries(
    Object.entries(real).map(([name, f]) =>
      typeof f === 'function' && name !== 'default'
        ? [
            name,
            async (...args: unknown[]) => {
              if (name === 'link' && seen.noLinks)
                throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
              const out: unknown = await (f as (...a: unknown[]) => unknown)(...args);
              look();
              return out;
            },
          ]
        : [name, f],
    ),
  );
  return { ...wrapped, default: wrapped };
});

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-lock-'));
});
afterAll(async () => {
  seen.watched = null;
  await rm(root, { recursive: true, force: true });
});

describe('the folder lock', () => {
  it('appears with its owner in one step: never empty, never half written', async () => {
    const dir = join(root, 'atomic');
    seen.watched = join(dir, '.lab-lock');
    const release = await lockFolder(dir);
    const mine = JSON.stringify({ pid: process.pid, host: hostname() });
    expect(seen.texts.length).toBeGreaterThan(1);
    expect(seen.texts.filter((t) => t !== null && t !== mine)).toEqual([]);
    expect(seen.texts).toContain(mine);
    await release();
    seen.watched = null;
    expect(await readdir(dir)).toEqual([]); // its temporary file is gone too
  });

  it('a lock that does not parse is held while it is young, and stale once old', async () => {
    const dir = join(root, 'young');
    await mkdir(dir);
    await writeFile(join(dir, '.lab-lock'), '');
    const refused = lockFolder(dir);
    await expect(refused).rejects.toBeInstanceOf(FolderLockedError);
    await expect(refused).rejects.toThrow(`${dir} is being locked by another process just now`);
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(join(dir, '.lab-lock'), minuteAgo, minuteAgo);
    const release = await lockFolder(dir);
    await release();
  });

  it('on a filesystem without hard links it is still taken, and released', async () => {
    const dir = join(root, 'no-links');
    seen.noLinks = true;
    try {
      const release = await lockFolder(dir);
      expect(JSON.parse(readFileSync(join(dir, '.lab-lock'), 'utf8'))).toEqual({ pid: process.pid, host: hostname() });
      await expect(lockFolder(dir)).resolves.toBeTypeOf('function'); // its own process's lock: taken over
      await release();
    } finally {
      seen.noLinks = false;
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('a lock being created is not part of the folder’s contents', async () => {
    const dir = join(root, 'entries');
    await mkdir(dir);
    await writeFile(join(dir, `.lab-lock.tmp-${process.pid}-7`), '{}');
    expect(isLockFile(`.lab-lock.tmp-${process.pid}-7`)).toBe(true);
    expect(await folderEntries(dir)).toEqual([]);
  });
});
