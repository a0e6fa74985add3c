/**
 * Input surface "run-folder files" (docs/RELIABILITY.md): a real run folder (CartPole, written by `lab imp`)
 * with one generated defect — a bad cell in rounds.csv or generations.csv, a broken row, a mask byte that
 * is not 0/1, a NaN mean, a negative σ, a cut binary file, a metric that contradicts its mask, a damaged
 * config.json — is refused by the folder reader every command uses, naming the file and the line/column or
 * entry; and end to end (`bundle`, which reads every file, and `imp` on the folder) the command fails and
 * the folder is left exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../../../src/cli/args';
import { RunFolder, roundFiles, theta0File } from '../../../src/cli/run-folder';
import { networkOf } from '../../../src/core/runs/network-shape';
import { ROUND_COLUMNS, GEN_COLUMNS } from '../../../src/core/runs/csv';
import { badConfig } from '../../helpers/bad-configs';
import { runCli, snapshotDir, tinyImpArgs } from '../../helpers/cli';
import { SurfaceTally, reEscape } from '../../helpers/surface';

const tally = new SurfaceTally('run-folder');
let root = '';
let good = '';
let work = '';
let goodFiles: Record<string, string> = {};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-folder-prop-'));
  good = join(root, 'good');
  work = join(root, 'work');
  expect((await runCli(tinyImpArgs(good))).code).toBe(0);
  goodFiles = await snapshotDir(good);
});
afterAll(async () => {
  tally.save();
  await rm(root, { recursive: true, force: true });
});

/** Everything a command reads from a folder, through the one reader (run-folder.ts). */
async function readAll(dir: string): Promise<void> {
  const folder = new RunFolder(dir);
  const { config } = await folder.readMeta('--run');
  const net = networkOf(config);
  const rows = await folder.readRounds({ requireRows: true });
  await folder.readGenerations();
  for (const r of rows)
    await folder.loadRound(r.seed, r.method, r.round, net, {
      prunableActive: r.prunable_active,
      layerSparsity: r.layer_sparsity,
    });
  for (const s of config.seeds) await folder.loadTheta0(s, net);
}

const INT = ['', 'x', '1.5', '-1', 'NaN'];
const BAD_CELL: Record<string, readonly string[]> = {
  seed: INT,
  method: ['', 'a b', 'x!', '"'],
  round: [...INT, '0'],
  sparsity: ['', 'x', '2', '-0.5', 'NaN'],
  remaining_pct: ['', 'x', '101', 'NaN'],
  prunable_active: INT,
  es_dim: INT,
  final_perf: ['', 'x', 'NaN', 'Infinity'],
  best_perf: ['', 'x', 'NaN'],
  final_loss: ['', 'x'],
  sigma_mean: ['', 'x', '-1'],
  sigma_median: ['', 'x', '-1'],
  wall_ms: INT,
  layer_sparsity: ['x', '2', '0.1;x'],
  gen: [...INT, '0'],
  best_score: ['', 'x'],
  mean_score: ['', 'x'],
  test_perf: ['x', 'NaN', 'Infinity'],
  evals_per_sec: ['', 'x', '-1', 'NaN'],
};

interface Defect {
  readonly file: string;
  /** Applies the defect to the folder copy `dir`. */
  apply(dir: string): Promise<void>;
  /** What the refusal must say (file and place). */
  readonly names: RegExp;
}

const edit = async (path: string, f: (t: string) => string) => writeFile(path, f(await readFile(path, 'utf8')));
const editBytes = async (path: string, f: (b: Uint8Array) => Uint8Array) =>
  writeFile(path, f(new Uint8Array(await readFile(path))));

