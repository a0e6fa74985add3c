/**
 * `npm run lab -- <command> [flags]`: runs the lab's CLI from its one-file build (scripts/cli-build.mjs),
 * rebuilding it first when a source file changed since. The CLI runs in this process (no child), so a
 * signal sent to it (Ctrl-C, Slurm's SIGTERM) reaches the process that writes the run folder.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './cli-build.mjs';

const dir = await ensureBuilt();
const { main } = await import(pathToFileURL(join(dir, 'main.js')).href);
process.exit(await main(process.argv.slice(2)));
