/**
 * Two more ways a sweep file's setting used to be lost without a word: base.config.seeds, which the
 * top-level seeds replaced, and a key given twice in one object, of which a JSON file kept the last (and
 * a YAML file was refused without naming the key). Both are refused now, naming the key and its place.
 * The sweep.json files the lab wrote before this (the preset's seeds in base.config) still read as the
 * runs they were written for, where the lab reads its own files (SweepDir.keeps).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSweepContent, parseSweepText } from '../../../src/cli/sweep/read-sweep';
import { recordSweep } from '../../../src/cli/sweep/sweep-folder';
import { SweepDir } from '../../../src/cli/sweep/sweep-dir';
import { CliError } from '../../../src/cli/args';
import { getPreset } from '../../../src/core/runs/presets';
import { runCli } from '../../helpers/cli';
import { sweepRefusal } from '../../helpers/refusals';

const base = { preset: 'cartpole-reduced' }; // its own seeds: [0, 1, 2]

const refusal = sweepRefusal;

/** The CliError a sweep file's text gives when it is read. */
function textRefusal(text: string, file: string): string {
  try {
    parseSweepText(text, file);
  } catch (e) {
    if (e instanceof CliError) return e.message;
    throw e;
  }
  throw new Error('accepted');
}

let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'lab-sweep-seeds-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('base.config.seeds next to the top-level seeds', () => {
  it('other seeds are refused, naming both lists', () => {
    expect(refusal({ base: { ...base, config: { seeds: [0, 1, 2] } }, seeds: [0, 1] })).toEqual([
      'base.config.seeds: [0,1,2] differs from the top-level seeds [0, 1], and the runs take their seeds from the top-level "seeds" alone: remove this key, or give the same seeds in both',
    ]);
    expect(refusal({ base: { ...base, config: { seeds: '0-2' } }, seeds: '0-1' })[0]).toMatch(
      /^base\.config\.seeds: "0-2" differs from the top-level seeds \[0, 1\]/,
    );
  });

  it('the same seeds (in any order) are accepted, and so are a preset’s own seeds', () => {
    const same = loadSweepContent({ base: { ...base, config: { seeds: [1, 0] } }, seeds: '0-1' }, 'ok.yaml');
    expect(same.plan.runs.map((r) => r.seed)).toEqual([0, 1]);
    expect(getPreset('cartpole-reduced').config.seeds).toEqual([0, 1, 2]);
    const preset = loadSweepContent({ base, seeds: [5] }, 'ok.yaml');
    expect(preset.plan.runs.map((r) => r.seed)).toEqual([5]);
    // sweep.json keeps no seeds in base.config (the top-level ones are the runs'), so it reads anywhere.
    expect('seeds' in (preset.spec.base.config ?? {})).toBe(false);
    expect(loadSweepContent(JSON.parse(JSON.stringify(preset.spec)), 'copy.json').plan.planId).toBe(preset.plan.planId);
  });

  it('a sweep.json written before the check (the preset’s seeds in base.config) reads as stored data', async () => {
    const fresh = loadSweepContent({ base, axes: { 'prune.rounds': [2, 3] }, seeds: [0, 1] }, 'ok.yaml');
    const old = { ...fresh.spec, base: { config: { ...fresh.spec.base.config, seeds: [0, 1, 2] } } };
    expect(refusal(old)[0]).toMatch(/^base\.config\.seeds: \[0,1,2\] differs from the top-level seeds \[0, 1\]/);
    expect(loadSweepContent(old, 'sweep.json', { stored: true }).plan.planId).toBe(fresh.plan.planId);

    // Where the lab reads its own files: the sweep folder's sweep.json and the Slurm folders' copies.
    const dir = new SweepDir(join(tmp, 'old'));
    await mkdir(dir.slurmDir(fresh.plan.planId), { recursive: true });
    expect(dir.keeps(dir.specPath)).toBe(true);
    expect(dir.keeps(join(dir.slurmDir(fresh.plan.planId), 'sweep.json'))).toBe(true);
    expect(dir.keeps(join(tmp, 'sweep.json'))).toBe(false);
    await writeFile(dir.specPath, JSON.stringify(old, null, 2));
    const plan = await runCli(['sweep', 'plan', dir.specPath, '--out', dir.root]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/2 configurations × 2 seeds = 4 runs/);

    // Recording the same sweep again keeps the old file, without saying it described another sweep.
    const text = await readFile(dir.specPath, 'utf8');
    const out = await runCli(['sweep', 'plan', dir.specPath]); // a user's file: refused, naming the key
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/base\.config\.seeds: \[0,1,2\] differs from the top-level seeds/);
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await recordSweep(dir, fresh);
      expect(said).not.toHaveBeenCalled();
    } finally {
      said.mockRestore();
    }
    expect(await readFile(dir.specPath, 'utf8')).toBe(text);
  });
});

describe('a key given twice in one object', () => {
  it('JSON (which kept the last one) and YAML (which did not name it) are refused alike', () => {
    const head = '{"name":"a","base":{"preset":"cartpole-reduced","config":{"prune.rounds":3,\n"prune.rounds":4}},';
    expect(textRefusal(`${head}"seeds":[0]}`, 's.json')).toBe(
      's.json: the key "prune.rounds" is given twice in base.config (again on line 2): give each key once',
    );
    expect(
      textRefusal(
        'name: a\nbase:\n  preset: cartpole-reduced\n  config:\n    prune.rounds: 3\n    prune.rounds: 4\n',
        's.yaml',
      ),
    ).toBe('s.yaml: the key "prune.rounds" is given twice in base.config (again on line 6): give each key once');
  });

  it('at the top level, inside an axis value, and with keys that differ only in how they are written', () => {
    expect(textRefusal('{"seeds":[0],\n"base":{},\n"seeds":[1]}', 's.json')).toBe(
      's.json: the key "seeds" is given twice at the top level (again on line 3): give each key once',
    );
    expect(textRefusal('{"axes":{"es":[{"id":"snes"},{"id":"pgpe","i\\u0064":"x"}]}}', 's.json')).toMatch(
      /the key "id" is given twice in axes\.es\[1\] \(again on line 1\)/,
    );
    expect(textRefusal('axes:\n  es:\n    - {id: snes, id: pgpe}\n', 's.yaml')).toMatch(
      /the key "id" is given twice in axes\.es\[0\] \(again on line 3\)/,
    );
    // YAML reads 1 and "1" as two keys, the JavaScript object keeps one of them.
    expect(textRefusal('axes:\n  1: [1]\n  "1": [2]\n', 's.yaml')).toMatch(/the key "1" is given twice in axes/);
  });

  it('keys that only look alike are fine; syntax errors keep their own messages', () => {
    expect(parseSweepText('{"a":{"x":1},"b":{"x":1},"c":["x","x"],"d":"x\\"x"}', 's.json')).toEqual({
      a: { x: 1 },
      b: { x: 1 },
      c: ['x', 'x'],
      d: 'x"x',
    });
    expect(textRefusal('{"a":1', 's.json')).toMatch(/^s\.json: not valid JSON: /);
    expect(textRefusal('a: [1\n', 's.yaml')).toMatch(/^s\.yaml: not valid YAML: /);
  });
});
