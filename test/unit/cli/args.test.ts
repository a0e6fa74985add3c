import { describe, expect, it } from 'vitest';
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
