/**
 * How to start this lab's CLI from another process (`lab sweep run --jobs N` children, Slurm job
 * scripts): the running Node binary with tsx's loader from this checkout's node_modules and
 * src/cli/main.ts, all as absolute paths — what `npm run lab` runs, without npm or tsx's wrapper process
 * (so a signal from Slurm reaches the process that writes), from any directory a job starts in.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this CLI runs from. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** [node, --import, tsx loader, main.ts]: prepend to a CLI argument list. */
export function labInvocation(node: string = process.execPath): string[] {
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
