/**
 * DIR/configs/<config id>/ of `lab sweep collect`: a configuration's seeds merged into one run folder
 * (`lab merge`), made again when its runs have finished more rounds — without losing what was put into the
 * folder meanwhile. It is the natural place to run `lab lmc`, `landscape` or `weights` (they write into
 * the run folder by default) and to keep notes, so a new merge:
 *
 *   - is built beside the folder (merge-command.ts: everything read and checked first);
 *   - leaves the folder as it is when it holds the same rounds (rounds.csv and generations.csv unchanged);
 *   - leaves it as it is, with a note, when it holds rounds the runs no longer have (a run folder deleted
 *     or damaged since): those rounds exist nowhere else;
 *   - otherwise replaces it, carrying over every file the merge did not write (analysis outputs, notes,
 *     …), copied in before the swap so that no moment exists when they are only in a temporary folder,
 *     and names them in a note that says which seeds and rounds they were computed from.
 */
import { cp, lstat, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { roundKey, type RoundRow } from '../../core/runs/csv';
import { CliError } from '../args';
import { mergeRunFolders } from '../merge-command';
import { GENERATIONS_FILE, ROUNDS_FILE, RunFolder } from '../run-folder';

/** "seed 0: rounds 1–3; seed 1: round 1": a merged folder's finished rounds per seed (its furthest chain). */
export function roundsSummary(rows: readonly RoundRow[]): string {
  const last = new Map<number, number>();
  for (const r of rows) last.set(r.seed, Math.max(last.get(r.seed) ?? 0, r.round));
  return [...last]
    .sort(([a], [b]) => a - b)
    .map(([seed, n]) => `seed ${seed}: ${n > 1 ? `rounds 1–${n}` : 'round 1'}`)
    .join('; ');
}

/**
 * Copies into `to` every entry of `from` that `to` lacks (of a folder both have, its entries, and so on
 * down), timestamps kept; returns their paths relative to `from` (a folder's with a trailing "/").
 */
async function carryOver(from: string, to: string, rel = ''): Promise<string[]> {
  const carried: string[] = [];
  for (const e of await readdir(join(from, rel), { withFileTypes: true })) {
    const path = join(rel, e.name);
    const there = await lstat(join(to, path)).catch(() => null);
    if (!there) {
      const options = { recursive: true, preserveTimestamps: true, errorOnExist: true, force: false };
      await cp(join(from, path), join(to, path), { ...options, verbatimSymlinks: true });
      carried.push(e.isDirectory() ? `${path}/` : path);
    } else if (e.isDirectory() && there.isDirectory()) carried.push(...(await carryOver(from, to, path)));
    // Anything else the new merge wrote itself: config.json, the CSVs, a round's files, a seed's θ0.
  }
  return carried;
}

const sameFile = async (a: string, b: string) =>
  (await readFile(a).catch(() => null))?.equals(await readFile(b)) ?? false;

/**
 * Merges the run folders `dirs` into `dest` as the module comment says; `name` is how notes call `dest`
 * (e.g. configs/<config id>). Returns the note to print, or null.
 */
export async function mergeConfig(
  dirs: readonly string[],
  dest: string,
  name: string,
  command: string,
): Promise<string | null> {
  const tmp = `${dest}.tmp-${process.pid}`,
    old = `${dest}.old-${process.pid}`;
  await rm(tmp, { recursive: true, force: true }); // this process's own: only ever a merge being built
  await mergeRunFolders(dirs, tmp, command);
  const keep = async (note: string | null) => {
    await rm(tmp, { recursive: true, force: true });
    return note;
  };
  if (!(await lstat(dest).catch(() => null))) {
    await rename(tmp, dest);
    return null;
  }
  let before: RoundRow[];
  try {
    before = await new RunFolder(dest).readRounds();
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return keep(`note: ${name} was left as it is, not merged again: ${e.message}; move it away and collect again`);
  }
  const after = await new RunFolder(tmp).readRounds();
  if (
    (await sameFile(join(dest, ROUNDS_FILE), join(tmp, ROUNDS_FILE))) &&
    (await sameFile(join(dest, GENERATIONS_FILE), join(tmp, GENERATIONS_FILE)))
  )
    return keep(null);
  const now = new Set(after.map((r) => roundKey(r.seed, r.method, r.round)));
  const gone = before.filter((r) => !now.has(roundKey(r.seed, r.method, r.round)));
  if (gone.length) {
    const named = gone.slice(0, 4).map((r) => `seed ${r.seed} ${r.method} round ${r.round}`);
    return keep(
      `note: ${name} was left as it is, not merged again: it holds rounds the runs' folders no longer have ` +
        `(${named.join(', ')}${gone.length > 4 ? ', …' : ''}), which exist only there; move it away and collect ` +
        `again to merge what the runs hold now`,
    );
  }
  const carried = await carryOver(dest, tmp);
  await rename(dest, old);
  await rename(tmp, dest);
  await rm(old, { recursive: true, force: true });
  if (!carried.length) return null;
  return (
    `note: ${name} was merged again (now ${roundsSummary(after)}); kept ${carried.join(', ')} from before: ` +
    `anything computed there was computed from the earlier merge (${roundsSummary(before)}) and may be out of date — run it again on ${name}`
  );
}
