/**
 * The sweep files the lab writes — DIR/sweep.json, the copy `sweep run --jobs` gives its run processes
 * (plans/<plan id>.json) and the one a Slurm job array runs (slurm/<plan id>/sweep.json) — have one format,
 * written by one function (src/cli/sweep/sweep-folder.ts writeSweepFile): the spec as JSON indented by two
 * spaces, ending in a line break. Each is itself a sweep file that plans the same runs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';
import { writeTinySweep } from '../../helpers/tiny-sweep';
import { loadSweepFile, type LoadedSweep } from '../../../src/cli/sweep/read-sweep';
import { SweepDir } from '../../../src/cli/sweep/sweep-dir';
import { sweepFileText } from '../../../src/cli/sweep/sweep-folder';
import type { SweepSpec } from '../../../src/core/sweep/sweep-spec';

// `sweep run --jobs` writes its plan copy, then starts run processes: none is started here.
vi.mock('../../../src/cli/sweep/run-children', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/cli/sweep/run-children')>()),
  runInChildren: () => Promise.resolve({ failed: [], stopped: null }),
}));

let tmp = '',
  file = '';
let sweep: LoadedSweep;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'lab-sweep-format-'));
  file = await writeTinySweep(tmp);
  sweep = await loadSweepFile(file);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the sweep files the lab writes', () => {
  it('are the spec as JSON indented by two spaces, with a final line break', () => {
    const spec = {
      name: 's',
      base: { config: { task: { id: 'cartpole' } } },
      axes: { 'es.params.sigma_init': [0.1, 0.2] },
      seeds: [0, 1],
    } as unknown as SweepSpec;
    expect(sweepFileText(spec)).toBe(
      [
        '{',
        '  "name": "s",',
        '  "base": {',
        '    "config": {',
        '      "task": {',
        '        "id": "cartpole"',
        '      }',
        '    }',
        '  },',
        '  "axes": {',
        '    "es.params.sigma_init": [',
        '      0.1,',
        '      0.2',
        '    ]',
        '  },',
        '  "seeds": [',
        '    0,',
        '    1',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('sweep.json, the run processes’ copy and the Slurm copy are written alike, and plan the same runs', async () => {
    const dir = new SweepDir(join(tmp, 'sweep'));
    const run = await runCli(['sweep', 'run', file, '--out', dir.root, '--jobs', '2', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const slurm = await runCli(['sweep', 'slurm', file, '--out', dir.root]);
    expect(slurm.code, slurm.stderr).toBe(0);
    const { planId } = sweep.plan;
    const written = [dir.specPath, dir.planCopyPath(planId), join(dir.slurmDir(planId), 'sweep.json')];
    for (const path of written) {
      expect(await readFile(path, 'utf8'), path).toBe(sweepFileText(sweep.spec));
      expect((await loadSweepFile(path, { stored: true })).plan.planId, path).toBe(planId);
    }
  });
});
