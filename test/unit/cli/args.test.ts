import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgv, coerce, seedList, intFlag, CliError } from '../../../src/cli/args';
import { runCli } from '../../helpers/cli';

describe('CLI argument parsing', () => {
  it('parses commands, --k v, --k=v and bare flags', () => {
    const a = parseArgv(['imp', '--task', 'mnist', '--rounds=3', '--quiet', '--es.sigma_init', '0.1']);
    expect(a.command).toBe('imp');
    expect(a.flags.get('task')).toBe('mnist');
    expect(a.flags.get('rounds')).toBe('3');
    expect(a.flags.get('quiet')).toBe('true');
    expect(a.flags.get('es.sigma_init')).toBe('0.1');
    expect(parseArgv(['--help']).help).toBe(true);
  });

  it('keeps words after the command; commands that take none reject a stray one', async () => {
    expect(parseArgv(['sweep', 'plan', 'f.yaml', '--out', 'd']).positionals).toEqual(['plan', 'f.yaml']);
    const r = await runCli(['imp', 'oops']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unexpected argument "oops"/);
  });

  // `imp stray` said only `unexpected argument "stray" (flags start with --)`, without the command or what
  // the word followed; `--bogus imp` (the command taken as --bogus's value) printed the whole help, exit 2.
  it('names a stray word like an unknown flag, with what it follows, before any work', async () => {
    const out = join(tmpdir(), `lab-stray-${process.pid}`);
    const cases: [string[], string][] = [
      [
        ['imp', 'stray', '--bogus', '--out', out],
        'imp: unexpected argument "stray": imp takes flags only, each starting with -- (see npm run lab -- imp --help)',
      ],
      [
        ['gd', '--quiet', 'yes'],
        'gd: unexpected argument "yes" after --quiet, which takes no value (give --quiet alone to set it)',
      ],
      [
        ['imp', '--seed', '0', '1'],
        'imp: unexpected argument "1" after --seed 0: a flag takes one value (a list is one word, with commas)',
      ],
      [
        ['--bogus', 'imp'],
        'no command: "imp" was read as the value of --bogus; give the command first (npm run lab -- imp --bogus …)',
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toBe(`error: ${message}\n`);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(out)).toBe(false);
    expect((await runCli(['--quiet'])).stderr).toMatch(/^error: no command given, only --quiet \(commands: imp, /);
  });

  it('coerces values', () => {
    expect(coerce('0.5')).toBe(0.5);
    expect(coerce('true')).toBe(true);
    expect(coerce('relu')).toBe('relu');
  });

  it('parses seed lists and ranges', () => {
    expect(seedList('0')).toEqual([0]);
    expect(seedList('0,1,2')).toEqual([0, 1, 2]);
    expect(seedList('3-5')).toEqual([3, 4, 5]);
    expect(() => seedList('a')).toThrow(CliError);
  });

  it('names the flag and range for a bad integer', () => {
    expect(() => intFlag(new Map([['rounds', '99']]), 'rounds', 1, 40)).toThrow(
      '--rounds must be an integer in [1, 40] (got "99")',
    );
  });
});