function csvCell(file: 'rounds.csv' | 'generations.csv', columns: readonly string[]): fc.Arbitrary<Defect> {
  return fc
    .record({ row: fc.nat(), col: fc.constantFrom(...columns) })
    .chain(({ row, col }) => fc.constantFrom(...BAD_CELL[col]).map((value) => ({ row, col, value })))
    .map(({ row, col, value }) => ({
      file,
      apply: (dir) =>
        edit(join(dir, file), (t) => {
          const lines = t.split('\n');
          const i = 1 + (row % (lines.length - 2)); // a data line
          const cells = lines[i].split(',');
          cells[columns.indexOf(col)] = value;
          lines[i] = cells.join(',');
          return lines.join('\n');
        }),
      // A stray quote makes the line unparsable rather than a bad value: either message names the line.
      names: new RegExp(`${reEscape(file)} line \\d+(, column "${col}"|: )`),
    }));
}

function csvRow(file: 'rounds.csv' | 'generations.csv'): fc.Arbitrary<Defect> {
  return fc
    .record({ row: fc.nat(), kind: fc.constantFrom('drop-comma', 'extra-comma', 'duplicate', 'cut') })
    .map(({ row, kind }) => ({
      file,
      apply: (dir) =>
        edit(join(dir, file), (t) => {
          const lines = t.split('\n');
          const i = 1 + (row % (lines.length - 2));
          if (kind === 'drop-comma') lines[i] = lines[i].replace(',', '');
          if (kind === 'extra-comma') lines[i] += ',';
          if (kind === 'cut') lines[i] = lines[i].slice(0, lines[i].indexOf(',', 4));
          if (kind === 'duplicate') {
            if (file === 'generations.csv') lines[i] = lines[i].replace(/,/, ',,');
            else lines.splice(i, 0, lines[i]);
          }
          return lines.join('\n');
        }),
      names: new RegExp(`${reEscape(file)} line \\d+`),
    }));
}

/** A defect in one round's binary files, or in θ0. */
const binary: fc.Arbitrary<Defect> = fc
  .record({
    round: fc.integer({ min: 1, max: 3 }),
    method: fc.constantFrom('magnitude', 'random_reinit'),
    entry: fc.integer({ min: 0, max: 29 }),
    kind: fc.constantFrom(
      'mask-byte',
      'mask-cut',
      'mean-nan',
      'mean-inf',
      'std-negative',
      'mean-cut',
      'theta0-nan',
      'theta0-cut',
    ),
    byte: fc.integer({ min: 2, max: 255 }),
  })
  .map(({ round, method, entry, kind, byte }) => {
    const f = roundFiles(0, method, round);
    const setF32 = (rel: string, v: number) => ({
      file: rel,
      apply: (dir: string) =>
        editBytes(join(dir, rel), (b) => {
          new DataView(b.buffer, b.byteOffset).setFloat32(4 * entry, v, true);
          return b;
        }),
    });
    const name = (rel: string, what: string) => new RegExp(`${reEscape(rel.split('/').pop()!)}: ${what}`);
    switch (kind) {
      case 'mask-byte':
        return {
          file: f.mask,
          apply: (dir: string) => editBytes(join(dir, f.mask), (b) => ((b[entry] = byte), b)),
          names: name(f.mask, `mask entry ${entry} is ${byte}`),
        };
      case 'mask-cut':
        return {
          file: f.mask,
          apply: (dir: string) => editBytes(join(dir, f.mask), (b) => b.slice(0, entry)),
          names: name(f.mask, `mask has ${entry} entries`),
        };
      case 'mean-nan':
        return { ...setF32(f.mean, NaN), names: name(f.mean, `mean entry ${entry} is NaN`) };
      case 'mean-inf':
        return { ...setF32(f.mean, -Infinity), names: name(f.mean, `mean entry ${entry} is -Infinity`) };
      case 'std-negative':
        return { ...setF32(f.std, -0.25), names: name(f.std, `std entry ${entry} is -0.25`) };
      case 'mean-cut':
        return {
          file: f.mean,
          apply: (dir: string) => editBytes(join(dir, f.mean), (b) => b.slice(0, 4 * entry + 1)),
          names: /0-\w+-r\d round \d+ cannot be read|float32/,
        };
      case 'theta0-nan':
        return { ...setF32(theta0File(0), NaN), names: name(theta0File(0), `entry ${entry} is NaN`) };
      default:
        return {
          file: theta0File(0),
          apply: (dir: string) => editBytes(join(dir, theta0File(0)), (b) => b.slice(0, 4 * entry)),
          names: /0\.f32: has \d+ values|θ0 of seed 0/,
        };
    }
  });

