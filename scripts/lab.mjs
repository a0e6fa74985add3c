/**
 * `npm run lab -- <command> [flags]`: runs the lab's CLI from its one-file build (scripts/cli-build.mjs),
 * rebuilding it first when a source file changed since. The CLI runs in this process (no child), so a
 * signal sent to it (Ctrl-C, Slurm's SIGTERM) reaches the process that writes the run folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './cli-build.mjs';

let dir;
try {
  dir = await ensureBuilt();
} catch {
  // esbuild has printed what is wrong (file, line and message) above.
  process.stderr.write('error: the lab could not be built from its source files (see the messages above)\n');
  process.exit(1);
}
// npm runs every script from the package's folder and passes the folder the command was typed in as
// INIT_CWD: the paths a user types (--out, --run, a sweep file) are relative to that folder, as for any
// other command. Processes this one starts (sweep run --jobs, sbatch) inherit the folder itself.
const typedIn = process.env.INIT_CWD;
delete process.env.INIT_CWD;
if (typedIn && existsSync(typedIn)) process.chdir(typedIn);
const { main } = await import(pathToFileURL(join(dir, 'main.js')).href);
process.exit(await main(process.argv.slice(2)));
