/**
 * The run folder's lock (src/cli/fs-safe.ts lockFolder) is never seen half made. It used to be created
 * empty and written after: a second process reading it in between found no pid, took it for a lock cut
 * short by a crash, deleted it and took the folder too — two processes writing one run folder. Here every
 * file-system call of lockFolder is followed by a look at the lock, as another process could take at
 * that moment: it is absent or holds its owner. A lock that does not parse (written by a filesystem
 * without hard links, where it is made in two steps) counts as held while it is seconds old.
 *
 * A dead process's lock is taken over by one process only, however many find it at once: the takeover
 * of one stale lock used to be "delete it, then make mine", so a second process that had read the same
 * stale lock deleted the first one's new lock and made its own. The tests stop this process's lockFolder
 * after a chosen file-system call and let a real second process (otherProcess) take the lock right then.
 * A takeover claim that a killed process left after removing the dead lock used to stay for good; it is
 * removed (taken over) when the lock is next taken, unless a live or unknown process may still hold it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { FolderLockedError, isLockFile, lockFolder } from '../../../src/cli/fs-safe';
import { folderEntries } from '../../../src/cli/run-state';
import { hash64 } from '../../../src/core/runs/hash';

/** What a lock file holds, parsed. */
const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, '.lab-lock'), 'utf8')) as { pid: number };

/** A lock file's text as a lab process that has since died left it. */
function deadLock(): string {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  return JSON.stringify({ pid: Number(dead), host: hostname() });
}

/**
 * Another lab process that takes `dir`'s lock with lockFolder and holds it until `release` is called;
 * resolves once it holds the lock ("locked") or was refused ("refused: <message>").
 */
async function otherProcess(dir: string): Promise<{ pid: number; outcome: string; release(): Promise<void> }> {
  const code = `const { lockFolder } = await import(process.argv[1]);
    try {
      const release = await lockFolder(process.argv[2]);
      process.stdout.write('locked\\n');
      process.stdin.on('data', () => undefined).on('end', () => release().then(() => process.exit(0)));
    } catch (e) {
      process.stdout.write('refused: ' + e.message + '\\n');
      process.exit(3);
    }`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code, resolve('src/cli/fs-safe.ts'), dir],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const outcome = await new Promise<string>((res) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) res(out.trim());
    });
    child.on('exit', () => res(out.trim()));
  });
  return {
    pid: child.pid!,
    outcome,
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

/** Calls `then` once, after the first file-system call of this process that `when` picks. */
function pauseAfter(when: (name: string, args: unknown[]) => boolean, then: () => Promise<void>): void {
  seen.after = async (name, args) => {
    if (!when(name, args)) return;
    seen.after = null;
    await then();
  };
}

/** What another process would read at the lock's path after each file-system call (`watched`). */
const seen = vi.hoisted(() => ({
  watched: null as string | null,
  texts: [] as (string | null)[],
  noLinks: false,
  /** Called after every file-system call with its name and arguments (a pause point for a test). */
  after: null as ((name: string, args: unknown[]) => Promise<void> | void) | null,
}));

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
              await seen.after?.(name, args);
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
    const mine = readFileSync(seen.watched, 'utf8');
    expect(JSON.parse(mine)).toMatchObject({ pid: process.pid, host: hostname() });
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
      expect(lockOf(dir)).toMatchObject({ pid: process.pid, host: hostname() });
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

  it('a dead process’s lock found by two processes at once is taken over by one of them only', async () => {
    const dir = join(root, 'race');
    await mkdir(dir);
    await writeFile(join(dir, '.lab-lock'), deadLock());
    let other: Awaited<ReturnType<typeof otherProcess>> | null = null;
    // This process has read the dead lock and judged it stale; the other takes the folder right then.
    pauseAfter(
      (name, args) => name === 'readFile' && args[0] === join(dir, '.lab-lock'),
      async () => {
        other = await otherProcess(dir);
      },
    );
    try {
      const mine = lockFolder(dir);
      await expect(mine).rejects.toBeInstanceOf(FolderLockedError);
      const holder = other!;
      expect(holder.outcome).toBe('locked');
      await expect(mine).rejects.toThrow(`${dir} is being written by another lab process (pid ${holder.pid})`);
      expect(lockOf(dir).pid).toBe(holder.pid); // its lock is still there
      await holder.release();
    } finally {
      seen.after = null;
    }
    expect(await readdir(dir)).toEqual([]);
  }, 30_000);

  it('while one process takes over a dead lock, another is refused', async () => {
    const dir = join(root, 'claimed');
    await mkdir(dir);
    await writeFile(join(dir, '.lab-lock'), deadLock());
    let outcome = '';
    // This process holds the takeover's claim and has not removed the dead lock yet.
    pauseAfter(
      (name, args) => name === 'link' && basename(String(args[1])).startsWith('.lab-lock.takeover-'),
      async () => {
        const other = await otherProcess(dir);
        outcome = other.outcome;
        await other.release();
      },
    );
    try {
      const release = await lockFolder(dir);
      expect(outcome).toBe(
        `refused: ${dir} is being written by another lab process (pid ${process.pid}); wait for it to finish`,
      );
      expect(lockOf(dir).pid).toBe(process.pid);
      await release();
    } finally {
      seen.after = null;
    }
    expect(await readdir(dir)).toEqual([]);
  }, 30_000);

  it('a takeover left half done by a killed process is taken over in turn', async () => {
    const dir = join(root, 'dead-claim');
    await mkdir(dir);
    const stale = deadLock();
    await writeFile(join(dir, '.lab-lock'), stale);
    // The claim a process killed during its takeover of that lock left (named after the lock's text).
    const claim = `.lab-lock.takeover-${hash64(`.lab-lock\n${stale}`)}`;
    await writeFile(join(dir, claim), deadLock());
    expect(await folderEntries(dir)).toEqual([]);
    const release = await lockFolder(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    expect(await readdir(dir)).toEqual(['.lab-lock']); // the dead claim went with it
    await release();
  });
  it('a claim left after its takeover removed the lock is removed when the lock is next taken, unless held', async () => {
    const dir = join(root, 'orphan-claims');
    await mkdir(dir);
    // A process killed between removing the dead lock and removing its claim: the lock is gone, the claim
    // (named after that lock's text) stays, and nothing would ever take it over.
    const orphan = `.lab-lock.takeover-${hash64(`.lab-lock\n${deadLock()}`)}`;
    await writeFile(join(dir, orphan), deadLock());
    // Claims that are not known dead: a live process's (this one's parent), and one written on another machine.
    const live = '.lab-lock.takeover-00000000000000aa';
    await writeFile(join(dir, live), JSON.stringify({ pid: process.ppid, host: hostname() }));
    const elsewhere = '.lab-lock.takeover-00000000000000bb';
    await writeFile(join(dir, elsewhere), JSON.stringify({ pid: 1, host: `not-${hostname()}` }));
    const release = await lockFolder(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    expect((await readdir(dir)).sort()).toEqual(['.lab-lock', live, elsewhere].sort());
    await release();
  });

  it("a lock's temporaries and takeover claims are lock files, never leftovers to delete", () => {
    // run-writer's cleanup of a continued run deleted another process's lock in the making (ENOENT there)
    expect(isLockFile(`.lab-lock.tmp-${process.pid}-3`)).toBe(true);
    expect(isLockFile(`.lab-lock.takeover-0123456789abcdef.tmp-${process.pid}-0`)).toBe(true);
    expect(isLockFile(`.rounds.csv.tmp-${process.pid}-1`)).toBe(false);
  });
});
