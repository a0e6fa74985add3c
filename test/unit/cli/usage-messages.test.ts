/**
 * Usage the CLI used to answer wrongly or not at all: `--version` printed the whole help with exit code 2,
 * and `lab <command> --version` refused --version as an unknown flag; `lab <command> --help` printed the
 * help of every command;
 * `--help` did not list transfer's own flags, --report-every or correlation's --methods; transfer without
 * --rounds said `(got "")`, and one from an image task to another task complained about `--task.pool`
 * and the like, flags the user never gave (the source run's settings, carried over); `lmc --method-b`
 * without --runs was silently ignored; `landscape --plane K` on a run without round K + 1 asked for that
 * round to be "selected".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tinyImpArgs } from '../../helpers/cli';
import { parseArgv } from '../../../src/cli/args';
import { configFromFlags } from '../../../src/cli/config-from-flags';
import { TRANSFER_FLAGS } from '../../../src/cli/gd/transfer-flags';
import { COMMANDS } from '../../../src/cli/main';

let root = '';
let run = '';
/** A folder with only the config.json of an MNIST run: enough for transfer's checks of its flags. */
let mnist = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-usage-'));
  run = join(root, 'run');
  const r = await runCli(tinyImpArgs(run));
  expect(r.code, r.stderr).toBe(0);
  mnist = join(root, 'mnist');
  await mkdir(mnist);
  const argv = ['imp', '--task', 'mnist', '--task.pool', '14x14', '--net', 'mlp', '--es', 'snes', '--popsize', '7'];
  const config = configFromFlags(parseArgv(argv).flags);
  await writeFile(join(mnist, 'config.json'), JSON.stringify({ runId: 'r', command: 'test', config }));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('--version and --help', () => {
  it('--version prints the package version and exits 0', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { name: string; version: string };
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.name} ${pkg.version}\n`);
  });

  it('<command> --version prints it too, for every command', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { name: string; version: string };
    for (const argv of [...Object.keys(COMMANDS).map((c) => [c]), ['sweep', 'run', 'never.yaml', '--out', 'x']]) {
      const r = await runCli([...argv, '--version']);
      expect(r.code, `${argv[0]}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe(`${pkg.name} ${pkg.version}\n`);
    }
  });

  it("<command> --help prints that command's own help", async () => {
    const whole = (await runCli(['--help'])).stdout;
    for (const command of Object.keys(COMMANDS)) {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^ES Lottery Lab .*\n\nUsage: npm run lab -- ${command} `));
      expect(r.stdout).toMatch(new RegExp(`\n  ${command} +\\S`)); // its entry of the command list
      expect(r.stdout, command).not.toContain('Commands:'); // not the list of every command
      expect(r.stdout.length, command).toBeLessThan(whole.length);
    }
    const imp = (await runCli(['imp', '--help'])).stdout;
    for (const part of ['imp flags:', '--prune-frac P', 'Presets', 'Tasks (--task)', 'Pruning methods (--prune)'])
      expect(imp).toContain(part);
    expect(imp).not.toContain('transfer flags');
    const lmc = (await runCli(['lmc', '--help'])).stdout;
    expect(lmc).toContain('Analysis commands');
    expect(lmc).toMatch(/\n {2}lmc +Mode connectivity/);
    expect(lmc).not.toMatch(/\n {2}landscape /);
    expect((await runCli(['sweep', '--help'])).stdout).toContain('    sweep collect DIR');
  });

  // `lab transfer --help` spoke of "the imp flags above" and listed flags "as for imp" that it did not show;
  // `lab gd --help` listed the evolution strategies, and the imp flags without the ES-only ones gd refuses.
  it("each command's help stands on its own: what it calls above or below, or names, is in it", async () => {
    for (const command of [undefined, ...Object.keys(COMMANDS)]) {
      const help = (await runCli(command ? [command, '--help'] : ['--help'])).stdout;
      const at = (m: RegExpMatchArray) => m.index ?? 0;
      for (const m of help.matchAll(/the (\w+) flags above/g))
        expect(help.slice(0, at(m)).toLowerCase(), `${command}: ${m[0]}`).toContain(`${m[1].toLowerCase()} flags`);
      for (const m of help.matchAll(/see "([^"]+)" below/g))
        expect(help.slice(at(m) + m[0].length), `${command}: ${m[0]}`).toContain(`\n${m[1]}`);
      for (const m of help.matchAll(/as for (\w+)/g))
        expect(help, `${command}: ${m[0]}`).toMatch(new RegExp(`\n${m[1]} flags:|\`lab ${m[1]} --help\``));
    }
    const gd = (await runCli(['gd', '--help'])).stdout;
    expect(gd).not.toContain('Evolution strategies');
    const transfer = (await runCli(['transfer', '--help'])).stdout;
    expect(transfer).toContain('Tasks (--to-task):');
    expect(transfer).toContain('Evolution strategies (--to-es)');
  });

  // gd's part was one heading of about 160 characters that held, in brackets, the list of flags it refuses.
  it("gd's help: a heading, its flags one per line, then the flags it refuses, in lines as long as imp's", async () => {
    const gd = (await runCli(['gd', '--help'])).stdout;
    expect(gd).toMatch(/\n\ngd flags \(also transfer --to-gd\):\n {2}--optimizer +Optimizer /);
    expect(gd).toMatch(/and refuses those\n {2}only ES training reads:\n {4}--es --popsize --gens /);
    const longest = (help: string) => Math.max(...help.split('\n').map((line) => line.length));
    expect(longest(gd)).toBeLessThanOrEqual(longest((await runCli(['imp', '--help'])).stdout));
  });

  it('a misspelt command is named, with --help or --version too', async () => {
    for (const extra of [[], ['--help'], ['--version']]) {
      const r = await runCli(['impp', ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: unknown command "impp" \(commands: .*imp.*; see --help\)/);
    }
  });

  it("lists every flag transfer accepts, --report-every and correlation's --methods", async () => {
    const help = (await runCli(['--help'])).stdout;
    for (const f of ['from', 'method', 'rounds', 'to-task', 'to-es', 'to-gd', 'baselines', 'seed'])
      expect(TRANSFER_FLAGS.map((t) => t.flag)).toContain(f);
    const transfer = help.slice(help.indexOf('transfer flags'), help.indexOf('Presets'));
    for (const f of TRANSFER_FLAGS) expect(transfer, f.flag).toContain(`--${f.flag}`);
    expect(help).toMatch(/--report-every N +a generations\.csv row every N generations/);
    expect(help).toMatch(/ {2}correlation .*\n.*--method\|--methods ID\[,ID…\]/);
  });
});

