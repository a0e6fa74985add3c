/**
 * `--test-images` of the analysis commands sets the vision task's testSubset: its range is that
 * parameter's, so 99999 and -1 are refused by the flag with the same, correct range (99999 used to pass
 * the flag's own [0, 100000] and fail later as "testSubset = 99999 is outside [0, 10000]").
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tinyImpArgs } from '../../helpers/cli';

let root = '';
let run = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-test-images-'));
  run = join(root, 'run');
  expect((await runCli(tinyImpArgs(run))).code).toBe(0);
});
afterAll(() => rm(root, { recursive: true, force: true }));

it.each(['99999', '-1', '10001'])('lmc --test-images %s names [0, 10000]', async (n) => {
  const r = await runCli(['lmc', '--run', run, '--test-images', n]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain(`--test-images must be an integer in [0, 10000] (got "${n}")`);
});
