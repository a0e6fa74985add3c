/**
 * CLI flag parsing: values that used to be read as something else are refused, and every error names
 * the flag the user typed (not a config path such as `seeds.0` or `prune.scope`).
 */
import { describe, expect, it } from 'vitest';
import { parseArgv, seedList, intFlag, coerce, CliError } from '../../../src/cli/args';
import { configFromFlags } from '../../../src/cli/config-from-flags';

const config = (argv: string[]) => configFromFlags(parseArgv(['imp', ...argv]).flags);

describe('flags that were silently misread', () => {
  it('--seed "" and --seed 0,0 are refused (they ran seed 0, or seed 0 twice)', () => {
    expect(() => seedList('')).toThrow('--seed must be integers');
    expect(() => seedList('0,0')).toThrow('--seed: seed 0 is listed twice');
    expect(() => seedList('1,,2')).toThrow(CliError);
    expect(() => config(['--seed', ''])).toThrow(/^--seed/);
  });

  it('--centered-rank yes is an error, not false', () => {
    expect(() => config(['--centered-rank', 'yes'])).toThrow('--centered-rank must be true or false (got "yes")');
    expect(config(['--centered-rank', 'false']).es.centeredRank).toBe(false);
    expect(config(['--centered-rank']).es.centeredRank).toBe(true);
  });

  it('--quiet before the command does not swallow it', () => {
    const a = parseArgv(['--quiet', 'imp', '--rounds', '2']);
    expect(a.command).toBe('imp');
    expect(a.flags.get('quiet')).toBe('true');
    expect(parseArgv(['imp', '--quiet', 'false']).flags.get('quiet')).toBe('false');
  });

  it('a flag given twice, hex and other non-decimal numbers are refused', () => {
    expect(() => parseArgv(['imp', '--seed', '1', '--seed', '2'])).toThrow('--seed is given twice');
    expect(() => intFlag(new Map([['popsize', '0x10']]), 'popsize', 4, 4096)).toThrow('--popsize');
    expect(coerce('0x10')).toBe('0x10');
    expect(coerce('1e-3')).toBe(0.001);
  });
});

describe('errors name the flag the user typed', () => {
  it.each([
    [['--scope', 'bogus'], '--scope:'],
    [['--sigma-mode', 'x'], '--sigma-mode:'],
    [['--es', 'open_es', '--prune', 'snr'], '--prune:'],
    [['--es.sigma_init', '99'], '--es.sigma_init:'],
    [['--net.width', '-3'], '--net.width:'],
    [['--prune.magnitude.nope', '1'], '--prune.magnitude.nope:'],
    [['--out'], '--out needs a folder'],
  ])('%j → %s', (argv, flag) => {
    let message = '';
    try {
      config(argv);
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      message = (e as Error).message;
    }
    expect(message.startsWith(flag), message).toBe(true);
    expect(message).not.toMatch(/(^|\s)(seeds\.\d|prune\.scope|es\.sigmaMode|es\.params\.)/);
  });
});