describe('transfer', () => {
  it('without --rounds says that --rounds is needed', async () => {
    const r = await runCli(['transfer', '--from', run, '--to-es', 'snes', '--out', join(root, 't0')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'transfer needs --rounds: the source rounds whose tickets to train, e.g. --rounds 4,8,12',
    );
  });

  it("to another task: the source's task settings it lacks are left out with one note, not blamed on flags", async () => {
    const r = await runCli([
      'transfer',
      '--from',
      mnist,
      '--rounds',
      '2',
      '--to-task',
      'cartpole',
      '--out',
      join(root, 't1'),
    ]);
    expect(r.stderr).toContain(
      "note: the source run's task settings pool, batchSize, testSubset, batchSampling do not apply to cartpole and were left out",
    );
    expect(r.stderr).not.toContain('--task.');
    expect(r.stderr).not.toContain('unknown parameter');
  });

  it("names the user's own bad flag, and a carried-over setting as the source run's", async () => {
    const own = await runCli([
      'transfer',
      '--from',
      mnist,
      '--rounds',
      '2',
      '--es.sigma_init',
      '-1',
      '--out',
      join(root, 't2'),
    ]);
    expect(own.code).toBe(2);
    expect(own.stderr).toMatch(/^error: --es\.sigma_init: /);
    // The source's 7 members do not suit PGPE's mirrored pairs: the source run chose 7, not a flag here.
    const carried = await runCli(['transfer', '--from', mnist, '--rounds', '2', '--to-es', 'pgpe']);
    expect(carried.code).toBe(2);
    expect(carried.stderr).toMatch(/^error: the source run's es\.popSize: PGPE samples mirrored pairs/);
    const fixed = await runCli(['transfer', '--from', mnist, '--rounds', '2', '--to-es', 'pgpe', '--popsize', '9']);
    expect(fixed.stderr).toMatch(/^error: --popsize: PGPE samples mirrored pairs/);
  });
});

describe('analysis flags', () => {
  it('lmc --method-b without --runs is refused', async () => {
    const r = await runCli(['lmc', '--run', run, '--method-b', 'random_reinit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--method-b compares with a second run: give --runs');
  });

  it('landscape --plane 3 on a 3-round run says round 4 does not exist', async () => {
    const r = await runCli(['landscape', '--run', run, '--method', 'magnitude', '--plane', '3', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `--plane 3: the plane goes through three points, θ0 and rounds 3 and 4, but round 4 does not exist: seed 0 of ${run} has rounds 1 to 3; choose --plane 1 to 2`,
    );
    expect(r.stderr).not.toContain('selected');
  });
});
