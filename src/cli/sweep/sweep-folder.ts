/**
 * Whether `lab sweep run|slurm --out DIR` may write into DIR, and writing DIR/sweep.json and the sweep's
 * other copies (writeSweepFile). DIR must be new, empty, or this sweep's folder: one whose sweep.json
 * names the same sweep (the same `name`; a sweep that grew by seeds or axis values keeps its name and its
 * folder). A folder holding anything else — a user's
 * files, a `lab imp` run folder, another sweep's folder — is refused before anything is written, with the
 * message `lab imp --out` gives for a foreign folder (run-state.ts), since sweep.json is the only record
 * of what the runs in a sweep folder are.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { canonicalJson } from '../../core/runs/hash';
import { withoutStoredBaseSeeds, type SweepSpec } from '../../core/sweep/sweep-spec';
import { CliError } from '../args';
import { writeFileAtomic } from '../fs-safe';
import { folderEntries, folderRefusal } from '../run-state';
import type { LoadedSweep } from './read-sweep';
import type { SweepDir } from './sweep-dir';

/** What `recordSweep` does with DIR/sweep.json: write it (a new folder), keep it, or write a grown sweep's. */
export type SweepFolderVerdict = 'new' | 'same' | 'grown';

/** A stored sweep.json as parsed, with the name it gives its sweep (the schema's default when none), or why it cannot be read. */
function storedSweep(text: string): { name: string; value: object } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problem: `is not JSON (${(e as Error).message})` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'is not a JSON object' };
  const { name = 'sweep' } = value as { name?: unknown };
  return typeof name === 'string' ? { name, value } : { problem: 'has a "name" that is not a string' };
}

/**
 * Checks that DIR may hold `sweep` (see the module comment) and says what recording it will do; a refusal
 * is a CliError naming what DIR holds and what to do. Reads only.
 */
export async function checkSweepFolder(dir: SweepDir, sweep: LoadedSweep): Promise<SweepFolderVerdict> {
  const entries = await folderEntries(dir.root);
  if (!Array.isArray(entries)) throw new CliError(entries.refused);
  if (!entries.length) return 'new';
  if (!entries.includes(basename(dir.specPath))) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    throw new CliError(
      folderRefusal(
        dir.root,
        `${dir.root} already holds files (${shown}) and is not a sweep folder (it has no sweep.json)`,
      ),
    );
  }
  const text = await readFile(dir.specPath, 'utf8').catch((e: Error) => {
    throw new CliError(folderRefusal(dir.root, `${dir.specPath} cannot be read (${e.message})`));
  });
  const stored = storedSweep(text);
  if ('problem' in stored)
    throw new CliError(
      folderRefusal(dir.root, `${dir.specPath} ${stored.problem}, so which sweep ${dir.root} holds is unknown`),
    );
  if (stored.name !== sweep.plan.name)
    throw new CliError(
      folderRefusal(
        dir.root,
        `${dir.root} is the folder of sweep "${stored.name}" (its sweep.json), and ${sweep.file} is sweep "${sweep.plan.name}": ` +
          `a folder holds one sweep (a sweep file that adds seeds or axis values to "${stored.name}" keeps its name)`,
      ),
    );
  // Seeds the lab used to keep in base.config change nothing (sweep-spec.ts withoutStoredBaseSeeds).
  if (canonicalJson(withoutStoredBaseSeeds(stored.value)) === canonicalJson(sweep.spec)) return 'same';
  return 'grown';
}

/**
 * Writes DIR/sweep.json unless it already holds this sweep; checks DIR first (`checkSweepFolder`). A copy of
 * a planned sweep (SweepDir.isPlanCopy: what a Slurm array task or a `sweep run --jobs` run process runs)
 * never writes it: sweep.json was written when the job was planned, so a sweep.json that differs now was
 * written since — the user ran `sweep run` or `slurm` again with a grown sweep meanwhile — and is the newer
 * record of what the folder's runs are; the copy would put the older sweep back. The copy's runs need no
 * sweep.json: their folders are named by their run ids.
 */
export async function recordSweep(dir: SweepDir, sweep: LoadedSweep): Promise<void> {
  const verdict = await checkSweepFolder(dir, sweep);
  if (verdict === 'same') return;
  if (dir.isPlanCopy(sweep.file)) {
    process.stderr.write(
      `note: ${dir.specPath} changed since this job was planned (${sweep.file}); left as it is, the newer of the two\n`,
    );
    return;
  }
  if (verdict === 'grown')
    process.stderr.write(
      `note: sweep ${sweep.plan.name} changed since ${dir.specPath} was written; it now holds ${sweep.file}'s version ` +
        `(run folders of runs it no longer lists stay in ${dir.root}/runs)\n`,
    );
  await writeSweepFile(dir.specPath, sweep.spec);
}

/** A sweep file's text as the lab writes it: the spec as JSON indented by two spaces, ending in a line break. */
export function sweepFileText(spec: SweepSpec): string {
  return JSON.stringify(spec, null, 2) + '\n';
}

/**
 * Writes a sweep file the lab keeps (sweep-dir.ts): DIR/sweep.json, or a copy of the sweep as planned
 * (slurm/<plan id>/sweep.json, plans/<plan id>.json), all in one format (sweepFileText). Written under a
 * temporary name and renamed (writeFileAtomic), so a reader finds the file before or after, whole; whether
 * a file there may be replaced is the caller's rule (recordSweep never replaces a newer sweep.json).
 */
export async function writeSweepFile(path: string, spec: SweepSpec): Promise<void> {
  await writeFileAtomic(path, sweepFileText(spec));
}
