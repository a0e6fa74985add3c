// The classic-control presets (docs/ALGORITHMS.md §12): they parse, are labelled as reduced
// budgets, and carry the settings the docs/ALGORITHMS.md §12 row (mcc-reduced) and docs/RESULTS.md §4.1 (pendulum-quick) state.
import { describe, it, expect } from 'vitest';
import { getPreset } from '../../../src/core/runs/presets';
import { parseConfig } from '../../../src/core/runs/config';

describe('control presets', () => {
  it('mcc-reduced follows the docs/ALGORITHMS.md §12 row', () => {
    const p = getPreset('mcc-reduced');
    expect(p.paper).toBe(false);
    expect(p.label).toMatch(/reduced budget/i);
    const c = parseConfig(p.config);
    expect(c.task).toMatchObject({ id: 'mcc', params: { episodes: 2, maxSteps: 999 } });
    expect(c.network.params).toMatchObject({
      hiddenLayers: 2,
      width: 16,
      activation: 'tanh',
      outputActivation: 'tanh',
    });
    expect(c.es).toMatchObject({ id: 'pgpe', popSize: 64, centeredRank: true });
    expect(c.es.params).toMatchObject({ lrate_init: 0.02, lrate_decay: 0.999, lrate_limit: 0.001, sigma_init: 0.1 });
    expect(c.budget.generationsPerRound).toBe(200);
    expect(c.prune.rounds).toBe(10);
  });

  it('pendulum-quick is a labelled reduced budget that ends at 13 % of the weights', () => {
    const p = getPreset('pendulum-quick');
    expect(p.paper).toBe(false);
    expect(p.label).toMatch(/reduced budget/i);
    expect(p.deviations.join(' ')).toMatch(/40 % of the remaining weights pruned per round/);
    const c = parseConfig(p.config);
    expect(c.task).toMatchObject({ id: 'pendulum', params: { episodes: 8, maxSteps: 200 } });
    expect(c.es).toMatchObject({ id: 'sep_cma_es', popSize: 64, params: { sigma_init: 0.5, elite_ratio: 0.5 } });
    const remaining = (1 - c.prune.pruneFrac) ** (c.prune.rounds - 1);
    expect(remaining).toBeCloseTo(0.1296, 4);
  });
});
