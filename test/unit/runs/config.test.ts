import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConfig, ConfigError } from '../../../src/core/runs/config';
import { runId, canonicalJson } from '../../../src/core/runs/hash';
import { PRESETS } from '../../../src/core/runs/presets';

const reference = {
  task: { id: 'mnist', params: { pool: '14x14', batchSize: 256 } },
  network: { id: 'mlp', params: { width: 32 } },
  es: { id: 'pgpe', popSize: 64, centeredRank: true, params: { lrate_init: 0.02 } },
  prune: { methods: ['magnitude', 'snr', 'random_reinit'], rounds: 12 },
  budget: { generationsPerRound: 300, evalEvery: 50 },
  seeds: [0],
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  return [];
}

describe('experiment config schema and run identity', () => {
  it('fills every default so equivalent configs share one id', () => {
    const a = parseConfig(reference);
    const b = parseConfig({ ...reference, es: { ...reference.es, params: { lrate_init: 0.02, sigma_init: 0.1 } } });
    expect(a.es.params.sigma_init).toBe(0.1);
    expect(a.prune.pruneFrac).toBe(0.2);
    expect(runId(a)).toBe(runId(b));
    expect(runId(a)).not.toBe(runId(parseConfig({ ...reference, seeds: [1] })));
  });

  it('pins the run id of the reference config (changing it orphans every stored run)', () => {
    // If this fails, the canonical config or hash changed: bump CONFIG_SCHEMA_VERSION and migrate stored runs.
    expect(runId(parseConfig(reference))).toMatchInlineSnapshot(`"23d1965ef7a09ea2"`);
  });

  it('canonical JSON sorts keys recursively', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('names the exact field and allowed range on error', () => {
    expect(issuesOf({ ...reference, es: { ...reference.es, params: { sigma_init: 50 } } })).toEqual([
      { path: 'es.params.sigma_init', message: expect.stringMatching(/outside \[/) },
    ]);
    expect(issuesOf({ ...reference, prune: { ...reference.prune, rounds: 99 } })[0].path).toBe('prune.rounds');
    expect(issuesOf({ ...reference, es: { ...reference.es, id: 'nope' } })[0].message).toMatch(/valid: pgpe/);
    expect(issuesOf({ ...reference, es: { ...reference.es, popSize: 63 } })[0].message).toMatch(/even/);
    expect(issuesOf({ ...reference, es: { ...reference.es, id: 'open_es', params: {} } })[0].message).toMatch(
      /per-parameter σ/,
    );
    expect(issuesOf({ ...reference, network: { id: 'mlp', params: { width: 'wide' } } })[0].path).toBe(
      'network.params.width',
    );
  });

  it('every preset validates', () => {
    for (const p of PRESETS) expect(() => parseConfig(p.config), p.id).not.toThrow();
  });

  it('preset cards carry finished text: no placeholder tokens, issue or spec references', () => {
    for (const p of PRESETS) {
      const text = [p.label, p.description, p.expectedCost, p.costNote ?? '', ...p.deviations].join('\n');
      expect(text, p.id).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b|TODO|TBD/); // e.g. a MEASURED_X left in
      expect(text, p.id).not.toMatch(/issue \d|spec §/i);
    }
  });

  it('fuzz: arbitrary input never crashes validation, and every rejection names a field', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        try {
          parseConfig(input);
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError);
          for (const i of (e as ConfigError).issues) expect(i.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.record({
          popSize: fc.integer({ min: -10, max: 5000 }),
          rounds: fc.oneof(fc.integer(), fc.double()),
          sigma: fc.double(),
        }),
        (r) => {
          try {
            parseConfig({
              ...reference,
              es: { ...reference.es, popSize: r.popSize, params: { sigma_init: r.sigma } },
              prune: { ...reference.prune, rounds: r.rounds },
            });
          } catch (e) {
            expect(e).toBeInstanceOf(ConfigError);
            for (const i of (e as ConfigError).issues) expect(i.path).toMatch(/^(es|prune)\./);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
