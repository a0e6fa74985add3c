/**
 * Reading a sweep file resolves its base once (src/core/sweep/expand.ts readSweepSpec): the preset's
 * config is looked up once and each base.config key and axis value is read into its settings once. The
 * stored form and the plan used to resolve the base each on their own, and the plan read base.config's
 * settings a second time: the preset was looked up twice and every base key read three times.
 */
import { describe, expect, it, vi } from 'vitest';
import { loadSweepContent } from '../../../src/cli/sweep/read-sweep';

const calls = vi.hoisted(() => ({ preset: 0, settings: 0 }));

vi.mock('../../../src/core/runs/presets', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/runs/presets')>();
  return {
    ...real,
    getPreset: (id: string) => {
      calls.preset++;
      return real.getPreset(id);
    },
  };
});

vi.mock('../../../src/core/sweep/setting-keys', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/sweep/setting-keys')>();
  return {
    ...real,
    settingsOf: (...args: Parameters<typeof real.settingsOf>) => {
      calls.settings++;
      return real.settingsOf(...args);
    },
  };
});

describe('reading a sweep file', () => {
  it('looks its preset up once and reads each base key and axis value once', () => {
    const sweep = loadSweepContent(
      {
        name: 'once',
        base: { preset: 'cartpole-reduced', config: { 'prune.rounds': 2, 'budget.generationsPerRound': 3 } },
        axes: { 'es.params.sigma_init': [0.1, 0.2] },
        seeds: [0, 1],
      },
      'once.yaml',
    );
    expect(sweep.plan.runs.length).toBe(4);
    expect(sweep.spec.base.config).toMatchObject({ prune: { rounds: 2 }, budget: { generationsPerRound: 3 } });
    expect(calls).toEqual({ preset: 1, settings: 2 + 2 }); // two base keys, two axis values
  });
});
