/**
 * Crash-safe file writing for the CLI (docs/RELIABILITY.md): every file is written under a temporary
 * name in the same folder, flushed to disk and then renamed over the target. A rename within one folder
 * replaces the old file in one step, so a process killed mid-write leaves either the old file or the new
 * one, never half of either. A lock file keeps two processes from writing the same run folder at once; it
 * appears with its contents in one step, so no process can read it half made, and the lock of a process
 * that died is taken over by one process only, however many find it at the same moment.
 */
import { link, mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { hash64 } from '../core/runs/hash';

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
  const tmp = `${path}.tmp-${process.pid}-${tmpCounter++}`; // a dead process's: removeDeadTemporaries
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

/**
 * Whether a folder entry is the lock, a lock being created (createLock) or a takeover's claim
 * (takeOverStale): not part of the folder's contents.
 */
export function isLockFile(name: string): boolean {
  return name === LOCK_FILE || name.startsWith(`${LOCK_FILE}.tmp-`) || name.startsWith(`${LOCK_FILE}.takeover-`);
}

/**
 * A new lock's text: its process, its machine, and a token no other lock ever has, so that a lock read
 * twice with the same text is the same lock (takeOverStale relies on it).
 */
function newLockText(): string {
  return JSON.stringify({ pid: process.pid, host: hostname(), token: randomUUID() });
}

/** What a lock's text says of its holder, or null when it does not parse (a lock cut short, or being written). */
function lockHolder(text: string): { pid?: unknown; host?: unknown } | null {
  try {
    const held = JSON.parse(text) as unknown;
    return held && typeof held === 'object' ? held : null;
  } catch {
    return null;
  }
}

/**
 * Returns when the lock `path`, read as `text`, is stale: its process no longer runs on this machine (or is
 * this process), or it does not parse and is older than LOCK_WRITE_MS (a crash cut it short). Otherwise
 * throws FolderLockedError saying who holds `dir`.
 */
async function checkStale(dir: string, path: string, text: string): Promise<void> {
  const held = lockHolder(text);
  if (!held) {
    const written = await stat(path).then(
      (s) => s.mtimeMs,
      () => 0, // gone meanwhile: released
    );
    if (Date.now() - written < LOCK_WRITE_MS)
      throw new FolderLockedError(
        `${dir} is being locked by another process just now (lock file ${path}); wait for it to finish`,
      );
    return; // unreadable and older: a lock file cut short by a crash while it was written
  }
  const pid = typeof held.pid === 'number' ? held.pid : undefined;
  if (held.host !== undefined && held.host !== hostname())
    throw new FolderLockedError(
      `${dir} is being written by a process on ${String(held.host)} (lock file ${path}); if none runs there any more, delete that file`,
    );
  if (pid !== undefined && pid !== process.pid && alive(pid))
    throw new FolderLockedError(`${dir} is being written by another lab process (pid ${pid}); wait for it to finish`);
}

/**
 * Removes the stale lock `path` that was read as `text`, unless it has been replaced since. Two processes
 * that found the same stale lock must not both remove "it": the second would remove the lock the first
 * made after its removal. So the removal is reserved by a claim, a lock file of its own named after the
 * stale lock's text (`.lab-lock.takeover-<hash>`), which only one process holds at a time. Its holder reads
 * the lock again and removes it only when it still holds `text`: no other process can remove or replace a
 * lock holding that text meanwhile (its process is gone, a takeover of it needs this claim, and a new lock
 * cannot be made over it), and no new lock ever has that text again (newLockText's token). A claim held by
 * a live process refuses this one; a claim left by a process killed mid-takeover is itself stale and is
 * taken over the same way (a claim of the claim).
 */
async function takeOverStale(dir: string, path: string, text: string): Promise<void> {
  const claim = join(dir, `${LOCK_FILE}.takeover-${hash64(`${basename(path)}\n${text}`)}`);
  await takeLock(dir, claim);
  try {
    const now = await readFile(path, 'utf8').catch(() => null);
    if (now !== text) return; // released, or taken over by the claim's previous holder: look again
    await checkStale(dir, path, now); // a young lock that does not parse may be one being written
    await unlink(path).catch(() => undefined);
  } finally {
    await unlink(claim).catch(() => undefined);
  }
}

/** Whether lock or claim text `text` names this process (same host and pid). */
function ownedByThisProcess(text: string): boolean {
  try {
    const held = JSON.parse(text) as { pid?: unknown; host?: unknown };
    return held.pid === process.pid && (held.host === undefined || held.host === hostname());
  } catch {
    return false;
  }
}

/** How a takeover claim's name begins (takeOverStale). */
const CLAIM_PREFIX = `${LOCK_FILE}.takeover-`;

/**
 * Removes the takeover claims in `dir` that dead processes left. A process killed after its takeover
 * removed the stale lock but before it removed its claim leaves a claim that nothing takes again (it is
 * named after a lock text no lock will hold again): ignored, but there for good. Each is removed as a stale
 * lock is, by a takeover (takeOverStale: reserved by a claim of the claim, and only when checkStale finds
 * it stale: its process is dead on this machine, or it does not parse and is older than LOCK_WRITE_MS).
 * Unlinking it outright is not safe: two processes that read the same dead claim could both unlink "it",
 * the second one a live claim a third process made under that name in between, and two takeovers of one
 * lock would then run at once. No age threshold besides: a claim of a live process, including one made
 * just now, is held by checkStale's test, and so is one written on another machine (its process cannot
 * be checked from here); those are left as they are. Housekeeping only: a claim that cannot be removed
 * now is left for the next time, and taking the lock does not fail for it.
 */
async function removeDeadClaims(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  // A claim being created has a temporary of its own (createLock), not a claim itself.
  for (const name of names.filter((n) => n.startsWith(CLAIM_PREFIX) && !n.includes('.tmp-'))) {
    const path = join(dir, name);
    try {
      const text = await readFile(path, 'utf8');
      // checkStale counts this process's own pid as stale (a lock it left itself); a claim of this process
      // is live, though (a takeover of another of its folders under way), so it is left alone.
      if (ownedByThisProcess(text)) continue;
      await checkStale(dir, path, text);
      await takeOverStale(dir, path, text);
    } catch {
      // held (FolderLockedError), released meanwhile (ENOENT), or unreadable: left as it is
    }
  }
}

/**
 * Removes the temporary files (createLock) that dead processes left in `dir`: one killed between writing
 * its lock text and removing that file leaves `.lab-lock.tmp-<pid>-<n>` (or a claim's
 * `.lab-lock.takeover-<hash>.tmp-<pid>-<n>`) for good. It holds the lock text of its process, so it is
 * judged as a lock is (checkStale): removed when that process no longer runs on this machine, or when it
 * does not parse and is older than LOCK_WRITE_MS (killed before it was written); one of this process, of
 * a live process, or from another machine is left. Unlinking it outright is safe, unlike a claim: no other
 * process takes that name while it exists (createLock opens it 'wx'), and a process that reused the dead
 * pid and made its own file of that name in between would only see its link fail (ENOENT) — refused, never
 * a lock held twice. Housekeeping only, as removeDeadClaims is.
 */
async function removeDeadTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => isLockFile(n) && n.includes('.tmp-'))) {
    const path = join(dir, name);
    try {
      const text = await readFile(path, 'utf8');
      if (ownedByThisProcess(text)) continue; // a lock or claim this process is making now
      await checkStale(dir, path, text);
      await unlink(path);
    } catch {
      // its process lives or cannot be checked (FolderLockedError), or it is gone already: left as it is
    }
  }
}

/** Takes the lock file `path` (of folder `dir`) for this process. */
async function takeLock(dir: string, path: string): Promise<void> {
  const mine = newLockText();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createLock(path, mine)) return;
    const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null; // released meanwhile
      throw e;
    });
    if (text === null) continue;
    await checkStale(dir, path, text);
    await takeOverStale(dir, path, text);
  }
  throw new FolderLockedError(`cannot take the lock ${path}`);
}

/**
 * Takes the lock of a folder for this process; returns the release function. A lock left by a process
 * that no longer runs on this machine (killed, crashed) is taken over, by one process only however many
 * find it at once (takeOverStale); one held by a live process, or written on another machine (a shared
 * disk: its process cannot be checked from here), is refused, and so is one that does not parse but was
 * written in the last seconds (another process is writing it). Takeover claims and lock temporaries dead
 * processes left are removed once the lock is held (removeDeadClaims, removeDeadTemporaries).
 */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  await takeLock(dir, path);
  await removeDeadClaims(dir);
  await removeDeadTemporaries(dir);
  return async () => {
    await unlink(path).catch(() => undefined);
  };
}
