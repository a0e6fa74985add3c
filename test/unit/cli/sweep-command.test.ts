/**
 * `lab sweep plan|run|collect|slurm` on the tiny CartPole sweep (4 runs of seconds each), in process:
 *   - a sweep run's folder holds exactly what `lab imp` writes for the same config and seed (same files,
 *     same bytes, same rows up to wall-clock columns);
 *   - a second `sweep run` skips complete runs without touching them; --index runs one run;
 *   - collect's summary equals the mean/s.d. computed by hand from the runs' rounds.csv, works on partial
 *     results, and its bundles import in the app's importer labelled with their configuration;
 *   - the Slurm scripts cover only unfinished runs, evaluate on --cpus-per-task threads, chain the
 *     collect job with afterok, and refuse option values that are not Slurm syntax;
 *   - a run locked by a live process is left to it; a lock left by a dead process is taken over.
 * The same sweep on a real Slurm is test/unit/cli/sweep-slurm.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tinyImpArgs, withoutTimings } from '../../helpers/cli';
import { writeTinySweep } from '../../helpers/tiny-sweep';
import { loadSweepFile } from '../../../src/cli/sweep/read-sweep';
import { importBundle } from '../../../src/core/runs/bundle';
import { arraySpec } from '../../../src/cli/sweep/slurm-command';
import type { SweepPlan } from '../../../src/core/sweep/expand';

let tmp = '',
  file = '',
  out = '';
let plan: SweepPlan;

async function filesUnder(dir: string): Promise<string[]> {
  const list: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) list.push(join(e.parentPath, e.name).slice(dir.length + 1));
  return list.sort();
}

/** A CSV's rows as fields (its values are plain numbers and ids: no quoting). */
async function csvRows(path: string): Promise<string[][]> {
  return (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'lab-sweep-'));
  file = await writeTinySweep(tmp);
  out = join(tmp, 'sweep');
  plan = (await loadSweepFile(file)).plan;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('lab sweep', () => {
  it('plan lists every run with its run id and an estimate', async () => {
    const r = await runCli(['sweep', 'plan', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sweep tiny-cartpole: 2 configurations × 2 seeds = 4 runs/);
    for (const run of plan.runs) expect(r.stdout).toContain(run.runId);
    expect(r.stdout).toMatch(/from control.json CartPole-v1/);
  });

  it('--index runs only the runs it names', async () => {
    const r = await runCli(['sweep', 'run', file, '--out', out, '--index', '1', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(join(out, 'runs'))).toEqual([plan.runs[1].runId]);
  });

  it('collect works on partial results', async () => {
    const r = await runCli(['sweep', 'collect', out]);
    expect(r.code, r.stderr).toBe(0);
    const md = await readFile(join(out, 'summary.md'), 'utf8');
    expect(md).toMatch(/1 complete, 0 partly run, 3 not started/);
    expect(md).toMatch(/\| es.params.sigma_init=0.1 \| 1\/2 \|/);
    expect(md).toMatch(new RegExp(`run folder: \`runs/${plan.runs[1].runId}\``));
  });

  it('run writes one lab imp run folder per run, and skips complete runs', async () => {
    const r = await runCli(['sweep', 'run', file, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4 runs: 3 ran now, 1 already complete/);
    expect((await readdir(join(out, 'runs'))).sort()).toEqual(plan.runs.map((x) => x.runId).sort());
    const before = await stat(join(out, 'runs', plan.runs[0].runId, 'rounds.csv'));
    const again = await runCli(['sweep', 'run', file, '--out', out, '--quiet']);
    expect(again.stdout).toMatch(/4 runs: 0 ran now, 4 already complete/);
    expect((await stat(join(out, 'runs', plan.runs[0].runId, 'rounds.csv'))).mtimeMs).toBe(before.mtimeMs);
  });

  it("a sweep run's folder is exactly what lab imp writes for its config and seed", async () => {
    const imp = join(tmp, 'imp');
    // The tiny CartPole run of the other CLI tests, set to the sweep's first configuration and seed.
    const r = await runCli([...tinyImpArgs(imp), '--centered-rank', 'false', '--es.sigma_init', '0.1', '--seed', '0']);
    expect(r.code, r.stderr).toBe(0);
    const sweepRun = join(out, 'runs', plan.runs[0].runId);
    const impMeta = JSON.parse(await readFile(join(imp, 'config.json'), 'utf8'));
    const runMeta = JSON.parse(await readFile(join(sweepRun, 'config.json'), 'utf8'));
    expect(impMeta.runId).toBe(plan.runs[0].runId);
    expect({ ...runMeta, command: '', createdAt: '' }).toEqual({ ...impMeta, command: '', createdAt: '' });
    expect(runMeta.command).toBe(`npm run lab -- sweep run ${file} --out ${out} --index 0`);
    const files = await filesUnder(imp);
    expect(await filesUnder(sweepRun)).toEqual(files);
    for (const f of files.filter((x) => x.endsWith('.bin') || x.endsWith('.f32')))
      expect(await readFile(join(sweepRun, f)), f).toEqual(await readFile(join(imp, f)));
    for (const csv of ['rounds.csv', 'generations.csv'])
      expect(withoutTimings(await readFile(join(sweepRun, csv), 'utf8')), csv).toBe(
        withoutTimings(await readFile(join(imp, csv), 'utf8')),
      );
  });

  it("collect's summary is the mean and s.d. over seeds of the runs' rounds.csv, and its bundles import", async () => {
    const r = await runCli(['sweep', 'collect', out, '--bundles']);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = (await readFile(join(out, 'summary.csv'), 'utf8')).trim().split('\n');
    expect(header).toBe(
      'config_index,config_id,configuration,es.params.sigma_init,method,round,remaining_pct,seeds,mean,sd,se,per_seed',
    );
    expect(rows).toHaveLength(2 * 2 * 3); // configurations × methods × rounds
    for (const c of plan.configs) {
      const perSeed = await Promise.all(
        plan.runs
          .filter((x) => x.configIndex === c.index)
          .map((x) => csvRows(join(out, 'runs', x.runId, 'rounds.csv'))),
      );
      for (const method of ['magnitude', 'random_reinit'])
        for (const round of [1, 2, 3]) {
          const v = perSeed.map((rs) => Number(rs.find((f) => f[1] === method && f[2] === String(round))![7]));
          const mean = (v[0] + v[1]) / 2,
            sd = Math.abs(v[0] - v[1]) / Math.SQRT2;
          const row = rows.find((l) => l.startsWith(`${c.index},${c.configId},`) && l.includes(`,${method},${round},`));
          const f = row!.split(',');
          expect(f[3]).toBe(String(c.config.es.params.sigma_init));
          expect(Number(f[7])).toBe(2);
          expect(Number(f[8])).toBeCloseTo(mean, 5);
          expect(Number(f[9])).toBeCloseTo(sd, 5);
        }
      const bundle = importBundle(new Uint8Array(await readFile(join(out, 'bundles', `${c.configId}.json.gz`))));
      if (!bundle.ok) throw new Error(bundle.message);
      expect(bundle.bundle.runId).toBe(c.configId);
      expect(bundle.bundle.label).toBe(`tiny-cartpole: ${c.label}`);
      expect(bundle.bundle.config.seeds).toEqual([0, 1]);
      expect(bundle.bundle.records).toHaveLength(2 * 2 * 3);
    }
    const merged = JSON.parse(await readFile(join(out, 'configs', plan.configs[0].configId, 'config.json'), 'utf8'));
    expect(merged.runId).toBe(plan.configs[0].configId);
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toMatch(/4 complete, 0 partly run, 0 not started/);
  });

  it('a sweep file that gains a seed finds the finished runs again (plan --out shows their status)', async () => {
    const more = join(tmp, 'more');
    await mkdir(more);
    const bigger = await writeTinySweep(more);
    await writeFile(bigger, (await readFile(bigger, 'utf8')).replace('seeds: 0-1', 'seeds: 0-2'));
    const r = await runCli(['sweep', 'plan', bigger, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 configurations × 3 seeds = 6 runs/);
    const status = (runId: string) => new RegExp(`${runId} .* (complete|not started) `).exec(r.stdout)?.[1];
    for (const run of plan.runs) expect(status(run.runId), run.runId).toBe('complete');
    expect(r.stdout.match(/not started/g)).toHaveLength(2);
  });

  it('errors name the file, the field or the flag, and nothing is written', async () => {
    const bad = join(tmp, 'bad.yaml');
    await writeFile(bad, 'base:\n  preset: cartpole-reduced\naxes:\n  es.popsize: [8, 16]\nseeds: [0]\n');
    const r = await runCli(['sweep', 'run', bad, '--out', join(tmp, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /bad.yaml is not a valid sweep:\n {2}axes\["es.popsize"\]: "popsize" is not a field of es/,
    );
    await writeFile(bad, 'base: [unclosed\n');
    expect((await runCli(['sweep', 'plan', bad])).stderr).toMatch(/bad.yaml: not valid YAML/);
    await writeFile(bad, 'base:\n  preset: x\n bad indent: 1\n');
    expect((await runCli(['sweep', 'plan', bad])).stderr).toMatch(/not valid YAML: .*line 3, column \d+\n?$/);
    expect((await runCli(['sweep', 'run', file])).stderr).toMatch(/needs --out DIR/);
    expect((await runCli(['sweep', 'run', file, '--out', out, '--index', '4'])).stderr).toMatch(
      /--index 4 is past the last run \(this sweep has runs 0–3/,
    );
    expect((await runCli(['sweep', 'run', file, '--out', out, '--bogus', '1'])).stderr).toMatch(/unknown flag --bogus/);
    expect((await runCli(['sweep', 'frobnicate', file])).stderr).toMatch(/unknown sweep command "frobnicate"/);
    await expect(stat(join(tmp, 'never'))).rejects.toThrow();
  });
});

describe('lab sweep slurm', () => {
  it('writes a job array of the unfinished runs and a collect job after them', async () => {
    const dir = join(tmp, 'slurm-sweep');
    // Run 2 first, so the array leaves it out.
    expect((await runCli(['sweep', 'run', file, '--out', dir, '--index', '2', '--quiet'])).code).toBe(0);
    const r = await runCli(
      // prettier-ignore
      ['sweep', 'slurm', file, '--out', dir, '--partition', 'short', '--time', '1:00:00', '--cpus-per-task', '2',
       '--mem', '2G', '--max-parallel', '2', '--bundles'],
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 of 4 runs to do/);
    const scripts = join(dir, 'slurm', plan.planId);
    const array = await readFile(join(scripts, 'array.sbatch'), 'utf8');
    expect(array).toContain('#SBATCH --array=0-1,3%2');
    expect(array).toContain('#SBATCH --partition=short');
    expect(array).toContain('#SBATCH --time=1:00:00');
    expect(array).toContain('#SBATCH --cpus-per-task=2');
    expect(array).toContain('#SBATCH --mem=2G');
    expect(array).toContain(`sweep run ${join(scripts, 'sweep.json')} --out ${dir} --index "$SLURM_ARRAY_TASK_ID"`);
    expect(array).toMatch(/--index "\$SLURM_ARRAY_TASK_ID" --quiet --workers 2\n/); // the task's CPUs
    expect(await readFile(join(scripts, 'collect.sbatch'), 'utf8')).toContain(`sweep collect ${dir} --bundles`);
    expect(await readFile(join(scripts, 'submit.sh'), 'utf8')).toContain('--dependency=afterok:"$array"');
    // The frozen sweep file expands to the same plan.
    expect((await loadSweepFile(join(scripts, 'sweep.json'))).plan.planId).toBe(plan.planId);
    // bash can parse all three scripts.
    for (const s of ['array.sbatch', 'collect.sbatch', 'submit.sh'])
      expect(spawnSync('bash', ['-n', join(scripts, s)]).status, s).toBe(0);
  });

  it('refuses option values that are not Slurm syntax', async () => {
    const r = await runCli(['sweep', 'slurm', file, '--out', join(tmp, 'x'), '--time', '1h; rm -rf ~']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--time "1h; rm -rf ~" is not a Slurm time/);
  });

  it('compresses array indices into ranges', () => {
    expect(arraySpec([0, 1, 2, 5, 7, 8])).toBe('0-2,5,7-8');
    expect(arraySpec([4])).toBe('4');
  });
});

describe('run locks', () => {
  it('a run locked by a live process is left to it; a dead process’s lock is taken over', async () => {
    const dir = join(tmp, 'locks');
    const run = plan.runs[3];
    const lock = join(dir, 'runs', run.runId, '.lab-lock');
    await mkdir(join(dir, 'runs', run.runId), { recursive: true });
    await copyFile(join(out, 'sweep.json'), join(dir, 'sweep.json')); // a sweep folder, as sweep run requires
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(lock, JSON.stringify({ pid: sleeper.pid, host: hostname() }));
      const held = await runCli(['sweep', 'run', file, '--out', dir, '--index', '3', '--quiet']);
      expect(held.code).toBe(1); // with --index: a run it did not finish is a failed task
      expect(held.stderr).toMatch(new RegExp(`left to .*pid ${sleeper.pid}`));
      expect(held.stderr).toMatch(/1 of the runs --index picked is being run by another process/);
      expect(held.stdout).toMatch(/being run by another process/);
      expect(await readFile(lock, 'utf8')).toContain(String(sleeper.pid)); // not taken
    } finally {
      sleeper.kill();
    }
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    await writeFile(lock, JSON.stringify({ pid: Number(dead), host: hostname() }));
    const taken = await runCli(['sweep', 'run', file, '--out', dir, '--index', '3', '--quiet']);
    expect(taken.stdout, taken.stderr).toMatch(/1 run: 1 ran now/);
    await expect(stat(lock)).rejects.toThrow(); // released
  });
});
