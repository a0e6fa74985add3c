/**
 * Commands that read a run folder refuse a damaged one — naming the file, line and column (or the file
 * and entry) — instead of computing from it, and they write nothing: no half-written outputs, no output
 * file with only a header. Each case here used to exit 0 with wrong numbers or leave files behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, snapshotDir, tinyImpArgs } from '../../helpers/cli';

let root = '';
let run = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-damaged-'));
  run = join(root, 'run');
  const r = await runCli(tinyImpArgs(run));
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the good run, damaged by `edit`. */
async function damaged(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(root, name);
  await cp(run, dir, { recursive: true });
  await edit(dir);
  return dir;
}

async function editFile(path: string, f: (text: string) => string): Promise<void> {
  await writeFile(path, f(await readFile(path, 'utf8')));
}

/** Runs the command and checks it failed, changed nothing in `dir`, and return its message. */
async function refused(argv: string[], dir: string): Promise<string> {
  const before = await snapshotDir(dir);
  const r = await runCli(argv);
  expect(r.code, r.stdout).not.toBe(0);
  expect(await snapshotDir(dir)).toEqual(before);
  return r.stderr;
}

describe('damaged run folders are refused, nothing written', () => {
  it('a blank cell in rounds.csv: bundle names file, line and column (it used to ship it as 0)', async () => {
    const dir = await damaged('blank', (d) =>
      editFile(join(d, 'rounds.csv'), (t) => t.replace(/^(0,magnitude,2,[^,]*,[^,]*,[^,]*,[^,]*),[^,]*/m, '$1,')),
    );
    const out = join(root, 'blank.json');
    const msg = await refused(['bundle', '--run', dir, '--out', out], dir);
    expect(msg).toMatch(/rounds\.csv line 4, column "final_perf": "" is not a finite number/);
    expect(await snapshotDir(out)).toEqual({});
  });

  it('a row cut short in generations.csv is refused with its line', async () => {
    const dir = await damaged('cut', (d) =>
      editFile(join(d, 'generations.csv'), (t) => t.replace(/\n0,magnitude,1,[^\n]*/, '\n0,magnitude,1')),
    );
    const msg = await refused(['bundle', '--run', dir, '--out', join(root, 'cut.json')], dir);
    expect(msg).toMatch(/generations\.csv line \d+: has 3 fields, the header has 8/);
  });

  it('an empty rounds.csv: lmc refuses instead of writing a header-only result', async () => {
    const dir = await damaged('empty', (d) => editFile(join(d, 'rounds.csv'), (t) => t.split('\n')[0] + '\n'));
    const msg = await refused(['lmc', '--run', dir, '--quiet'], dir);
    expect(msg).toContain('lists no finished round');
  });

  it('a mask byte 7: correlation refuses (it used to report sparsity −0.08)', async () => {
    const dir = await damaged('mask7', async (d) => {
      const p = join(d, 'masks', '0-magnitude-r2.mask.bin');
      const bytes = new Uint8Array(await readFile(p));
      bytes[3] = 7;
      await writeFile(p, bytes);
    });
    const msg = await refused(['correlation', '--run', dir, '--quiet'], dir);
    expect(msg).toMatch(/0-magnitude-r2\.mask\.bin: mask entry 3 is 7 \(must be 0 or 1\)/);
  });

  it('a mean file of the wrong length, a NaN mean and a negative σ are refused', async () => {
    const short = await damaged('short', (d) =>
      writeFile(join(d, 'params', '0-random_reinit-r2.mean.f32'), new Uint8Array(8)),
    );
    expect(await refused(['bundle', '--run', short, '--out', join(root, 'short.json')], short)).toMatch(
      /0-random_reinit-r2\.mean\.f32: mean has 2 entries, the network has D = 30 parameters/,
    );
    const dir = await damaged('nan', async (d) => {
      const p = join(d, 'params', '0-magnitude-r3.mean.f32');
      const bytes = new Uint8Array(await readFile(p));
      new DataView(bytes.buffer).setFloat32(8, NaN, true);
      await writeFile(p, bytes);
      const q = join(d, 'params', '0-random_reinit-r3.std.f32');
      const s = new Uint8Array(await readFile(q));
      new DataView(s.buffer).setFloat32(0, -1, true);
      await writeFile(q, s);
    });
    expect(await refused(['correlation', '--run', dir, '--quiet', '--methods', 'magnitude'], dir)).toMatch(
      /0-magnitude-r3\.mean\.f32: mean entry 2 is NaN/,
    );
    expect(await refused(['bundle', '--run', dir, '--out', join(root, 'nan.json')], dir)).toMatch(
      /mean entry 2 is NaN/,
    );
  });

  it('config.json holding null: a clear message, not a crash', async () => {
    const dir = await damaged('null', (d) => writeFile(join(d, 'config.json'), 'null'));
    expect(await refused(['lmc', '--run', dir], dir)).toMatch(/config\.json is not a run folder's config/);
    const dir2 = await damaged('nullcfg', (d) => writeFile(join(d, 'config.json'), '{"config": null}'));
    expect(await refused(['correlation', '--run', dir2], dir2)).toMatch(/config\.json holds an invalid config/);
  });
});

describe('validate everything, then write', () => {
  it('merge with one input lacking params/ writes no folder at all', async () => {
    const other = join(root, 'seed1');
    const r = await runCli([...tinyImpArgs(other), '--seed', '1']);
    expect(r.code, r.stderr).toBe(0);
    const broken = await damaged('noparams', (d) => rm(join(d, 'params'), { recursive: true }));
    const out = join(root, 'merged');
    await refused(['merge', '--runs', `${broken},${other}`, '--out', out], broken);
    expect(await snapshotDir(out)).toEqual({});
    expect(Object.keys(await snapshotDir(root)).filter((f) => f.startsWith('.merged'))).toEqual([]);

    const ok = await runCli(['merge', '--runs', `${run},${other}`, '--out', out]);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await readFile(join(out, 'rounds.csv'), 'utf8')).trim().split('\n')).toHaveLength(13);
    const again = await runCli(['merge', '--runs', `${run},${other}`, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('landscape --plane 2 on a 2-round run refuses before any work (it used to fail at the end on ENOENT)', async () => {
    const dir = await damaged('two-rounds', (d) =>
      editFile(join(d, 'rounds.csv'), (t) =>
        t
          .split('\n')
          .filter((l) => l.split(',')[2] !== '3')
          .join('\n'),
      ),
    );
    const msg = await refused(['landscape', '--run', dir, '--method', 'magnitude', '--plane', '2', '--quiet'], dir);
    expect(msg).toMatch(/--plane 2: .*round 3 does not exist: seed 0 of .* has rounds 1 to 2; choose --plane 1$/m);
  });
});
