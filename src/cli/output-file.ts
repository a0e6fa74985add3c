/**
 * Where a command may write a file the user names with --out (bundles, summaries): never over an existing
 * file unless the user asks with --force, and never inside a run folder, whose files are the run's results
 * and are written only by the commands that own the folder (docs/RELIABILITY.md). Checked before any work
 * is done, so a refused command has changed nothing.
 */
import { stat } from 'node:fs/promises';
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
