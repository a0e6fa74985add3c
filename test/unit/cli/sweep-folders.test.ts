/**
 * What `lab sweep run|slurm|collect` do with what is already in a sweep folder (docs/SWEEPS.md):
 *   - run and slurm refuse, changing nothing, a folder that holds other files, a `lab imp` run folder, or
 *     the folder of another sweep (another name); a sweep that grew (same name, more seeds) is accepted,
 *     and a Slurm array task queued before it grew does not put the older sweep.json back;
 *   - collect merges a configuration again only when its runs changed; then every file put into the
 *     merged folder (analysis outputs, notes) is kept and named in a note with the seeds and rounds it
 *     was computed from; a merged folder holding rounds the runs no longer have is left as it is;
 *   - collect names the bundles it did not write (without --bundles: all of them), which may be stale;
 *   - collect replaces summary.csv and summary.md only while they are as it wrote them: a summary of the
 *     user's, or the lab's edited, is refused by name before any merge, the folder unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, snapshotDir, tinyImpArgs } from '../../helpers/cli';
import { writeTinySweep } from '../../helpers/tiny-sweep';
import { loadSweepFile } from '../../../src/cli/sweep/read-sweep';
import type { SweepPlan } from '../../../src/core/sweep/expand';

let tmp = '',
  file = '';
let plan: SweepPlan;

/** The tiny sweep with `edit` applied to its YAML text, as <tmp>/<name>/tiny.yaml. */
async function variant(name: string, edit: (yaml: string) => string): Promise<string> {
  await mkdir(join(tmp, name));
  const f = await writeTinySweep(join(tmp, name));
  await writeFile(f, edit(await readFile(f, 'utf8')));
  return f;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'lab-sweep-folders-'));
  file = await writeTinySweep(tmp);
  plan = (await loadSweepFile(file)).plan;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('sweep run --out: a folder that is not this sweep’s is refused unchanged', () => {
  it('a folder holding other files, and a lab imp run folder', async () => {
    const mine = join(tmp, 'mine');
    await mkdir(join(mine, 'sub'), { recursive: true });
    await writeFile(join(mine, 'notes.txt'), 'precious');
    const before = await snapshotDir(mine);
    const r = await runCli(['sweep', 'run', file, '--out', mine, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${mine} already holds files (notes.txt, sub) and is not a sweep folder (it has no sweep.json); choose another folder with --out DIR`,
    );
    const slurm = await runCli(['sweep', 'slurm', file, '--out', mine]);
    expect(slurm.code).toBe(2);
    expect(slurm.stderr).toMatch(/is not a sweep folder/);
    expect(await snapshotDir(mine)).toEqual(before);

    const imp = join(tmp, 'imp-run');
    expect((await runCli(tinyImpArgs(imp))).code).toBe(0);
    const run = await snapshotDir(imp);
    const r2 = await runCli(['sweep', 'run', file, '--out', imp, '--quiet']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/already holds files \(config\.json, .*\) and is not a sweep folder/);
    expect(await snapshotDir(imp)).toEqual(run);
  });

  it('another sweep’s folder is refused naming both sweeps; the same sweep grown by a seed is accepted', async () => {
    const dir = join(tmp, 'named');
    expect((await runCli(['sweep', 'run', file, '--out', dir, '--index', '0', '--quiet'])).code).toBe(0);
    const before = await snapshotDir(dir);
    const other = await variant('other', (y) => y.replace('name: tiny-cartpole', 'name: another'));
    const r = await runCli(['sweep', 'run', other, '--out', dir, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${dir} is the folder of sweep "tiny-cartpole" (its sweep.json), and ${other} is sweep "another"`,
    );
    expect((await runCli(['sweep', 'slurm', other, '--out', dir])).code).toBe(2);
    expect(await snapshotDir(dir)).toEqual(before);

    const grown = await variant('grown', (y) => y.replace('seeds: 0-1', 'seeds: 0-2'));
    const g = await runCli(['sweep', 'run', grown, '--out', dir, '--index', '0', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toMatch(/note: sweep tiny-cartpole changed since .*sweep\.json was written/);
    expect(g.stdout).toMatch(/1 run: 0 ran now, 1 already complete/);
    expect(JSON.parse(await readFile(join(dir, 'sweep.json'), 'utf8')).seeds).toEqual([0, 1, 2]);
  });

  it('a Slurm array task planned before the sweep grew leaves the grown sweep.json as it is', async () => {
    const dir = join(tmp, 'queued');
    expect((await runCli(['sweep', 'slurm', file, '--out', dir])).code).toBe(0);
    const copy = join(dir, 'slurm', plan.planId, 'sweep.json'); // the file the array tasks run
    const grown = await variant('grown-queued', (y) => y.replace('seeds: 0-1', 'seeds: 0-2'));
    expect((await runCli(['sweep', 'run', grown, '--out', dir, '--index', '0', '--quiet'])).code).toBe(0);
    const newer = await readFile(join(dir, 'sweep.json'), 'utf8');
    // What array task 0 runs once it leaves the queue (array.sbatch): its run is already complete.
    const task = await runCli(['sweep', 'run', copy, '--out', dir, '--index', '0', '--quiet']);
    expect(task.code, task.stderr).toBe(0);
    expect(await readFile(join(dir, 'sweep.json'), 'utf8')).toBe(newer);
    expect(JSON.parse(newer).seeds).toEqual([0, 1, 2]);
    expect(task.stderr).toContain(`note: ${join(dir, 'sweep.json')} changed since this job was planned`);
  });
});

/** Cuts a run folder back to its first round (as if it had been stopped there): both CSVs' later rows go. */
async function backToRound1(run: string): Promise<void> {
  for (const csv of ['rounds.csv', 'generations.csv']) {
    const [header, ...rows] = (await readFile(join(run, csv), 'utf8')).trim().split('\n');
    await writeFile(join(run, csv), [header, ...rows.filter((l) => l.split(',')[2] === '1')].join('\n') + '\n');
  }
}

describe('sweep collect again', () => {
  const dir = () => join(tmp, 'collect');
  const merged = () => join(dir(), 'configs', plan.configs[0].configId);

  it('keeps what was put into a merged folder, and says which seeds and rounds it came from', async () => {
    const seed1 = join(dir(), 'runs', plan.runs[1].runId);
    expect((await runCli(['sweep', 'run', file, '--out', dir(), '--index', '0-1', '--quiet'])).code).toBe(0);
    await backToRound1(seed1); // seed 1 is still running
    expect((await runCli(['sweep', 'collect', dir(), '--bundles'])).code).toBe(0);
    // What a user does there: an analysis (it writes into the run folder by default) and notes.
    await writeFile(join(merged(), 'lmc.csv'), 'seed,barrier\n0,0.1\n');
    await mkdir(join(merged(), 'plots'));
    await writeFile(join(merged(), 'plots', 'a.svg'), '<svg/>');
    await writeFile(join(merged(), 'masks', 'mine.txt'), 'a note among the masks');
    const user: Record<string, string> = {};
    for (const f of ['lmc.csv', 'plots/a.svg', 'masks/mine.txt']) user[f] = await readFile(join(merged(), f), 'utf8');

    // Nothing changed in the runs: the merged folder is left exactly as it is, without a note.
    const same = await snapshotDir(merged());
    const again = await runCli(['sweep', 'collect', dir()]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/merged again/);
    expect(await snapshotDir(merged())).toEqual(same);

    // Seed 1 finishes: merged again, the user's files kept and named with what they came from.
    expect((await runCli(['sweep', 'run', file, '--out', dir(), '--index', '1', '--quiet'])).code).toBe(0);
    const r = await runCli(['sweep', 'collect', dir()]);
    expect(r.code, r.stderr).toBe(0);
    for (const [f, text] of Object.entries(user)) expect(await readFile(join(merged(), f), 'utf8'), f).toBe(text);
    expect(await readFile(join(merged(), 'rounds.csv'), 'utf8')).toMatch(/\n1,magnitude,3,/);
    expect(r.stderr).toContain(
      `note: configs/${plan.configs[0].configId} was merged again (now seed 0: rounds 1–3; seed 1: rounds 1–3); ` +
        `kept lmc.csv, masks/mine.txt, plots/ from before: anything computed there was computed from the earlier merge ` +
        `(seed 0: rounds 1–3; seed 1: round 1) and may be out of date`,
    );
    // The bundle of the earlier collect holds seed 1's first round only: named, not silently left.
    expect(r.stderr).toContain(
      `note: ${join(dir(), 'bundles')} holds 1 bundle from an earlier collect (${plan.configs[0].configId}.json.gz), ` +
        `not refreshed now: they may not match summary.md — run lab sweep collect ${dir()} --bundles to refresh them`,
    );
  });

  it('a merged folder holding rounds the runs no longer have is left as it is', async () => {
    const kept = await snapshotDir(merged());
    await backToRound1(join(dir(), 'runs', plan.runs[1].runId)); // damaged, say, and cut back
    const r = await runCli(['sweep', 'collect', dir()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: configs/${plan.configs[0].configId} was left as it is, not merged again: it holds rounds the runs' ` +
        `folders no longer have (seed 1 magnitude round 2, `,
    );
    expect(await snapshotDir(merged())).toEqual(kept);
  });

  it('--bundles names bundles that are not of the sweep’s configurations now, and leaves them', async () => {
    await writeFile(join(dir(), 'bundles', 'ffffffffffffffff.json.gz'), 'not ours to delete');
    const r = await runCli(['sweep', 'collect', dir(), '--bundles']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/also holds 1 bundle this collect did not write \(ffffffffffffffff\.json\.gz\)/);
    expect(r.stderr).not.toMatch(/from an earlier collect/);
    expect(await readFile(join(dir(), 'bundles', 'ffffffffffffffff.json.gz'), 'utf8')).toBe('not ours to delete');
    await expect(stat(join(dir(), 'bundles', `${plan.configs[0].configId}.json.gz`))).resolves.toBeTruthy();
  });
});

describe('sweep collect: summaries that are not the lab’s', () => {
  const dir = () => join(tmp, 'summaries');
  const paths = () => ({ csv: join(dir(), 'summary.csv'), md: join(dir(), 'summary.md') });

  /** Collects, expecting a refusal naming `why` (a path and its reason) that changed nothing. */
  async function refused(why: string): Promise<void> {
    const before = await snapshotDir(dir());
    const r = await runCli(['sweep', 'collect', dir()]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(why);
    expect(r.stderr).toMatch(/move (it|them) elsewhere, then run lab sweep collect again/);
    expect(await snapshotDir(dir())).toEqual(before);
  }

  beforeAll(async () => {
    expect((await runCli(['sweep', 'run', file, '--out', dir(), '--index', '0-1', '--quiet'])).code).toBe(0);
  });

  it('a summary the user wrote is refused before any merge; the lab’s own is replaced', async () => {
    await writeFile(paths().md, '# My own notes on this sweep\n');
    await refused(
      `${paths().md} does not end with the line lab sweep collect ends its summary with (you wrote it, or a version of the lab before that line existed did): this command`,
    );
    await expect(stat(join(dir(), 'configs'))).rejects.toThrow(); // nothing merged

    await rm(paths().md);
    await writeFile(paths().csv, 'my,table\n1,2\n');
    await refused(`${paths().csv} has no summary.md beside it, whose last line records what lab sweep collect wrote`);

    await rm(paths().csv);
    const first = await runCli(['sweep', 'collect', dir()]);
    expect(first.code, first.stderr).toBe(0);
    const md = await readFile(paths().md, 'utf8');
    expect(md).toMatch(/\n<!-- written by lab sweep collect, .* -->\n$/);
    expect(first.stdout).not.toContain('<!--'); // the closing line is the file's, not the printed table's
    const again = await runCli(['sweep', 'collect', dir()]);
    expect(again.code, again.stderr).toBe(0);
    expect(await readFile(paths().md, 'utf8')).toBe(md);
  });

  it('the lab’s summary edited by the user is refused, either file', async () => {
    for (const f of Object.values(paths())) await rm(f, { force: true });
    expect((await runCli(['sweep', 'collect', dir()])).code).toBe(0);
    const [md, csv] = [await readFile(paths().md, 'utf8'), await readFile(paths().csv, 'utf8')];
    await writeFile(paths().md, md.replace('# Sweep tiny-cartpole', '# Sweep tiny-cartpole (σ looks too small)'));
    await refused(`${paths().md} was changed since lab sweep collect wrote it`);
    await writeFile(paths().md, md + 'My conclusions.\n');
    await refused(`${paths().md} does not end with the line lab sweep collect ends its summary with`);
    await writeFile(paths().md, md);
    await writeFile(paths().csv, csv + '9,extra,row\n');
    await refused(`${paths().csv} was changed since lab sweep collect wrote it`);
    await writeFile(paths().csv, csv);
    expect((await runCli(['sweep', 'collect', dir()])).code).toBe(0);
  });
});
