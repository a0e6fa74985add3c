/**
 * The temporary file a lock is made from (src/cli/fs-safe.ts createLock: `.lab-lock.tmp-<pid>-<n>`, and
 * a takeover claim's `.lab-lock.takeover-<hash>.tmp-<pid>-<n>`) used to stay for good when its process
 * was killed between writing it and removing it. It is removed when the folder is next locked, once its
 * process is known to be dead; one of a live process, of this process, or from another machine is left,
 * and so is one that does not parse while it is seconds old (its process may be writing it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockFolder } from '../../../src/cli/fs-safe';

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

/** A lock text as createLock writes it. */
const lockText = (pid: number, host = hostname()) => JSON.stringify({ pid, host, token: `t-${pid}` });

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-lock-tmp-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a lock's temporary files left by a killed process", () => {
  it('are removed when the folder is next locked; those that may still be in use stay', async () => {
    const dir = join(root, 'leftovers');
    await mkdir(dir);
    const dead = deadPid();
    const gone = [
      [`.lab-lock.tmp-${dead}-0`, lockText(dead)],
      [`.lab-lock.takeover-0123456789abcdef.tmp-${dead}-1`, lockText(dead)],
      [`.lab-lock.tmp-${dead}-2`, ''], // killed before it was written, a minute ago
    ] as const;
    const kept = [
      [`.lab-lock.tmp-${process.ppid}-0`, lockText(process.ppid)], // a live process's (this one's parent)
      [`.lab-lock.tmp-${dead}-3`, lockText(dead, `not-${hostname()}`)], // another machine's
      [`.lab-lock.tmp-${process.pid}-999`, lockText(process.pid)], // this process's own
      [`.lab-lock.tmp-${dead}-4`, ''], // does not parse, but seconds old: maybe being written
    ] as const;
    for (const [name, text] of [...gone, ...kept]) await writeFile(join(dir, name), text);
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(join(dir, gone[2][0]), minuteAgo, minuteAgo);

    const release = await lockFolder(dir);
    expect((await readdir(dir)).sort()).toEqual(['.lab-lock', ...kept.map(([name]) => name)].sort());
    await release();
  });
});
