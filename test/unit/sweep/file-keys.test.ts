/**
 * Sweep files whose settings used to be dropped or overridden without a word: keys that are no field
 * (`__proto__`, `constructor`, `toString`, anywhere in base.config or the axes), a field set by two
 * spellings (`prune.rounds` next to `prune: {rounds}`), an entry switched after its params were set,
 * seeds that are not whole numbers, and a σ mode with a strategy that has one σ. Each is refused with a
 * message that names its place in the file.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/core/runs/presets';
import { loadSweepContent, parseSweepText } from '../../../src/cli/sweep/read-sweep';
import { sweepRefusal } from '../../helpers/refusals';

const base = { preset: 'cartpole-reduced' };

const refusal = (content: unknown) => sweepRefusal(content);
const yaml = (text: string) => refusal(parseSweepText(text, 'sweep.yaml'));
const json = (text: string) => refusal(parseSweepText(text, 'sweep.json'));

describe('keys that are not fields', () => {
  it('__proto__ in base.config, inside an entry and as an axis (JSON and YAML)', () => {
    const proto = '"__proto__" is not a field or parameter name';
    expect(json('{"base":{"preset":"cartpole-reduced","config":{"__proto__":{"x":1}}},"seeds":[0]}')).toEqual([
      `base.config.__proto__: ${proto}`,
    ]);
    expect(json('{"base":{"preset":"cartpole-reduced","config":{"es":{"__proto__":1}}},"seeds":[0]}')).toEqual([
      `base.config.es.__proto__: ${proto}`,
    ]);
    expect(yaml('base: {preset: cartpole-reduced}\naxes:\n  __proto__: [1]\nseeds: [0]\n')).toEqual([
      `axes.__proto__: ${proto}`,
    ]);
    expect(refusal({ base, axes: { 'es.params.__proto__': [1] }, seeds: [0] })).toEqual([
      `axes["es.params.__proto__"]: ${proto}`,
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('x');
  });

  it('inherited names (constructor, toString) at the top, inside an entry and inside an axis value', () => {
    expect(refusal({ base: { ...base, config: { constructor: 1 } }, seeds: [0] })[0]).toMatch(
      /^base\.config\.constructor: "constructor" is not a field of the config/,
    );
    expect(refusal({ base: { ...base, config: { es: { constructor: 1 } } }, seeds: [0] })[0]).toMatch(
      /^base\.config\.es\.constructor: "constructor" is not a field of es \(fields: id, params, popSize/,
    );
    expect(refusal({ base, axes: { toString: [1] }, seeds: [0] })[0]).toMatch(
      /^axes\.toString: "toString" is not a field of the config/,
    );
    expect(refusal({ base, axes: { es: [{ id: 'snes' }, { constructor: 1 }] }, seeds: [0] })[0]).toMatch(
      /^axes\.es\[1\]\.constructor: "constructor" is not a field of es/,
    );
    expect(refusal({ base, axes: { prune: [{ round: 3 }] }, seeds: [0] })[0]).toMatch(
      /^axes\.prune\[0\]\.round: "round" is not a field of prune/,
    );
  });

  it('every preset resolved into base.config (what sweep.json keeps) passes the key checks', () => {
    for (const p of PRESETS) {
      const { spec } = loadSweepContent({ base: { preset: p.id }, seeds: [0] }, p.id);
      expect(() => loadSweepContent(JSON.parse(JSON.stringify(spec)), `${p.id}.json`), p.id).not.toThrow();
    }
  });
});

describe('a field set twice', () => {
  it('by a dotted key and a nested key of base.config, naming both spellings', () => {
    expect(refusal({ base: { ...base, config: { prune: { rounds: 3 }, 'prune.rounds': 4 } }, seeds: [0] })).toEqual([
      'base.config["prune.rounds"]: sets prune.rounds, which base.config.prune.rounds sets too: set each field in one place',
    ]);
  });

  it('by two axes, naming both', () => {
    expect(refusal({ base, axes: { 'prune.pruneFrac': [0.2], prune: [{ pruneFrac: 0.3 }] }, seeds: [0] })).toEqual([
      'axes.prune[0].pruneFrac: sets prune.pruneFrac, which axes["prune.pruneFrac"] sets too: set each field in one place',
    ]);
    expect(
      refusal({ base, axes: { 'prune.methods': [['magnitude']], 'prune.methods.0': ['snr'] }, seeds: [0] })[0],
    ).toMatch(/^axes\["prune.methods.0"\]: sets prune.methods, which axes\["prune.methods"\] sets too/);
  });

  it('an axis may still override base.config, and separate fields of one entry are fine', () => {
    const { plan } = loadSweepContent(
      {
        base: { ...base, config: { 'prune.rounds': 2, prune: { pruneFrac: 0.3 } } },
        axes: { 'prune.rounds': [3], es: [{ id: 'snes', params: { sigma_init: 0.2 } }], 'es.popSize': [16] },
        seeds: [0],
      },
      'ok.yaml',
    );
    const c = plan.configs[0].config;
    expect([c.prune.rounds, c.prune.pruneFrac, c.es.id, c.es.params.sigma_init, c.es.popSize]).toEqual([
      3,
      0.3,
      'snes',
      0.2,
      16,
    ]);
  });

  it('switching an entry after its params were set is refused; set together, in either key order, both count', () => {
    expect(
      refusal({ base: { ...base, config: { 'es.params.sigma_init': 0.2, 'es.id': 'snes' } }, seeds: [0] })[0],
    ).toMatch(
      /^base\.config\["es\.id"\]: switches es after base\.config\["es\.params\.sigma_init"\] set es\.params\.sigma_init/,
    );
    expect(
      refusal({ base, axes: { 'es.params.sigma_init': [0.2], 'es.id': ['snes', 'pgpe'] }, seeds: [0] })[0],
    ).toMatch(/^axes\["es\.id"\]: switches es after axes\["es\.params\.sigma_init"\]/);
    // The other order is what the switch rule is for: each ES gets the σ.
    const ok = loadSweepContent(
      { base, axes: { 'es.id': ['snes', 'pgpe'], 'es.params.sigma_init': [0.2] }, seeds: [0] },
      'ok.yaml',
    );
    expect(ok.plan.configs.map((c) => c.config.es.params.sigma_init)).toEqual([0.2, 0.2]);
    // Inside one value the params are kept whatever the key order (they used to be dropped when id came last).
    const inOne = loadSweepContent(
      { base, axes: { es: [{ params: { sigma_init: 0.2 }, id: 'snes' }] }, seeds: [0] },
      'ok.yaml',
    );
    expect(inOne.plan.configs[0].config.es.params.sigma_init).toBe(0.2);
  });
});

describe('seeds and settings with no effect', () => {
  it('seeds that are not whole numbers in range name the value and the range', () => {
    const range = 'seeds must be whole numbers from 0 to 2147483647';
    expect(refusal({ base, seeds: [0, 0.5] })).toEqual([`seeds[1]: ${range} (got 0.5)`]);
    expect(yaml('base: {preset: cartpole-reduced}\nseeds: [0, .inf]\n')).toEqual([`seeds[1]: ${range} (got Infinity)`]);
    expect(refusal({ base, seeds: -1 })).toEqual([`seeds: ${range} (got -1)`]);
    expect(refusal({ base, seeds: '0-3000000000' })).toEqual([`seeds: ${range} (got 3000000000)`]);
    expect(refusal({ base, seeds: '0-99999999' })).toEqual([
      'seeds: give between 1 and 32 seeds ("0-99999999" is more)',
    ]);
    expect(loadSweepContent({ base, seeds: '2-4' }, 'ok.yaml').spec.seeds).toEqual([2, 3, 4]);
  });

  it('es.sigmaMode other than the default is refused with a strategy that has one σ', () => {
    const lines = refusal({
      base: { ...base, config: { 'es.sigmaMode': 'sC' } },
      axes: { 'es.id': ['sep_cma_es', 'snes'] },
      seeds: [0],
    });
    expect(lines).toEqual([
      expect.stringMatching(/^configuration 1 \(es.id=snes\): es.sigmaMode has an effect only with Sep-CMA-ES/),
    ]);
  });
});
