import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShareParams, encodeShareQuery, minimalConfig } from '../../../src/core/runs/url-codec';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { PRESETS, getPreset } from '../../../src/core/runs/presets';
import { encodeBase64 } from '../../../src/core/runs/base64';

const quick = parseConfig(getPreset('mnist-quick').config);
const linkWith = (json: unknown) => `c=${encodeBase64(new TextEncoder().encode(JSON.stringify(json)), true)}`;

describe('share-link URL codec', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('round-trips preset %s to the same run id', (_, preset) => {
    const config = parseConfig(preset.config);
    const query = encodeShareQuery(config, { seed: config.seeds.at(-1), hidden: ['prune', 'es'] });
    expect(query.length).toBeLessThan(700);
    expect(query).toContain('hide=prune,es');
    const back = decodeShareParams(`?${query}`);
    expect(back.errors).toEqual([]);
    expect(runId(back.config)).toBe(runId(config));
    expect(back.config).toEqual(config);
    expect(back.seed).toBe(config.seeds.at(-1));
    expect([...back.hidden]).toEqual(['prune', 'es']);
  });

  it('carries only non-default fields', () => {
    const m = minimalConfig(quick);
    expect(m).not.toHaveProperty('schemaVersion');
    expect(m).not.toHaveProperty('backend'); // 'auto' is the default
    expect(m.prune).toEqual({ methods: ['magnitude', 'snr', 'random_reinit'], rounds: 12 }); // pruneFrac 0.2 = default
    expect(m.budget).toEqual({ generationsPerRound: 300, evalEvery: 50 });
    expect(m.es).toMatchObject({ id: 'pgpe', popSize: 64, centeredRank: true });
    expect((m.es as Record<string, unknown>).zScore).toBeUndefined();
  });

  it('returns field-named errors instead of throwing', () => {
    const bad = decodeShareParams(linkWith({ ...minimalConfig(quick), es: { id: 'pgpe', popSize: 100000 } }));
    expect(bad.config).toBeUndefined();
    expect(bad.errors.map((e) => e.path)).toContain('es.popSize');
    expect(decodeShareParams('c=eyJ0YXNrIjp7ImlkI').errors[0]).toMatchObject({
      path: 'c',
      message: expect.stringMatching(/damaged/),
    });
    expect(decodeShareParams('c=%%%').errors[0].path).toBe('c');
    const seedErr = decodeShareParams(`${encodeShareQuery(quick)}&seed=5`);
    expect(seedErr.errors).toEqual([{ path: 'seed', message: "seed 5 is not among the config's seeds [0]" }]);
    expect(seedErr.config).toEqual(quick); // a bad seed does not throw the config away
    expect(decodeShareParams('seed=-1').errors[0].path).toBe('seed');
    const hide = decodeShareParams('hide=prune,bogus,,es');
    expect([...hide.hidden]).toEqual(['prune', 'es']);
    expect(hide.errors).toEqual([
      { path: 'hide', message: expect.stringMatching(/unknown section "bogus" \(valid: task, network, es/) },
    ]);
    expect(decodeShareParams('c=x&v=2').errors[0]).toMatchObject({ path: 'v' });
    expect(decodeShareParams('')).toEqual({ hidden: new Set(), errors: [] });
  });

  it('a link whose config is valid JSON but not an object names the config as the field', () => {
    // c=Mg is base64 for "2": once found by the fuzz below, whose path then was ''.
    for (const r of [decodeShareParams(new URLSearchParams({ c: 'Mg' })), decodeShareParams(linkWith([1]))]) {
      expect(r.config).toBeUndefined();
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.errors.every((e) => e.path === 'config')).toBe(true);
    }
  });

  it('fuzz: no query string makes decoding throw; every error names a field', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (c, seed, hide) => {
        const q = new URLSearchParams({ c, seed, hide });
        const r = decodeShareParams(q);
        for (const e of r.errors) {
          expect(e.path.length).toBeGreaterThan(0);
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = decodeShareParams(linkWith(v));
        expect(r.config === undefined).toBe(r.errors.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
