// Help texts split into what a setting means and where it came from (src/ui/settings/provenance.ts): no
// library version or code file is left in what students read, and nothing is lost.
import { describe, expect, it } from 'vitest';
import { splitProvenance } from '../../../src/ui/settings/provenance';
import { STRATEGIES } from '../../../src/core/es/registry';
import { TASKS } from '../../../src/core/tasks/registry';

const SOURCE_WORDS = /evosax|evojax|es-lottery|\.py\b|ALGORITHMS\.md|\b0\.1\.4\b/;

describe('splitProvenance', () => {
  it('moves source sentences and source-only parentheses out of the meaning', () => {
    expect(splitProvenance('Adam on the mean, a ±20 % cap. evosax 0.1.4 pgpe.py.')).toEqual({
      meaning: 'Adam on the mean, a ±20 % cap.',
      provenance: 'evosax 0.1.4 pgpe.py.',
    });
    expect(splitProvenance('Episodes per evaluation; shared starts (evojax n_repeats).')).toEqual({
      meaning: 'Episodes per evaluation; shared starts.',
      provenance: 'evojax n_repeats',
    });
    // an author-year citation is meaning, not provenance
    expect(splitProvenance('Separable NES (Wierstra et al. 2014): diagonal Gaussian.').provenance).toBe('');
  });

  it('leaves no version string or code file in any strategy or task help that students read', () => {
    for (const d of [...STRATEGIES, ...TASKS]) {
      const { meaning, provenance } = splitProvenance(d.help);
      expect(meaning, d.id).not.toMatch(SOURCE_WORDS);
      expect(meaning.length, d.id).toBeGreaterThan(10);
      // every word of the help survives in one of the two parts
      for (const w of d.help.match(/[A-Za-z]{4,}/g) ?? []) expect(`${meaning} ${provenance}`, d.id).toContain(w);
    }
  });
});
