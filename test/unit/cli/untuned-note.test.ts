// `lab imp` without a preset or any ES parameter says, before the run, that the ES is not tuned for the task.
import { describe, expect, it } from 'vitest';
import { untunedNote } from '../../../src/cli/imp-command';

const flags = (entries: [string, string][]) => new Map(entries);

describe('lab imp: the note on untuned ES settings', () => {
  it('is given when neither --preset nor any --es.<param> is set', () => {
    expect(untunedNote(flags([]))).toMatch(/^no --preset and no --es\.<param>: .*--preset mnist-/);
    expect(
      untunedNote(
        flags([
          ['rounds', '3'],
          ['es', 'snes'],
          ['seed', '1'],
        ]),
      ),
    ).not.toBeNull();
  });

  it('names a preset of the chosen task', () => {
    expect(untunedNote(flags([['task', 'cartpole']]))).toMatch(/--preset cartpole-reduced;/);
    expect(untunedNote(flags([['task', 'fmnist']]))).toMatch(/--preset fmnist-/);
  });

  it('is not given with a preset or with ES parameters set by hand', () => {
    expect(untunedNote(flags([['preset', 'mnist-quick']]))).toBeNull();
    expect(untunedNote(flags([['es.lrate_init', '0.05']]))).toBeNull();
  });
});
