/**
 * Sweep files → plans (core/sweep): the grid of axis values over a base, the run order Slurm array
 * indices refer to, run/config ids equal to the lab's own run identity (a sweep run's folder is what
 * `lab imp` would call it; a configuration's id is what `lab merge` gives its seeds), the flag-like
 * rules for switching an ES/task/network, and errors that name the field of the file.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { getPreset } from '../../../src/core/runs/presets';
import { expandSweep, normaliseSweep, valueLabel } from '../../../src/core/sweep/expand';
import { readdirSync } from 'node:fs';
import { loadSweepFile } from '../../../src/cli/sweep/read-sweep';
import { configPathError, setConfigPath } from '../../../src/core/sweep/config-paths';
import { parseSweepSpec, SweepError } from '../../../src/core/sweep/sweep-spec';

const presetConfig = (id: string) => getPreset(id).config;
const plan = (input: unknown) => expandSweep(parseSweepSpec(input), presetConfig);

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SweepError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  throw new Error('expected a SweepError');
}

describe('sweep expansion', () => {
  const input = {
    name: 'grid',
    base: { preset: 'cartpole-reduced', config: { budget: { generationsPerRound: 5 } } },
    axes: { 'es.params.sigma_init': [0.05, 0.2], 'prune.rounds': [2, 3, 4] },
    seeds: '3-4',
  };

  it('runs every combination × seed, configuration-major with the first axis slowest', () => {
    const p = plan(input);
    expect(p.configs.map((c) => c.label)).toEqual([
      'es.params.sigma_init=0.05, prune.rounds=2',
      'es.params.sigma_init=0.05, prune.rounds=3',
      'es.params.sigma_init=0.05, prune.rounds=4',
      'es.params.sigma_init=0.2, prune.rounds=2',
      'es.params.sigma_init=0.2, prune.rounds=3',
      'es.params.sigma_init=0.2, prune.rounds=4',
    ]);
    expect(p.runs.map((r) => [r.index, r.configIndex, r.seed])).toEqual(
      p.configs.flatMap((_, i) => [3, 4].map((s, j) => [2 * i + j, i, s])),
    );
    const c4 = p.configs[4].config;
    expect(c4.es.params.sigma_init).toBe(0.2);
    expect(c4.prune.rounds).toBe(3);
    expect(c4.budget.generationsPerRound).toBe(5);
    // Everything else is the preset's.
    const preset = parseConfig(getPreset('cartpole-reduced').config);
    expect(c4.task).toEqual(preset.task);
    expect(c4.prune.methods).toEqual(preset.prune.methods);
  });

  it("uses the lab's run identity for runs and configurations", () => {
    const p = plan(input);
    for (const r of p.runs) {
      expect(r.config.seeds).toEqual([r.seed]);
      expect(r.runId).toBe(runId(parseConfig({ ...p.configs[r.configIndex].config, seeds: [r.seed] })));
    }
    // A configuration's id is the id of its config with all seeds: what `lab merge` names the merged folder.
    for (const c of p.configs) expect(c.configId).toBe(runId(parseConfig({ ...c.config, seeds: [3, 4] })));
    expect(new Set(p.runs.map((r) => r.runId)).size).toBe(12);
  });

  it('keeps a run id when a seed or an axis value is added (its folder is found again)', () => {
    const before = plan(input);
    const after = plan({ ...input, seeds: [3, 4, 5], axes: { ...input.axes, 'prune.rounds': [2, 3, 4, 5] } });
    const ids = new Set(after.runs.map((r) => r.runId));
    for (const r of before.runs) expect(ids.has(r.runId)).toBe(true);
    expect(after.planId).not.toBe(before.planId);
  });

  it('the normalised spec (preset resolved) expands to the same plan', () => {
    const spec = parseSweepSpec(input);
    const norm = normaliseSweep(spec, presetConfig);
    expect(norm.base.preset).toBeUndefined();
    const again = expandSweep(parseSweepSpec(JSON.parse(JSON.stringify(norm))), () => {
      throw new Error('no preset lookup expected');
    });
    expect(again.runs.map((r) => r.runId)).toEqual(plan(input).runs.map((r) => r.runId));
    expect(again.planId).toBe(plan(input).planId);
  });

  it('switching the ES starts its params from the new defaults; an object value sets both', () => {
    const p = plan({
      base: { preset: 'cartpole-reduced' },
      axes: { es: [{ id: 'snes', params: { temperature: 20 } }, { id: 'pgpe' }] },
      seeds: [0],
    });
    expect(p.configs[0].config.es.id).toBe('snes');
    expect(p.configs[0].config.es.params.temperature).toBe(20);
    expect(p.configs[0].config.es.popSize).toBe(32); // kept from the preset
    expect(p.configs[1].config.es.id).toBe('pgpe');
    // The preset's Sep-CMA-ES sigma_init did not leak into PGPE.
    expect(p.configs[1].config.es.params).toEqual(
      parseConfig({ ...p.configs[1].config, es: { ...p.configs[1].config.es, params: {} } }).es.params,
    );
    const byId = plan({ base: { preset: 'cartpole-reduced' }, axes: { 'es.id': ['des'] }, seeds: [0] });
    expect(byId.configs[0].config.es.id).toBe('des');
  });

  it('an ES parameter base.config sets is refused where an axis switches the ES (it would be dropped there)', () => {
    const input = {
      base: { preset: 'mnist-2min', config: { 'es.params.sigma_init': 0.05 } },
      axes: { 'es.id': ['snes', 'pgpe'] },
      seeds: [0],
    };
    expect(issuesOf(() => plan(input))).toEqual([
      expect.stringMatching(
        /^base.config\["es.params.sigma_init"\]: sets es.params.sigma_init, but axes\["es.id"\] switches es, .*one-value axis listed after that one \("es.params.sigma_init": \[value\]\)/,
      ),
    ]);
    // the same inside an object value of base.config, and for an axis of whole objects
    const nested = { ...input, base: { preset: 'mnist-2min', config: { es: { params: { sigma_init: 0.05 } } } } };
    expect(issuesOf(() => plan(nested))[0]).toMatch(/^base.config.es.params.sigma_init: sets es.params.sigma_init/);
    const objects = { ...input, axes: { es: [{ id: 'snes' }, { id: 'pgpe' }] } };
    expect(issuesOf(() => plan(objects))[0]).toMatch(/but axes.es switches es/);
    // the one-value axis after the switch gives every ES σ0 = 0.05
    const fixed = plan({
      ...input,
      base: { preset: 'mnist-2min' },
      axes: { ...input.axes, 'es.params.sigma_init': [0.05] },
    });
    expect(fixed.configs.map((c) => [c.config.es.id, c.config.es.params.sigma_init])).toEqual([
      ['snes', 0.05],
      ['pgpe', 0.05],
    ]);
    // a sweep folder's own sweep.json holds the preset's parameters in base.config, which the axis drops
    const stored = normaliseSweep(parseSweepSpec({ ...input, base: { preset: 'mnist-2min' } }), presetConfig);
    expect(() => expandSweep(stored, presetConfig, { stored: true })).not.toThrow();
  });

  it('a new method list keeps only the listed methods’ params', () => {
    const base = { prune: { methods: ['magnitude', 'snr'], params: { snr: { x: 1 }, magnitude: { y: 2 } } } };
    expect(setConfigPath(base, 'prune.methods', ['magnitude'])).toEqual({
      prune: { methods: ['magnitude'], params: { magnitude: { y: 2 } } },
    });
    expect(setConfigPath(base, 'budget.evalEvery', 5)).toEqual({ ...base, budget: { evalEvery: 5 } });
  });

  it('checks config paths against the config schema', () => {
    expect(configPathError('es.params.sigma_init')).toBeNull();
    expect(configPathError('prune.methods')).toBeNull();
    expect(configPathError('budget.evalEvery')).toBeNull();
    expect(configPathError('es.popsize')).toMatch(/"popsize" is not a field of es .*popSize/);
    expect(configPathError('prune.rounds.x')).toMatch(/single value/);
    expect(configPathError('es..id')).toMatch(/not a config path/);
  });
});

describe('labels and shipped examples', () => {
  it('labels axis values briefly', () => {
    expect(valueLabel(0.1)).toBe('0.1');
    expect(valueLabel(['magnitude', 'snr'])).toBe('magnitude+snr');
    expect(valueLabel({ id: 'snes', params: { sigma_init: 0.1, temperature: 12 } })).toBe(
      'snes (sigma_init=0.1, temperature=12)',
    );
    expect(valueLabel({ id: 'pgpe' })).toBe('pgpe');
    expect(valueLabel({ rounds: 3, pruneFrac: 0.5 })).toBe('{rounds=3, pruneFrac=0.5}');
  });

  it.each(readdirSync('sweeps').filter((f) => /\.(ya?ml|json)$/.test(f)))('sweeps/%s expands', async (f) => {
    const { plan } = await loadSweepFile(`sweeps/${f}`);
    expect(plan.runs.length).toBeGreaterThan(0);
  });
});

describe('sweep file errors name the field', () => {
  it('file structure', () => {
    expect(issuesOf(() => parseSweepSpec({ base: {}, seeds: 'x', extra: 1 }))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^base: give base.preset, base.config or both/),
        expect.stringMatching(/^seeds: seeds must be/),
        expect.stringMatching(/^\(the file\): .*extra/),
      ]),
    );
    expect(issuesOf(() => parseSweepSpec({ base: { preset: 'x' }, axes: { 'es.id': [] }, seeds: [0, 0] }))).toEqual(
      expect.arrayContaining(['axes["es.id"]: an axis needs at least one value', 'seeds: seed 0 is listed twice']),
    );
    expect(issuesOf(() => parseSweepSpec({ name: 'a b', base: { preset: 'x' }, seeds: [0] }))[0]).toMatch(/^name:/);
  });

  it('unknown paths, presets and seeds as an axis', () => {
    expect(
      issuesOf(() =>
        plan({ base: { preset: 'cartpole-reduced' }, axes: { 'es.popsize': [8], seeds: [1] }, seeds: [0] }),
      ),
    ).toEqual([
      expect.stringMatching(/^axes\["es.popsize"\]: "popsize" is not a field of es/),
      expect.stringMatching(/^axes.seeds: seeds are not an axis/),
    ]);
    expect(issuesOf(() => plan({ base: { preset: 'nope' }, seeds: [0] }))[0]).toMatch(/^base.preset: .*nope/);
    expect(
      issuesOf(() => plan({ base: { preset: 'cartpole-reduced', config: { 'es.bogus': 1 } }, seeds: [0] }))[0],
    ).toMatch(/^base.config\["es.bogus"\]:/);
  });

  it('a combination that makes an invalid config names the configuration and the config field', () => {
    const issues = issuesOf(() =>
      plan({ base: { preset: 'cartpole-reduced' }, axes: { 'es.params.sigma_init': [0.1, 99] }, seeds: [0] }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^configuration 1 \(es.params.sigma_init=99\): es.params.sigma_init: .*outside/);
  });

  it('two combinations that are the same experiment are refused', () => {
    const sigma = parseConfig(getPreset('cartpole-reduced').config).es.params.sigma_init;
    const issues = issuesOf(() =>
      plan({ base: { preset: 'cartpole-reduced' }, axes: { 'es.params.sigma_init': [sigma, 0.3, sigma] }, seeds: [0] }),
    );
    expect(issues[0]).toMatch(/are the same experiment/);
  });

  it('GD trainers are refused (a sweep runs lab imp)', () => {
    const issues = issuesOf(() =>
      plan({
        base: { preset: 'mnist-quick', config: { trainer: { id: 'gd', params: {} }, 'prune.methods': ['magnitude'] } },
        seeds: [0],
      }),
    );
    expect(issues[0]).toMatch(/^base: trainer: a sweep runs ES-IMP/);
  });
});
