/**
 * Flags that a command would accept and then ignore: `lab gd` took the ES flags (--es, --popsize, --gens,
 * --es.<p>, --workers, …), trained exactly as without them and wrote the run under another run id, so
 * `merge` refused the folders as "different config"; `--sigma-mode` did the same with every ES but
 * Sep-CMA-ES; `transfer` took the trainer flags of the trainer it does not use. Each is refused now,
 * naming the flag and what it is for, before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, parseArgv } from '../../../src/cli/args';
import { configFromFlags } from '../../../src/cli/config-from-flags';
import { parseConfig, SIGMA_MODE_STRATEGIES } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { STRATEGIES } from '../../../src/core/es/registry';
import { runCli, snapshotDir } from '../../helpers/cli';

let root = '';
/** Source folders as far as transfer reads them before its flag checks: config.json (an ES and a GD run). */
const source = { es: '', gd: '' };
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-ignored-'));
  const config = parseConfig(getPreset('mnist-quick').config);
  for (const kind of ['es', 'gd'] as const) {
    source[kind] = join(root, `source-${kind}`);
    await mkdir(source[kind]);
    await writeFile(join(source[kind], 'config.json'), JSON.stringify({ kind, config }));
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let outs = 0;
/** Runs the command, expects it refused with `message` and nothing written to its (fresh) --out folder. */
async function expectRefused(argv: string[], message: RegExp): Promise<void> {
  const out = join(root, `out-${outs++}`);
  const r = await runCli([...argv, '--out', out]);
  expect(r.code, r.stderr).not.toBe(0);
  expect(r.stderr).toMatch(message);
  expect(await snapshotDir(out)).toEqual({});
}

describe('lab gd refuses the flags only ES training reads', () => {
  it.each([
    ['--es', 'snes', 'chooses the evolution strategy'],
    ['--popsize', '8', 'sets the ES population size'],
    ['--gens', '3', 'sets the ES generations per round'],
    ['--eval-every', '5', 'sets how often ES training is tested'],
    ['--es.sigma_init', '0.5', 'sets a parameter of the ES'],
    ['--workers', '2', 'splits the ES population over threads'],
    ['--mean-decay', '0.001', 'sets the ES mean decay'],
    ['--centered-rank', 'false', 'sets the ES fitness shaping'],
    ['--sigma-mode', 'sC', 'chooses the Sep-CMA-ES σ'],
    ['--report-every', '5', 'sets how often ES progress is reported'],
    ['--task.batchSize', '64', "sets the ES fitness batch \\(GD's is --batch-size\\)"],
  ])('%s %s', async (flag, value, what) => {
    await expectRefused(
      ['gd', '--preset', 'mnist-quick', '--rounds', '1', flag, value],
      new RegExp(`${flag.replace('.', '\\.')} ${what}.*, and lab gd trains with gradient descent.*--epochs`),
    );
  });

  it('the flags GD reads are still taken (a bad value is named as before)', async () => {
    await expectRefused(['gd', '--preset', 'mnist-quick', '--task.testSubset', '-1'], /--task\.testSubset/);
    await expectRefused(['gd', '--preset', 'mnist-quick', '--epochs', '0'], /--epochs/);
  });
});

describe('transfer refuses the flags of the trainer it does not use', () => {
  const gdOnly = /this transfer trains with gradient descent, which does not use it/;
  it('GD training (--to-gd, or a GD source) with ES flags', async () => {
    for (const [flag, value] of [
      ['--gens', '5'],
      ['--popsize', '8'],
      ['--es.sigma_init', '0.2'],
    ]) {
      const named = new RegExp(`${flag.replace('.', '\\.')} ${gdOnly.source}`.replace(' this', '.*this'));
      await expectRefused(['transfer', '--from', source.es, '--rounds', '2', '--to-gd', flag, value], named);
      await expectRefused(['transfer', '--from', source.gd, '--rounds', '2', flag, value], named);
    }
  });

  it('ES training (--to-es, or an ES source) with GD flags', async () => {
    const named =
      /--epochs is a gradient-descent setting, and this transfer trains with an ES \(--to-gd trains with GD\)/;
    await expectRefused(['transfer', '--from', source.es, '--rounds', '2', '--epochs', '3'], named);
    await expectRefused(['transfer', '--from', source.gd, '--rounds', '2', '--to-es', 'snes', '--epochs', '3'], named);
  });
});

describe('--sigma-mode', () => {
  const config = (argv: string[]) => configFromFlags(parseArgv(['imp', ...argv]).flags);

  it('is refused with a strategy that has a single σ, whatever its value', () => {
    for (const es of ['pgpe', 'snes', 'des'])
      for (const mode of ['paper', 'sC']) {
        const run = () => config(['--es', es, '--sigma-mode', mode]);
        expect(run).toThrow(CliError);
        expect(run).toThrow(/^--sigma-mode: has an effect only with Sep-CMA-ES/);
      }
  });

  it('is taken with Sep-CMA-ES and changes its config', () => {
    expect(config(['--es', 'sep_cma_es', '--sigma-mode', 'sC']).es.sigmaMode).toBe('sC');
  });

  it('the list of strategies it matters for matches the registry', () => {
    // Only a perParamStd that declares its fourth argument (the mode) can read it.
    for (const s of STRATEGIES) expect(SIGMA_MODE_STRATEGIES.includes(s.id), s.id).toBe(s.perParamStd.length >= 4);
  });
});
