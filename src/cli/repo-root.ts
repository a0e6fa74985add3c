/**
 * The checkout this CLI runs from: the nearest folder above this module that holds the project's
 * package.json. Found by looking, not by a fixed number of `..`, because the same code runs from its
 * source (src/cli/…, through tsx) and from the one-file build (dist-cli/main.js, scripts/cli-build.mjs),
 * which sit at different depths.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(from: string): string {
  for (let dir = from; ;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}: the lab's CLI must run from its checkout`);
    dir = up;
  }
}

export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** Whether this CLI runs from its TypeScript source (through tsx: tests, benches) rather than its build. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');
