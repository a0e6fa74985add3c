// What a student reads about a preset (src/ui/experiment/PresetBar.tsx): its description and its
// differences from the paper in plain words, without the settings' jargon (ids, symbols, library
// versions); the exact settings stay, behind the card's "Source" disclosure (settings/provenance.ts).
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/core/runs/presets';
import { splitProvenance } from '../../../src/ui/settings/provenance';

/** Words a student should not meet before opening "Source". */
const JARGON =
  /random[-_]reinit|\bSNR\b|\bp = |\bP ?= ?\d|evosax|gymnax|σ0|β1|popsize|\bMLP\b|\bCNN\b|docs\/|§|-v\d|mean decay|argmax|tanh/;

describe.each(PRESETS.map((p) => [p.id, p] as const))('preset %s', (_id, p) => {
  it('describes itself in plain words, its settings behind "Source"', () => {
    const { meaning, provenance } = splitProvenance(p.description);
    expect(meaning.length).toBeGreaterThan(60);
    expect(meaning).not.toMatch(JARGON);
    expect(provenance).toMatch(/^Its settings.* docs\/(ALGORITHMS|RESULTS)\.md §/); // the detail is kept
  });

  it('says how it differs from the paper in plain words', () => {
    for (const d of p.deviations) {
      const { meaning } = splitProvenance(d);
      expect(meaning.length, d).toBeGreaterThan(10);
      expect(meaning, d).not.toMatch(/evosax|gymnax|popsize|docs\/|§/);
    }
  });
});

it('the classroom preset keeps its numbers in both parts', () => {
  const { meaning, provenance } = splitProvenance(PRESETS.find((p) => p.id === 'mnist-2min')!.description);
  expect(meaning).toContain('removes 35 % of the weights that are left, until 11.6 % remain');
  expect(provenance).toContain('150 generations × 6 rounds with prune fraction p = 0.35');
});
