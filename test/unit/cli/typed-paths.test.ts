// `npm run lab` runs scripts/lab.mjs from the package's folder; the paths a user types are relative to the
// folder they typed the command in (npm's INIT_CWD), not to the checkout: a sweep file and --out given
// from elsewhere are found and written there.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/cli/repo-root';

let here = '';
beforeAll(async () => {
  here = await mkdtemp(join(tmpdir(), 'lab-typed-in-'));
});
afterAll(() => rm(here, { recursive: true, force: true }));

describe('npm run lab from another folder', () => {
  it('reads and writes the relative paths typed there', async () => {
    await writeFile(
      join(here, 'mine.yaml'),
      'name: mine\nbase: {preset: cartpole-reduced}\naxes: {prune.rounds: [2, 3]}\nseeds: [0]\n',
    );
    // as npm starts it: in the checkout, with the folder the user typed the command in
    const lab = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts', 'lab.mjs'), ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, INIT_CWD: here },
      });
    expect((await lab('sweep', 'plan', 'mine.yaml')).stdout).toMatch(/^sweep mine/m);
    await lab('imp', '--preset', 'cartpole-reduced', '--rounds', '1', '--gens', '1', '--quiet', '--out', 'run');
    expect(JSON.parse(await readFile(join(here, 'run', 'config.json'), 'utf8')).config.task.id).toBe('cartpole');
  }, 120_000);
});
