/**
 * How the analysis commands write their files (src/cli/analysis/output.ts, analysis-command.ts;
 * docs/OUTPUTS.md §2): a rerun that replaces an output with other content says so on stderr, with what
 * the old file held and the command that made it; two different run-B folders of the same name (whose
 * comparisons share one file name) are named in that line; `--out-dir` writes elsewhere and refuses
 * another run's folder. Also the CLI's printed tables: a long header never runs into its neighbour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { networkOf } from '../../../src/core/runs/network-shape';
import { RunFolder } from '../../../src/cli/run-folder';
import { runAnalysis, snapshotDir } from '../../helpers/cli';
import {
  checkOutputs,
  markdownTable,
  rangesText,
  replacementNote,
  textTable,
  writeOutputs,
} from '../../../src/cli/analysis/output';
import { CliError } from '../../../src/cli/args';
import { summaryMarkdown } from '../../../src/cli/summarize-command';
import { chainRecords, roundRecordOf } from '../analysis-run/records';

describe('the tables the CLI prints', () => {
  const chains = ['gd_magnitude', 'gd_random_reinit', 'gd_transfer_snr'];

  it('textTable: each column as wide as its widest cell, two spaces apart, right-aligned', () => {
    const t = textTable(['round', 'remaining %', ...chains], [[1, '100.00', '0.9000', '0.8000', '']]);
    const [head, row] = t.split('\n');
    expect(head).toBe('round  remaining %  gd_magnitude  gd_random_reinit  gd_transfer_snr');
    expect(row).toBe('    1       100.00        0.9000            0.8000                 ');
    expect(row).toHaveLength(head.length);
  });

  it('markdown tables (summarize) keep every header cell apart', () => {
    expect(markdownTable(['round', ...chains], [[1, 'a', 'b', 'c']]).split('\n')[0]).toBe(
      '| round | gd_magnitude | gd_random_reinit | gd_transfer_snr |',
    );
    const rows = chains.flatMap((method) =>
      [0, 1].map((seed) => ({ seed, method, roundNum: 1, sparsityFrac: 0, perf: 0.5 })),
    );
    const md = summaryMarkdown(rows, 'gd_random_reinit');
    expect(md).toContain('| round | weights remaining % | gd_magnitude | gd_random_reinit | gd_transfer_snr |');
    expect(md).toContain(
      '| round | weights remaining % | gd_magnitude − gd_random_reinit | gd_transfer_snr − gd_random_reinit |',
    );
  });
});

describe('writing over an earlier output', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lab-outputs-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const table = (v: number) => ({ header: ['seed', 'value'], rows: [[0, v]] });
  const made = (chains: string[], seeds: number[], runs = ['/r/es'], command = 'npm run lab -- lmc --run /r/es') => ({
    command,
    selection: { runs, chains, seeds, rounds: [1, 2, 3] },
    options: { points: 15 },
  });

  it('rangesText: runs of three or more as ranges', () => {
    expect(rangesText([3, 0, 1, 2, 5, 7, 8])).toBe('0-3,5,7,8');
    expect(rangesText([])).toBe('');
  });

  it('says nothing for a new file or the same content, and names what a replaced file held', async () => {
    const first = await writeOutputs(dir, 'lmc', table(1), { ...made(['magnitude'], [0, 1]), points: 15 });
    expect(first.replaced).toBeNull();
    // The same numbers from another command line (e.g. flags in another order) lose nothing.
    const again = await writeOutputs(dir, 'lmc', table(1), {
      ...made(['magnitude'], [0, 1], ['/r/es'], 'npm run lab -- lmc --seeds 0,1 --run /r/es'),
      points: 15,
    });
    expect(again.replaced).toBeNull();
    const other = await writeOutputs(dir, 'lmc', table(2), { ...made(['snr'], [0, 1]), points: 15 });
    expect(other.replaced).toBe(
      `note: replaced ${join(dir, 'lmc')}.csv/json, which held chain magnitude, seeds 0,1, rounds 1-3 (now chain snr); ` +
        'to keep both, give one of the two commands --out-dir DIR (the old one came from: npm run lab -- lmc --seeds 0,1 --run /r/es)',
    );
    expect(await readFile(join(dir, 'lmc.csv'), 'utf8')).toBe('seed,value\n0,2\n');
  });

  it('an older file of the lab without a recorded selection is named by its command', async () => {
    await writeFile(join(dir, 'old.json'), JSON.stringify({ command: 'npm run lab -- weights --run x' }));
    const r = await writeOutputs(dir, 'old', table(1), made(['magnitude'], [0]));
    expect(r.replaced).toMatch(/whose selection is not known \(its JSON does not record it\)/);
    expect(r.replaced).toMatch(/the old one came from: npm run lab -- weights --run x\)$/);
  });

  it('a file the lab did not write (no JSON of the lab beside it) is refused, named, and left as it was', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['lone', { 'lone.csv': 'my table\n' }, 'lone.csv has no lone.json beside it, so the lab did not write it'],
      ['cut', { 'cut.json': '{"comm' }, 'cut.json is not a JSON object'],
      ['mine', { 'mine.csv': 'a\n', 'mine.json': '{"notes":1}' }, 'mine.json does not record the lab command'],
    ];
    for (const [name, files, why] of cases) {
      for (const [f, text] of Object.entries(files)) await writeFile(join(dir, f), text);
      const before = await snapshotDir(dir);
      const refused = writeOutputs(dir, name, table(1), made(['magnitude'], [0]));
      await expect(refused).rejects.toThrow(CliError);
      await expect(refused).rejects.toThrow(`${join(dir, why)}`);
      await expect(refused).rejects.toThrow(/move it elsewhere, or write the outputs to another folder with --out-dir/);
      expect(await snapshotDir(dir)).toEqual(before);
    }
    await mkdir(join(dir, 'folder.csv'));
    await expect(checkOutputs(dir, ['folder', 'lone'])).rejects.toThrow(
      `${join(dir, 'folder.csv')} is not a plain file; ${join(dir, 'lone.csv')} has no lone.json`,
    );
  });

  it('two run-B folders of the same name: the line names both', () => {
    const old = made(['magnitude'], [0], ['/r/es', '/a/g1']);
    const next = made(['magnitude'], [0], ['/r/es', '/b/g1']);
    const note = replacementNote('lmc-runs-g1.csv/json', old, next);
    expect(note).toContain(
      'which held runs /r/es vs /a/g1, chain magnitude, seed 0, rounds 1-3 (now runs /r/es vs /b/g1)',
    );
    expect(note).toContain('the two run-B folders are both named g1');
  });
});

describe('the analysis commands over run folders', () => {
  const base = getPreset('cartpole-reduced').config;
  const config = parseConfig({
    ...base,
    seeds: [0, 1],
    prune: { ...base.prune, methods: ['magnitude', 'snr'], rounds: 2 },
  });
  const net = networkOf(config);
  let root = '';
  const dirs = { es: '', b1: '', b2: '', other: '' };

  async function folder(dir: string, c: ExperimentConfig, records: ReturnType<typeof chainRecords>) {
    const f = new RunFolder(dir);
    await f.create(c, { runId: 'test' });
    for (const r of records) await f.appendRound(roundRecordOf(net, r));
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lab-outputs-runs-'));
    Object.assign(dirs, {
      es: join(root, 'es'),
      b1: join(root, 'a', 'g1'),
      b2: join(root, 'b', 'g1'),
      other: join(root, 'other'),
    });
    await folder(dirs.es, config, [
      ...chainRecords(net, 'magnitude', [0, 1], 2),
      ...chainRecords(net, 'snr', [0, 1], 2),
    ]);
    // Two run-B folders with the same name and different weights.
    await folder(dirs.b1, config, chainRecords(net, 'magnitude', [0, 1], 2, 'per-weight', 5));
    await folder(dirs.b2, config, chainRecords(net, 'magnitude', [0, 1], 2, 'per-weight', 9));
    await folder(dirs.other, config, chainRecords(net, 'magnitude', [0], 1));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** Runs `lab <command> args…` (with --quiet); returns what it wrote on stderr. */
  const lab = async (command: string, args: string[]) => (await runAnalysis(command, args)).stderr;

  it('rerun with another chain: one line on stderr says what the replaced file held', async () => {
    expect(await lab('weights', ['--run', dirs.es])).toBe('');
    expect(await lab('weights', ['--run', dirs.es])).toBe(''); // same numbers: nothing to say
    const err = await lab('weights', ['--run', dirs.es, '--method', 'snr', '--seeds', '0']);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(
      `note: replaced ${join(dirs.es, 'weights')}.csv/json, which held chain magnitude, seeds 0,1, rounds 1,2 (now chain snr, seed 0)`,
    );
    expect(err).toContain(`(the old one came from: npm run lab -- weights --run ${dirs.es})`);
    const json = JSON.parse(await readFile(join(dirs.es, 'weights.json'), 'utf8')) as Record<string, unknown>;
    expect(json.selection).toEqual({ runs: [dirs.es], chains: ['snr'], seeds: [0], rounds: [1, 2] });
    expect(json.options).toEqual({});
  });

  it('two different run-B folders of one name write one file; the line names both', async () => {
    expect(await lab('weights', ['--runs', `${dirs.es},${dirs.b1}`])).toBe('');
    const err = await lab('weights', ['--runs', `${dirs.es},${dirs.b2}`]);
    expect(err).toContain(`which held runs ${dirs.es} vs ${dirs.b1}`);
    expect(err).toContain(`(now runs ${dirs.es} vs ${dirs.b2})`);
    expect(err).toContain('the two run-B folders are both named g1');
  });

  it('a same-named file the user made is refused before anything is written, in --out-dir or the run folder', async () => {
    const mine = join(root, 'mine');
    await mkdir(mine, { recursive: true });
    await writeFile(join(mine, 'weights.csv'), "user's weights table\n");
    const before = await snapshotDir(mine);
    await expect(lab('weights', ['--run', dirs.es, '--out-dir', mine])).rejects.toThrow(
      `${join(mine, 'weights.csv')} has no weights.json beside it, so the lab did not write it: this command would replace it`,
    );
    expect(await snapshotDir(mine)).toEqual(before);
    // Refused before any work: a run whose round files are damaged is not even read.
    const damaged = join(root, 'damaged');
    await cp(dirs.es, damaged, { recursive: true });
    for (const f of await readdir(join(damaged, 'masks'))) await writeFile(join(damaged, 'masks', f), '');
    await expect(lab('weights', ['--run', damaged])).rejects.toThrow(/masks/); // what reading them says
    await expect(lab('weights', ['--run', damaged, '--out-dir', mine])).rejects.toThrow(/weights\.csv has no/);
    // Two runs: the file named after run B, in run A's folder (without the JSON an earlier test left there).
    await rm(join(dirs.es, 'weights-vs-g1.json'), { force: true });
    await writeFile(join(dirs.es, 'weights-vs-g1.csv'), 'mine\n');
    const esBefore = await snapshotDir(dirs.es);
    await expect(lab('weights', ['--runs', `${dirs.es},${dirs.b1}`])).rejects.toThrow(/weights-vs-g1\.csv has no/);
    expect(await snapshotDir(dirs.es)).toEqual(esBefore);
    await rm(join(dirs.es, 'weights-vs-g1.csv'));
  });

  it('--out-dir writes there and leaves the run folder’s file alone; another run’s folder is refused', async () => {
    const before = await readFile(join(dirs.es, 'weights.csv'), 'utf8');
    const out = join(root, 'analyses', 'magnitude');
    expect(await lab('weights', ['--run', dirs.es, '--out-dir', out])).toBe('');
    expect(await readFile(join(out, 'weights.csv'), 'utf8')).not.toBe(before);
    expect(await readFile(join(dirs.es, 'weights.csv'), 'utf8')).toBe(before);
    await expect(lab('weights', ['--run', dirs.es, '--out-dir', dirs.other])).rejects.toThrow(
      /--out-dir .* is the folder of another run/,
    );
    await mkdir(join(root, 'plain'), { recursive: true });
    await writeFile(join(root, 'plain', 'f'), '');
    await expect(lab('weights', ['--run', dirs.es, '--out-dir', join(root, 'plain', 'f')])).rejects.toThrow(
      /is a file, not a folder/,
    );
    // Run B's own folder is a run that was analysed: allowed.
    expect(await lab('weights', ['--runs', `${dirs.es},${dirs.b1}`, '--out-dir', dirs.b1])).toBe('');
  });
});
