/**
 * The run processes of `lab sweep run FILE --jobs N` run the sweep their parent planned, whatever happens
 * to FILE meanwhile (src/cli/sweep/run-command.ts). They used to read FILE again: a seed or an axis value
 * added while the sweep ran renumbered the runs, so `--index I` named another run than the parent meant,
 * and the run process wrote the edited sweep into DIR/sweep.json. Here the parent's run processes are
 * caught instead of started; the user then edits FILE, and one of them is run as the parent would start it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runCli } from '../../helpers/cli';
import { writeTinySweep } from '../../helpers/tiny-sweep';
import { loadSweepFile } from '../../../src/cli/sweep/read-sweep';
import type { SweepPlan } from '../../../src/core/sweep/expand';

/** The arguments and indices of the run processes `sweep run --jobs` would start (none is started). */
const started = vi.hoisted(() => ({ args: [] as string[], indices: [] as number[] }));

vi.mock('../../../src/cli/sweep/run-children', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/cli/sweep/run-children')>()),
  runInChildren: (indices: readonly number[], _jobs: number, args: readonly string[]) => {
    started.args = [...args];
    started.indices = [...indices];
    return Promise.resolve({ failed: [], stopped: null });
  },
}));

let tmp = '',
  file = '';
let plan: SweepPlan;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'lab-sweep-plan-copy-'));
  file = await writeTinySweep(tmp);
  plan = (await loadSweepFile(file)).plan;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('sweep run --jobs: the run processes run the planned sweep', () => {
  it('an edit of the sweep file after the start changes neither their runs nor sweep.json', async () => {
    const dir = join(tmp, 'sweep');
    const parent = await runCli(['sweep', 'run', file, '--out', dir, '--jobs', '2', '--quiet']);
    expect(parent.code, parent.stderr).toBe(0);
    expect(started.indices).toEqual([0, 1, 2, 3]);
    const recorded = await readFile(join(dir, 'sweep.json'), 'utf8');

    // The user adds a σ value in front while the sweep runs: every run's index moves by two.
    const sweep = parse(await readFile(file, 'utf8')) as { axes: Record<string, number[]> };
    sweep.axes['es.params.sigma_init'].unshift(0.05);
    await writeFile(file, stringify(sweep));
    const edited = (await loadSweepFile(file)).plan;
    expect(edited.runs.length).toBe(6);
    expect(edited.runs[3].runId).not.toBe(plan.runs[3].runId);

    // Run process 3 as the parent starts it (run-children.ts): the sweep file it was given, --index 3.
    const child = await runCli(['sweep', 'run', ...started.args, '--index', '3']);
    expect(child.code, child.stderr).toBe(0);
    expect(await readdir(join(dir, 'runs'))).toEqual([plan.runs[3].runId]);
    expect(await readFile(join(dir, 'sweep.json'), 'utf8')).toBe(recorded);
    expect(child.stderr).not.toMatch(/changed since/);
  });
});
