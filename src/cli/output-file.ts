/**
 * Where a command may write a file the user names with --out (bundles, summaries): never over an existing
 * file unless the user asks with --force, and never inside a run folder, whose files are the run's results
 * and are written only by the commands that own the folder (docs/RELIABILITY.md). Checked before any work
 * is done, so a refused command has changed nothing.
 *
 * The outputs a command writes under fixed names (an analysis's CSV and JSON, a sweep's summary) replace
 * only files the lab wrote itself: how a command recognises its own is its business (the analysis JSON's
 * recorded command, the sweep summary's closing line), the refusal of any other file is shared here, so
 * every such command names the file, says why it is not the lab's and what to do in the same words.
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError } from './args';
import { CONFIG_FILE, ROUNDS_FILE } from './run-folder';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The run folder that holds `path` (itself or an ancestor with config.json and rounds.csv), or null. */
async function enclosingRunFolder(path: string): Promise<string | null> {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    if ((await exists(`${dir}/${CONFIG_FILE}`)) && (await exists(`${dir}/${ROUNDS_FILE}`))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** Throws a CliError when `path` (the value of `--out`) may not be written; `force` allows replacing a file. */
export async function checkOutputFile(path: string, force: boolean): Promise<void> {
  const run = await enclosingRunFolder(path);
  if (run)
    throw new CliError(
      `--out ${path} is inside the run folder ${run}; its files are that run's results — write the file somewhere else`,
    );
  if (!force && (await exists(path)))
    throw new CliError(`--out ${path} already exists; choose another file, or add --force to replace it`);
}

/** A file at an output's path that the lab did not write: its path and why it is not the lab's. */
export class ForeignFile extends Error {
  constructor(path: string, why: string) {
    super(`${path} ${why}`);
    this.name = 'ForeignFile';
  }
}

/** Reads a file, or undefined when nothing is there; a folder or another non-file there is a ForeignFile. */
export async function readIfThere(path: string): Promise<string | undefined> {
  const kind = await lstat(path).then(
    (s) => (s.isFile() ? 'file' : 'other'),
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return 'none';
      throw e;
    },
  );
  if (kind === 'other') throw new ForeignFile(path, 'is not a plain file');
  return kind === 'none' ? undefined : readFile(path, 'utf8');
}

/**
 * The refusal (exit code 2) to replace files the lab did not write: which and why, then what to do.
 * `replaces`: what the lab does replace ("analysis outputs it wrote itself"); `orElse`: what else the
 * user can do, after "move it elsewhere" (", or write the outputs to another folder with --out-dir DIR").
 */
export function foreignRefusal(foreign: readonly ForeignFile[], replaces: string, orElse: string): CliError {
  const [these, them] = foreign.length > 1 ? ['these files', 'them'] : ['it', 'it'];
  return new CliError(
    `${foreign.map((f) => f.message).join('; ')}: this command would replace ${these}, and the lab replaces only ` +
      `${replaces}; move ${them} elsewhere${orElse}`,
  );
}
