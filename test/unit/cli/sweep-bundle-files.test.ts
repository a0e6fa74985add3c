/**
 * `lab sweep collect --bundles` replaces DIR/bundles/<config id>.json.gz only when the file there is the
 * lab's bundle of that configuration (src/cli/sweep/bundle-files.ts). A file of the user's under that name —
 * not gzip, a gzip file of something else, another run's bundle, a folder — is refused by name before
 * anything is merged or written, the folder unchanged, and so is a file named DIR/bundles; the lab's own
 * bundle is replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, snapshotDir } from '../../helpers/cli';
import { writeTinySweep } from '../../helpers/tiny-sweep';
import { loadSweepFile } from '../../../src/cli/sweep/read-sweep';
import { SweepDir } from '../../../src/cli/sweep/sweep-dir';
import { writeBundle } from '../../../src/cli/sweep/bundle-files';
import { CliError } from '../../../src/cli/args';
import type { SweepPlan } from '../../../src/core/sweep/expand';

let tmp = '',
  file = '',
  dir = '';
let plan: SweepPlan;
const bundle = (k: number) => join(dir, 'bundles', `${plan.configs[k].configId}.json.gz`);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'lab-sweep-bundles-'));
  file = await writeTinySweep(tmp);
  plan = (await loadSweepFile(file)).plan;
  dir = join(tmp, 'sweep');
  // Both seeds of configuration 0: it has a merged folder and a bundle to write.
  expect((await runCli(['sweep', 'run', file, '--out', dir, '--index', '0-1', '--quiet'])).code).toBe(0);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Collects with --bundles, expecting a refusal naming `why` that changed nothing. */
async function refused(why: string): Promise<void> {
  const before = await snapshotDir(dir);
  const r = await runCli(['sweep', 'collect', dir, '--bundles']);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(
    `${why}: this command would replace it, and the lab replaces only bundles it wrote itself; ` +
      `move it elsewhere, or run lab sweep collect without --bundles`,
  );
  expect(await snapshotDir(dir)).toEqual(before);
}

describe('sweep collect --bundles: a file at a bundle’s name that is not the lab’s', () => {
  // It failed with a raw "ENOTDIR: not a directory, lstat '…/bundles/<id>.json.gz'".
  it('DIR/bundles as a plain file is refused by name before any work, and left as it is', async () => {
    const folder = join(dir, 'bundles');
    await writeFile(folder, 'my notes on the bundles');
    try {
      const before = await snapshotDir(dir);
      const r = await runCli(['sweep', 'collect', dir, '--bundles']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(
        `error: ${folder} is not a folder: lab sweep collect --bundles writes its bundles into a folder of that ` +
          `name; move or rename that file, or run lab sweep collect without --bundles\n`,
      );
      expect(await snapshotDir(dir)).toEqual(before);
      await expect(stat(join(dir, 'configs'))).rejects.toThrow(); // nothing merged
    } finally {
      await rm(folder);
    }
  });

  it('is refused before any merge, whatever it holds, and named', async () => {
    await mkdir(join(dir, 'bundles'));
    const notOurs = `${bundle(0)} is not a run bundle of configuration ${plan.configs[0].configId} that the lab wrote`;
    await writeFile(bundle(0), 'my notes on configuration 0');
    await refused(notOurs);
    await expect(stat(join(dir, 'configs'))).rejects.toThrow(); // nothing merged
    await expect(stat(join(dir, 'summary.md'))).rejects.toThrow(); // nothing written

    // gzip, but of something else; a bundle of another run under this configuration's name
    await writeFile(bundle(0), gzipSync('{"my":"data"}'));
    await refused(notOurs);
    const other = { format: 'es-lottery-lab-run', version: 1, runId: plan.runs[0].runId, config: {} };
    await writeFile(bundle(0), gzipSync(JSON.stringify(other)));
    await refused(notOurs);
    // a configuration with no finished rounds yet gets its bundle in a later collect: its name is checked too
    await rm(bundle(0));
    await mkdir(bundle(1));
    await refused(`${bundle(1)} is not a plain file`);
    await rm(bundle(1), { recursive: true });
  });

  it('the lab’s own bundle is replaced', async () => {
    const first = await runCli(['sweep', 'collect', dir, '--bundles']);
    expect(first.code, first.stderr).toBe(0);
    const written = (await stat(bundle(0))).ino;
    const again = await runCli(['sweep', 'collect', dir, '--bundles']);
    expect(again.code, again.stderr).toBe(0);
    expect((await stat(bundle(0))).ino).not.toBe(written); // written anew (a new file renamed over it)
  });

  it('a file put there while collect merged is refused when the bundle is written', async () => {
    const user = join(tmp, 'late');
    const late = new SweepDir(user);
    await mkdir(join(user, 'bundles'), { recursive: true });
    await writeFile(late.bundlePath(plan.configs[0].configId), 'arrived late');
    const write = writeBundle(late, plan.configs[0].configId, gzipSync('{}'));
    await expect(write).rejects.toBeInstanceOf(CliError);
    await expect(write).rejects.toThrow(`is not a run bundle of configuration ${plan.configs[0].configId}`);
    expect(await readFile(late.bundlePath(plan.configs[0].configId), 'utf8')).toBe('arrived late');
  });
});
