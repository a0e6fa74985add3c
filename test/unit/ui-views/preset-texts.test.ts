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

/** Upper end of a cost estimate such as "≈ 35–50 min per seed" or "≈ 1–1.5 h per seed", in minutes. */
function upperMinutes(cost: string): number {
  const m = /≈ (?:[\d.]+–)?([\d.]+) (min|h)\b/.exec(cost);
  if (!m) throw new Error(`no estimate in "${cost}"`);
  return Number(m[1]) * (m[2] === 'h' ? 60 : 1);
}

/** Simulation steps one seed trains: the dense round, then every chain's later rounds. */
function stepsPerSeed(id: string): number {
  const { config: c } = PRESETS.find((p) => p.id === id)!;
  const p = c.task.params as { episodes: number; maxSteps: number };
  const trainings = 1 + c.prune.methods.length * (c.prune.rounds - 1);
  return trainings * c.budget.generationsPerRound * c.es.popSize * p.episodes * p.maxSteps;
}

// Both Pendulum cards run the same task on the same network, so the one with more work must not look cheaper
// (docs/RESULTS.md §4.1 measured ≈ 50 min for pendulum-quick and about an hour for pendulum-reduced).
it('the Pendulum cost estimates follow the work each preset does', () => {
  const [reduced, quick] = ['pendulum-reduced', 'pendulum-quick'].map((id) => PRESETS.find((p) => p.id === id)!);
  expect(stepsPerSeed('pendulum-reduced')).toBeGreaterThan(stepsPerSeed('pendulum-quick'));
  expect(upperMinutes(reduced.expectedCost)).toBeGreaterThan(upperMinutes(quick.expectedCost));
  expect(upperMinutes(reduced.expectedCost)).toBeGreaterThanOrEqual(60);
});

it('the Pendulum preset whose search stalled says so in plain words', () => {
  const { meaning } = splitProvenance(PRESETS.find((p) => p.id === 'pendulum-reduced')!.description);
  expect(meaning).toMatch(/got stuck/);
  expect(meaning).toContain('Pendulum quick');
});
