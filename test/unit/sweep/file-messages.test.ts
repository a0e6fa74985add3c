/**
 * What a refused sweep file is told, line by line: a seed listed twice is named; a value of the wrong type
 * or form says what the file holds; no field name is said twice ("name: name: …", "prune.rounds:
 * prune.rounds must be …"); a bad value in base.config is reported once, at its key, instead of once per
 * configuration; and an unknown preset is reported together with the other problems of the file's keys.
 */
import { describe, expect, it } from 'vitest';
import { sweepRefusal } from '../../helpers/refusals';

const base = { preset: 'cartpole-reduced' };

describe('sweep file messages', () => {
  it('names the seed listed twice', () => {
    expect(sweepRefusal({ base, seeds: [0, 3, 3] })).toEqual(['seeds: seed 3 is listed twice']);
    expect(sweepRefusal({ base, seeds: '2,0,2' })).toEqual(['seeds: seed 2 is listed twice']);
  });

  it('says what the file holds where a value has the wrong type or form', () => {
    expect(sweepRefusal({ base, axes: { 'prune.rounds': ['2', 3] }, seeds: [0] })).toEqual([
      'configuration 0 (prune.rounds=2): prune.rounds: must be an integer in [1, 40] (got "2")',
    ]);
    expect(sweepRefusal({ base: { preset: 7 }, seeds: [0] })).toEqual([
      'base.preset: Invalid input: expected string, received number (got 7)',
    ]);
    expect(sweepRefusal({ base, axes: { 'es.id': 'snes' }, seeds: [0] })).toEqual([
      'axes["es.id"]: Invalid input: expected array, received string (got "snes")',
    ]);
  });

  it('does not repeat the field name', () => {
    expect(sweepRefusal({ name: 'bad 8', base, seeds: [0] })).toEqual([
      'name: letters, digits, ".", "_" and "-" only, at most 64, as it names files and Slurm jobs (got "bad 8")',
    ]);
  });

  it('a bad value in base.config is reported once, at its key, dotted or nested', () => {
    const axes = { 'es.popSize': [8, 16] };
    expect(sweepRefusal({ base: { ...base, config: { 'prune.rounds': 2.5 } }, axes, seeds: [0] })).toEqual([
      'base.config["prune.rounds"]: must be an integer in [1, 40] (got 2.5)',
    ]);
    expect(sweepRefusal({ base: { ...base, config: { prune: { rounds: 2.5 } } }, axes, seeds: [0] })).toEqual([
      'base.config.prune.rounds: must be an integer in [1, 40] (got 2.5)',
    ]);
    // Without axes too (it used to say "base: prune.rounds: prune.rounds must be …").
    expect(sweepRefusal({ base: { ...base, config: { 'prune.rounds': 0 } }, seeds: [0] })).toEqual([
      'base.config["prune.rounds"]: must be an integer in [1, 40] (got 0)',
    ]);
  });

  it('a problem an axis makes stays with the configurations that have it', () => {
    // base.config sets prune.rounds, but an axis overrides it: the bad value is the axis's.
    const lines = sweepRefusal({
      base: { ...base, config: { 'prune.rounds': 3 } },
      axes: { 'prune.rounds': [2.5], 'es.popSize': [8, 16] },
      seeds: [0],
    });
    expect(lines).toEqual([
      'configuration 0 (prune.rounds=2.5, es.popSize=8); configuration 1 (prune.rounds=2.5, es.popSize=16): prune.rounds: must be an integer in [1, 40] (got 2.5)',
    ]);
  });

  it('an unknown preset is reported with the problems of the keys', () => {
    const lines = sweepRefusal({
      base: { preset: 'nope', config: { 'prune.roundz': 3 } },
      axes: { 'es.popsize': [8] },
      seeds: [0],
    });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^base\.preset: unknown preset "nope"/);
    expect(lines[1]).toMatch(
      /^base\.config\["prune\.roundz"\]: "roundz" is not a field of prune \(did you mean prune\.rounds\?/,
    );
    expect(lines[2]).toMatch(/^axes\["es\.popsize"\]: "popsize" is not a field of es \(did you mean es\.popSize\?/);
    // base.config's seeds unlike the top-level ones, and a misspelt axis: both.
    const seeds = sweepRefusal({ base: { ...base, config: { seeds: [5] } }, axes: { 'es.popsize': [8] }, seeds: [0] });
    expect(seeds.map((l) => l.split(':')[0])).toEqual(['base.config.seeds', 'axes["es.popsize"]']);
  });
});
