// The CLI's one-file build (scripts/cli-build.mjs), which `npm run lab` runs: built into an ignored
// folder, it runs `lab imp` on MNIST (so its data files are found from the build's folder) with one and
// with two evaluation threads (so the thread entry is found next to main.js), and both runs write the same
// rounds as the same command run from the TypeScript source in this process.
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_BUILD, isStale, REPO_ROOT } from '../../../scripts/cli-build.mjs';
import { runCli, withoutTimings } from '../../helpers/cli';

const spec = { outDir: 'test-results/cli-build', entries: CLI_BUILD.entries };
const out = join(REPO_ROOT, 'runs-out', `cli-build-${process.pid}`);
afterAll(() => rm(out, { recursive: true, force: true }));

/** One MNIST round of 2 generations: the data loading, a split generation and a test evaluation. */
const impArgs = (dir: string, workers: number) =>
  ['imp', '--preset', 'mnist-quick', '--rounds', '1', '--gens', '2', '--quiet'].concat([
    '--workers',
    String(workers),
    '--out',
    join(out, dir),
  ]);

describe('the CLI built into one file', () => {
  it('is rebuilt only when stale, and runs lab imp like the source with 1 and 2 threads', async () => {
    await buildCli(spec);
    expect(isStale(spec)).toBe(false);
    // A source saved after the build (as its recorded start time says) makes it stale.
    const manifest = join(REPO_ROOT, spec.outDir, 'build-manifest.json');
    const recorded = JSON.parse(await readFile(manifest, 'utf8'));
    await writeFile(manifest, JSON.stringify({ ...recorded, startedAt: 0 }));
    expect(isStale(spec)).toBe(true);
    await writeFile(manifest, JSON.stringify(recorded));
    expect(isStale(spec)).toBe(false);

    const main = join(REPO_ROOT, spec.outDir, 'main.js');
    // From another directory: the build finds the checkout's data by itself.
    const run = (args: string[]) => promisify(execFile)(process.execPath, [main, ...args], { cwd: '/' });
    const one = await run(impArgs('built1', 1));
    const two = await run(impArgs('built2', 2));
    expect(one.stderr).toContain('1 evaluation thread →');
    expect(two.stderr).toContain('2 evaluation threads →');
    const source = await runCli(impArgs('source', 1));
    expect(source.code).toBe(0);

    const rounds = (dir: string) => readFile(join(out, dir, 'rounds.csv'), 'utf8').then(withoutTimings);
    const reference = await rounds('source');
    expect(reference.split('\n').length).toBeGreaterThan(1);
    expect(await rounds('built1')).toBe(reference);
    expect(await rounds('built2')).toBe(reference);
  });
});
