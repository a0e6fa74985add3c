/**
 * Crash-safe file writing for the CLI (docs/RELIABILITY.md): every file is written under a temporary
 * name in the same folder, flushed to disk and then renamed over the target. A rename within one folder
 * replaces the old file in one step, so a process killed mid-write leaves either the old file or the new
 * one, never half of either. A lock file keeps two processes from writing the same run folder at once; it
 * appears with its contents in one step, so no process can read it half made.
 */
import { link, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
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
 * Hard links unsupported (FAT and some network or FUSE filesystems): the lock is then created and written
 * in two steps (createLock).
 */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * How long a lock file that does not parse counts as one being written (held) rather than one a crash cut
 * short (stale). Only a filesystem without hard links, or a process killed while it wrote, leaves one.
 */
const LOCK_WRITE_MS = 10_000;

/**
 * Creates the lock file `path` holding `text`, or returns false when it exists. The text is written to a
 * file of this process's own and hard-linked to the lock's name: the name appears with its contents in
 * one step (link fails on an existing name, as open 'wx' does). Created empty and written after, a lock
 * read in between would look cut short by a crash, and the reader would take it over from a live holder.
 */
async function createLock(path: string, text: string): Promise<boolean> {
  const tmp = `${path}.tmp-${process.pid}-${tmpCounter++}`; // removed with a killed run's leftovers
  await writeFile(tmp, text, { flag: 'wx' });
  try {
    await link(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  try {
    const fh = await open(path, 'wx');
    await fh.writeFile(text);
    await fh.close();
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Whether a folder entry is the lock or a lock being created (createLock): not part of the folder's contents. */
export function isLockFile(name: string): boolean {
  return name === LOCK_FILE || name.startsWith(`${LOCK_FILE}.tmp-`);
}

/**
 * Takes the lock of a folder for this process; returns the release function. A lock left by a process
 * that no longer runs on this machine (killed, crashed) is taken over; one held by a live process, or
 * written on another machine (a shared disk: its process cannot be checked from here), is refused, and
 * so is one that does not parse but was written in the last seconds (another process is writing it).
 */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await createLock(path, mine))
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    let held: { pid?: unknown; host?: unknown } = {};
    try {
      held = JSON.parse(await readFile(path, 'utf8')) as typeof held;
    } catch {
      const written = await stat(path).then(
        (s) => s.mtimeMs,
        () => 0, // gone meanwhile: released
      );
      if (Date.now() - written < LOCK_WRITE_MS)
        throw new FolderLockedError(
          `${dir} is being locked by another process just now (lock file ${path}); wait for it to finish`,
        );
      // unreadable and older: a lock file cut short by a crash while it was written; treat as stale
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
