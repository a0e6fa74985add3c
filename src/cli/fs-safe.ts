/**
 * Crash-safe file writing for the CLI (docs/RELIABILITY.md): every file is written under a temporary
 * name in the same folder, flushed to disk and then renamed over the target. A rename within one folder
 * replaces the old file in one step, so a process killed mid-write leaves either the old file or the new
 * one, never half of either. A lock file keeps two processes from writing the same run folder at once.
 */
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';

let tmpCounter = 0;

/** Writes `data` to `path` through a temporary file and a rename (creates the parent folder). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${tmpCounter++}`);
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** The bytes of a typed array, as written to .f32 / .bin files (little-endian, as the machine stores them). */
export function bytesOf(a: Float32Array | Uint8Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export const LOCK_FILE = '.lab-lock';

/** Thrown when another live process holds a folder's lock. */
export class FolderLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FolderLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of a folder for this process; returns the release function. A lock left by a process
 * that no longer runs on this machine (killed, crashed) is taken over; one held by a live process, or
 * written on another machine (a shared disk: its process cannot be checked from here), is refused.
 */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(mine);
      await fh.close();
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let held: { pid?: unknown; host?: unknown } = {};
    try {
      held = JSON.parse(await readFile(path, 'utf8')) as typeof held;
    } catch {
      // unreadable: a lock file cut short by a crash while it was written; treat as stale
    }
    const pid = typeof held.pid === 'number' ? held.pid : undefined;
    if (held.host !== undefined && held.host !== hostname())
      throw new FolderLockedError(
        `${dir} is being written by a process on ${String(held.host)} (lock file ${path}); if none runs there any more, delete that file`,
      );
    if (pid !== undefined && pid !== process.pid && alive(pid))
      throw new FolderLockedError(`${dir} is being written by another lab process (pid ${pid}); wait for it to finish`);
    await unlink(path).catch(() => undefined); // stale: its process is gone
  }
  throw new FolderLockedError(`cannot take the lock ${path}`);
}
