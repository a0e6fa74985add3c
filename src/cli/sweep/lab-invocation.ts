/**
 * How to start this lab's CLI from another process (`lab sweep run --jobs N` children, Slurm job
 * scripts): the running Node binary and what `npm run lab` runs — scripts/lab.mjs (the CLI's one-file
 * build, rebuilt when a source changed) or, when this CLI itself runs from source (tests), tsx's loader and
 * src/cli/main.ts — as absolute paths, without npm or tsx's wrapper process (so a signal from Slurm
 * reaches the process that writes), from any directory a job starts in.
 */
import { join } from 'node:path';
import { FROM_SOURCE, REPO_ROOT } from '../repo-root';

export { REPO_ROOT };

/** [node, …the CLI's entry]: prepend to a CLI argument list. */
export function labInvocation(node: string = process.execPath): string[] {
  if (!FROM_SOURCE) return [node, join(REPO_ROOT, 'scripts', 'lab.mjs')];
  return [
    node,
    '--import',
    join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
    join(REPO_ROOT, 'src', 'cli', 'main.ts'),
  ];
}

/** A word for a POSIX shell (single-quoted unless it is plainly safe). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
