/**
 * `lab tour-evidence` with the sections read from run folders: ES and GD curves tagged with how each run
 * was trained (a `lab gd` run's config.json gives its epochs per round), weight and correlation tables, and
 * a task's ticket effect with its untrained result from generations.csv. Small folders are written here;
 * the output must load in the tour, and a recipe the runs cannot satisfy is refused before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { parseTourAnalysis } from '../../../src/core/tour/analysis-file';
import { tourEvidenceCommand } from '../../../src/cli/tour-evidence-command';

const config = parseConfig(getPreset('mnist-quick').config);
const ROUNDS = 'seed,method,round,sparsity,remaining_pct,prunable_active,es_dim,final_perf';
let dir: string;

async function folder(name: string, meta: Record<string, unknown>, rounds: string[], gens: string[] = []) {
  const d = join(dir, name);
  await mkdir(d, { recursive: true });
  await writeFile(join(d, 'config.json'), JSON.stringify({ ...meta, config }));
  await writeFile(join(d, 'rounds.csv'), [ROUNDS, ...rounds].join('\n') + '\n');
  await writeFile(join(d, 'generations.csv'), ['seed,method,round,gen,test_perf', ...gens].join('\n') + '\n');
  return d;
}

async function run(recipe: Record<string, unknown>, out: string) {
  const path = join(dir, `recipe-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify({ title: 't', metric: 'accuracy', commands: ['c'], ...recipe }));
  await tourEvidenceCommand(
    new Map([
      ['recipe', path],
      ['out', out],
    ]),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-tour-evidence-'));
  await folder(
    'es',
    { runId: 'x' },
    [
      '0,magnitude,1,0.000000,100.000,6592,6634,0.873300',
      '0,random_reinit,1,0.000000,100.000,6592,6634,0.873300',
      '0,magnitude,12,0.914101,8.590,566,608,0.858100',
      '0,random_reinit,12,0.914101,8.590,566,608,0.689100',
    ],
    ['0,magnitude,1,1,0.112200', '0,magnitude,1,50,0.8'],
  );
  await folder('gd', { runId: 'gd-x', kind: 'gd', gd: { epochs: 10 } }, [
    '0,gd_magnitude,1,0.000000,100.000,6592,6634,0.942100',
    '0,gd_magnitude,12,0.914101,8.590,566,608,0.924000',
  ]);
  await writeFile(
    join(dir, 'weights.csv'),
    [
      'run,method,seed,round,sparsity,layer,layer_remaining_frac,mean_abs_w,mean_w',
      'es,magnitude,0,1,0.0000,Dense_0,1.0000,0.247221,-0.004231',
      'gd,gd_magnitude,0,1,0.0000,Dense_0,1.0000,0.086409,-0.014093',
    ].join('\n') + '\n',
  );
  await writeFile(
    join(dir, 'correlation.csv'),
    [
      'method,seed,round,sparsity,layer,n,pearson,spearman,next_sparsity,agree_frac,survivor_iou,sigma',
      'magnitude,0,1,0.0000,Dense_0,6272,0.9630,0.9801,0.2000,0.9723,0.9658,per-weight',
    ].join('\n') + '\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lab tour-evidence: sections from run folders', () => {
  it('writes curves tagged by trainer, weights, correlation and a task effect that the tour loads', async () => {
    const out = join(dir, 'a.analysis.json');
    await run(
      {
        curves: [{ runs: [join(dir, 'es')], chains: ['magnitude'] }, { runs: [join(dir, 'gd')] }],
        weights: [{ csv: join(dir, 'weights.csv'), gdRun: join(dir, 'gd') }],
        correlation: [{ csv: join(dir, 'correlation.csv') }],
        crossTask: [{ task: 'MNIST', setting: 'PGPE', run: join(dir, 'es') }],
        crossTaskMissing: [{ task: 'Hopper', note: 'not run' }],
      },
      out,
    );
    const got = parseTourAnalysis(await readFile(out, 'utf8'));
    if (!got.ok) throw new Error(got.message);
    const a = got.analysis;
    expect(a.curves!.map((r) => [r.trainer, r.epochs, r.chain, r.roundNum, r.perf])).toEqual([
      ['es', undefined, 'magnitude', 1, 0.8733],
      ['es', undefined, 'magnitude', 12, 0.8581],
      ['gd', 10, 'gd_magnitude', 1, 0.9421],
      ['gd', 10, 'gd_magnitude', 12, 0.924],
    ]);
    expect(a.weights!.map((r) => [r.trainer, r.epochs, r.meanAbsW])).toEqual([
      ['es', undefined, 0.247221],
      ['gd', 10, 0.086409],
    ]);
    expect(a.correlation).toHaveLength(1);
    expect(a.crossTask!.map((r) => [r.roundNum, r.ticket, r.baseline, r.dense, r.untrained, r.metric])).toEqual([
      [1, 0.8733, 0.8733, 0.8733, 0.1122, 'accuracy'],
      [12, 0.8581, 0.6891, 0.8733, 0.1122, 'accuracy'],
    ]);
    expect(a.crossTaskMissing).toEqual([{ task: 'Hopper', note: 'not run' }]);
  });

  it('refuses a GD weight table without its run, and a task given both a run and a bundle; nothing is written', async () => {
    const out = join(dir, 'refused.analysis.json');
    await expect(run({ weights: [{ csv: join(dir, 'weights.csv') }] }, out)).rejects.toThrow(/gdRun/);
    await expect(
      run({ crossTask: [{ task: 'X', setting: 'Y', run: join(dir, 'es'), bundle: 'b.json.gz' }] }, out),
    ).rejects.toThrow(/crossTask\.0.*exactly one of "run" and "bundle"/);
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('a GD run whose config.json has no epochs is refused, naming the field', async () => {
    const bad = await folder('gd-bad', { kind: 'gd', gd: {} }, ['0,gd_magnitude,1,0.000000,100.000,6592,6634,0.9']);
    await expect(run({ curves: [{ runs: [bad] }] }, join(dir, 'b.json'))).rejects.toThrow(/gd\.epochs/);
  });
});
