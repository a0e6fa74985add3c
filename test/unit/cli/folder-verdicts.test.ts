/**
 * What `lab imp` says about an existing folder before it trains (src/cli/run-state.ts): a folder whose
 * generations.csv is cut mid-row, or whose rounds.csv skips a round, is damaged — not "this finished run,
 * nothing to do" — and named like `lab bundle` names it; a config.json that holds no run config is called
 * that, not "a different run (run id undefined)"; and a folder of another run is refused naming the
 * settings that differ. In every case the folder is left exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, snapshotDir, tinyImpArgs } from '../../helpers/cli';
import { describeDifferences, differingPaths } from '../../../src/cli/config-diff';

let root = '';
let run = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-verdicts-'));
  run = join(root, 'run');
  const r = await runCli(tinyImpArgs(run));
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function copyOfRun(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(root, name);
  await cp(run, dir, { recursive: true });
  await edit(dir);
  return dir;
}

/** `lab imp` (by default with the run's own settings) on `dir`: it must fail and change nothing; returns stderr. */
async function impRefuses(dir: string, argv = tinyImpArgs(dir)): Promise<string> {
  const before = await snapshotDir(dir);
  const r = await runCli(argv);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toContain('nothing to do');
  expect(await snapshotDir(dir)).toEqual(before);
  return r.stderr;
}

describe('lab imp on a damaged folder of its own run', () => {
  it('generations.csv cut in the middle of a line: damaged, with the line bundle names', async () => {
    const dir = await copyOfRun('cut-gens', async (d) => {
      const path = join(d, 'generations.csv');
      const text = await readFile(path, 'utf8');
      const lines = text.split('\n');
      // Truncated inside line 5 (a finished round's row): everything after it is gone.
      await writeFile(path, lines.slice(0, 4).join('\n') + '\n' + lines[4].slice(0, 9));
    });
    const msg = await impRefuses(dir);
    expect(msg).toMatch(/is damaged \(.*generations\.csv line 5: has \d fields, the header has 8/);
    const bundle = await runCli(['bundle', '--run', dir, '--out', join(root, 'cut.json')]);
    expect(bundle.code).toBe(1);
    expect(bundle.stderr).toMatch(/generations\.csv line 5: has \d fields/);
  });

  it('rounds.csv without a middle round: damaged, as bundle says (imp used to continue it)', async () => {
    const dir = await copyOfRun('gap', async (d) => {
      const path = join(d, 'rounds.csv');
      const rows = (await readFile(path, 'utf8')).split('\n');
      await writeFile(path, rows.filter((r) => !r.startsWith('0,magnitude,2,')).join('\n'));
    });
    expect(await impRefuses(dir)).toMatch(
      /is damaged \(.*rounds\.csv: seed 0 magnitude round 3 is there without round 2\)/,
    );
  });

  it('a round whose sparsity is not the schedule’s: damaged, naming the line', async () => {
    const dir = await copyOfRun('sparsity', async (d) => {
      const path = join(d, 'rounds.csv');
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.replace(/^(0,random_reinit,3,)[^,]*/m, '$10.300000'));
    });
    expect(await impRefuses(dir)).toMatch(
      /rounds\.csv line \d: round 3 has sparsity 0\.3, the config's schedule gives 0\.75/,
    );
  });
});

describe('lab imp on a folder that holds no run config, or another run', () => {
  it('config.json holding {}: not a valid run config (it said "a different run (run id undefined)")', async () => {
    const dir = await copyOfRun('empty-config', (d) => writeFile(join(d, 'config.json'), '{}'));
    const msg = await impRefuses(dir);
    expect(msg).toContain('config.json is not a valid run config (it has no "config" field)');
    expect(msg).not.toContain('undefined');
    const nullConfig = await copyOfRun('bad-config', (d) =>
      writeFile(join(d, 'config.json'), JSON.stringify({ runId: 'x', config: { task: 1 } })),
    );
    expect(await impRefuses(nullConfig)).toMatch(/config\.json is not a valid run config \(config\.task: /);
  });

  it('a folder of another run: names the settings that differ', async () => {
    const dir = await copyOfRun('other', async () => undefined);
    const msg = await impRefuses(dir, [...tinyImpArgs(dir, 5), '--seed', '3']);
    expect(msg).toContain('holds a different run');
    expect(msg).toContain(
      'it differs in budget.generationsPerRound: 4 in the folder, 5 here; seeds: [0] in the folder, [3] here',
    );
  });
});

describe('the settings diff', () => {
  it('walks objects, compares arrays whole, and says how many more differ', () => {
    const a = { es: { id: 'snes', params: { sigma: 0.1 } }, seeds: [0, 1], x: 1, y: 1, z: 1 };
    const b = { es: { id: 'snes', params: { sigma: 0.2, extra: true } }, seeds: [0], x: 2, y: 2, z: 1 };
    expect(differingPaths(a, b)).toEqual(['es.params.extra', 'es.params.sigma', 'seeds', 'x', 'y']);
    expect(differingPaths(a, a)).toEqual([]);
    expect(describeDifferences(a, b)).toBe(
      'es.params.extra: not set in the folder, true here; es.params.sigma: 0.1 in the folder, 0.2 here; seeds: [0,1] in the folder, [0] here; and 2 more',
    );
    expect(describeDifferences(a, a)).toBe('');
  });
});