/** A metric that contradicts the mask it describes. */
const contradiction: fc.Arbitrary<Defect> = fc
  .record({ row: fc.nat(), delta: fc.constantFrom(-1, 1, 5) })
  .map(({ row, delta }) => ({
    file: 'rounds.csv',
    apply: (dir) =>
      edit(join(dir, 'rounds.csv'), (t) => {
        const lines = t.split('\n');
        const i = 1 + (row % (lines.length - 2));
        const cells = lines[i].split(',');
        const k = ROUND_COLUMNS.indexOf('prunable_active');
        cells[k] = String(Number(cells[k]) + delta);
        lines[i] = cells.join(',');
        return lines.join('\n');
      }),
    names: /prunableActive says \d+ active weights, the mask keeps \d+/,
  }));

const configJson: fc.Arbitrary<Defect> = fc.oneof(
  fc.constantFrom('null', '[]', '{', '', '{"config": 3}', '"x"').map((text) => ({
    file: 'config.json',
    apply: (dir: string) => writeFile(join(dir, 'config.json'), text),
    names: /config\.json/,
  })),
  badConfig().map((bad) => ({
    file: 'config.json',
    apply: (dir: string) => writeFile(join(dir, 'config.json'), JSON.stringify({ runId: 'x', config: bad.input })),
    names: new RegExp(`config\\.json holds an invalid config \\(.*config\\.${reEscape(bad.path)}`),
  })),
);

const defect: fc.Arbitrary<Defect> = fc.oneof(
  csvCell('rounds.csv', ROUND_COLUMNS),
  csvCell('generations.csv', GEN_COLUMNS),
  csvRow('rounds.csv'),
  csvRow('generations.csv'),
  binary,
  contradiction,
  configJson,
);

/** Puts the one file the defect touches back to the good folder's bytes. */
async function restore(file: string): Promise<void> {
  await writeFile(join(work, file), Buffer.from(goodFiles[file], 'base64'));
}

describe('run-folder files', () => {
  it('the reader refuses every defect, naming the file and the place', async () => {
    await cp(good, work, { recursive: true });
    await fc.assert(
      fc.asyncProperty(defect, async (d) => {
        await d.apply(work);
        try {
          await tally.expectRefused(() => readAll(work), d.names, CliError);
        } finally {
          await restore(d.file);
        }
      }),
      { numRuns: 400 },
    );
    await readAll(work); // restored: reads again
  });

  it('end to end the command fails and the folder is left exactly as it was', async () => {
    await fc.assert(
      fc.asyncProperty(defect, fc.constantFrom('bundle', 'imp'), async (d, command) => {
        const dir = join(root, 'e2e');
        await rm(dir, { recursive: true, force: true });
        await cp(good, dir, { recursive: true });
        await d.apply(dir);
        const before = await snapshotDir(dir);
        // imp checks every file of a folder it would continue; a bundle holds no θ0, so bundle never reads it.
        const reads = command === 'imp' || !d.file.startsWith('theta0');
        if (!reads) return;
        const argv = command === 'bundle' ? ['bundle', '--run', dir, '--out', join(root, 'b.json')] : tinyImpArgs(dir);
        await tally.expectRefused(
          async () => {
            const r = await runCli(argv);
            if (r.code === 0) return undefined;
            throw new CliError(r.stderr);
          },
          /./,
          CliError,
        );
        expect(await snapshotDir(dir)).toEqual(before);
        expect(await snapshotDir(join(root, 'b.json'))).toEqual({});
      }),
      { numRuns: 80 },
    );
  });
});
