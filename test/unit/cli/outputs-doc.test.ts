/**
 * docs/OUTPUTS.md documents every column the lab writes, read from the code: rounds.csv and
 * generations.csv (ROUND_COLUMNS, GEN_COLUMNS, in order), and each registered analysis's CSV header and
 * JSON keys (the analysis runs on a tiny in-memory run, and once more against a second run where it
 * compares two, so both file variants are seen), plus the keys the CLI adds to every analysis JSON, and
 * the columns of a collected sweep's summary.csv. A column added without its line in the doc fails here,
 * and so does a documented column no file has any more. Also what the doc says of where generations.csv
 * keeps the shared round 1.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tinyImpArgs } from '../../helpers/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { GEN_COLUMNS, ROUND_COLUMNS } from '../../../src/core/runs/csv';
import { ANALYSIS_LIST, memorySource, runAnalysis, type ReportFile } from '../../../src/core/analysis/analyses';
import { outputMeta } from '../../../src/cli/analysis/analysis-command';
import { visionFixture } from '../analysis-run/fixtures';
import { chainRecords } from '../analysis-run/records';
import { getPreset } from '../../../src/core/runs/presets';
import { expandSweep } from '../../../src/core/sweep/expand';
import { parseSweepSpec } from '../../../src/core/sweep/sweep-spec';
import { summaryCsv } from '../../../src/cli/sweep/sweep-summary';

const doc = readFileSync(new URL('../../../docs/OUTPUTS.md', import.meta.url), 'utf8');

/** The part of the doc under the heading that contains `marker`, up to the next heading of its level or above. */
function section(marker: string): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => /^#+ /.test(l) && l.includes(marker));
  if (start < 0) throw new Error(`docs/OUTPUTS.md has no heading with ${marker}`);
  const level = /^#+/.exec(lines[start])![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The names in the first cell of the table whose header starts with `first` ("column" or "JSON key"). */
function documented(text: string, first: 'column' | 'JSON key'): string[] {
  const lines = text.split('\n');
  const head = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  if (head < 0) return [];
  const names: string[] = [];
  for (const l of lines.slice(head + 2)) {
    if (!l.startsWith('|')) break;
    const cell = /^\| `([^`]+)` \|/.exec(l);
    if (!cell) throw new Error(`docs/OUTPUTS.md: a "${first}" row without one \`name\` first: ${l.slice(0, 60)}`);
    names.push(cell[1]);
  }
  return names;
}

/** A documented name with "<d>" stands for a numbered family of columns (a_<d>: a_0, a_1, …). */
const matches = (docName: string, name: string) =>
  new RegExp(`^${docName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('<d>', '\\d+')}$`).test(name);

/** Every name of `written` is documented, and every documented name is written by some variant. */
function expectSame(kind: string, docNames: readonly string[], written: readonly string[]) {
  expect(
    written.filter((n) => !docNames.some((d) => matches(d, n))),
    `${kind} not in docs/OUTPUTS.md`,
  ).toEqual([]);
  expect(
    docNames.filter((d) => !written.some((n) => matches(d, n))),
    `${kind} documented but not written`,
  ).toEqual([]);
}

describe('docs/OUTPUTS.md: the run folder', () => {
  it('lists every rounds.csv column, in the file’s order', () => {
    expect(documented(section('`rounds.csv`'), 'column')).toEqual([...ROUND_COLUMNS]);
  });

  it('lists every generations.csv column, in the file’s order', () => {
    expect(documented(section('`generations.csv`'), 'column')).toEqual([...GEN_COLUMNS]);
  });

  it('says that generations.csv has round 1 under the first chain only, as a run writes it', async () => {
    expect(section('`generations.csv`')).toMatch(/\*\*Round 1 appears under the first chain only\.\*\*/);
    const dir = await mkdtemp(join(tmpdir(), 'lab-gens-'));
    try {
      const args = tinyImpArgs(dir);
      args[args.indexOf('--prune') + 1] = 'random_reinit,magnitude';
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(0);
      const rows = (await readFile(join(dir, 'generations.csv'), 'utf8')).trim().split('\n').slice(1);
      const chainsAt = (k: string) =>
        new Set(
          rows
            .map((l) => l.split(','))
            .filter((c) => c[2] === k)
            .map((c) => c[1]),
        );
      expect(chainsAt('1')).toEqual(new Set(['random_reinit']));
      expect(chainsAt('2')).toEqual(new Set(['random_reinit', 'magnitude']));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('docs/OUTPUTS.md: a sweep’s summary.csv', () => {
  it('lists every column, in the file’s order (<axis>: one per axis)', () => {
    const spec = parseSweepSpec({
      base: { preset: 'cartpole-reduced' },
      axes: { 'es.params.sigma_init': [0.1, 0.2] },
      seeds: [0, 1],
    });
    const plan = expandSweep(spec, (id) => getPreset(id).config);
    const rows = [0, 1].map((seed) => ({ seed, method: 'magnitude', roundNum: 1, sparsityFrac: 0, perf: 100 + seed }));
    const collected = [{ config: plan.configs[0], rows, seedsComplete: [0, 1], seedsPartial: [], folder: null }];
    const header = summaryCsv(plan, collected).split('\n')[0].split(',');
    const withAxis = header.map((c) => (plan.axes.includes(c) ? '<axis>' : c));
    expect(documented(section('`summary.csv`'), 'column')).toEqual(withAxis);
  });
});

describe('docs/OUTPUTS.md: the analysis outputs', () => {
  const fx = visionFixture();
  afterAll(() => fx.task.dispose());
  const parts = { ...fx, prune: { pruneFrac: 0.2, scope: 'global' as const } };
  const theta0 = () => new Float32Array(fx.net.paramCount);
  const runA = memorySource(
    'es',
    [...chainRecords(fx.net, 'magnitude', [0], 2), ...chainRecords(fx.net, 'snr', [0], 2)],
    theta0,
  );
  const runB = memorySource('gd', chainRecords(fx.net, 'gd_magnitude', [0], 2, 'none', 3), theta0);
  /** Small options so every analysis runs in well under a second. */
  const TINY: Record<string, Record<string, number>> = {
    lmc: { points: 3 },
    landscape: { directions: 2, points: 3 },
    correlation: { maxPoints: 10 },
  };

  it.each(ANALYSIS_LIST.map((d) => [d.id, d] as const))(
    'lab %s: every CSV column and JSON key of its files, one run and two',
    async (id, def) => {
      const request = { options: TINY[id] ?? {} };
      const files: ReportFile[] = [...def.report(await runAnalysis(def, parts, [runA], request)).files];
      if (def.select.compare) files.push(...def.report(await runAnalysis(def, parts, [runA, runB], request)).files);
      const text = section(`\`lab ${id}\``);
      expectSame(`lab ${id} columns`, documented(text, 'column'), [...new Set(files.flatMap((f) => f.header))]);
      expectSame(`lab ${id} JSON keys`, documented(text, 'JSON key'), [
        ...new Set(files.flatMap((f) => Object.keys(f.json))),
      ]);
    },
  );

  it('the keys the command line adds to every analysis JSON', () => {
    const selection = { runs: ['/a', '/b'], chains: ['magnitude'], chainB: 'gd_magnitude', seeds: [0], rounds: [1] };
    const keys = Object.keys(outputMeta(['lmc'], selection, { points: 3 }, 2000));
    expect(documented(section('every analysis JSON'), 'JSON key')).toEqual(keys);
  });
});
