import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, gzipSync } from 'fflate';
import {
  exportBundle,
  exportBundleGzip,
  bundleToJson,
  importBundle,
  BUNDLE_FORMAT,
  type RunBundle,
} from '../../../src/core/runs/bundle';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { packArray } from '../../../src/core/runs/packed-array';
import { encodeBase64 } from '../../../src/core/runs/base64';
import { fakeRun, quickConfig, sameBytes } from './fixtures';

const { records, chains } = fakeRun(quickConfig, 3);
const run = {
  config: quickConfig,
  createdAt: '2024-05-01T12:00:00.000Z',
  label: 'test run',
  command: 'npm run lab -- imp --preset mnist-quick',
  precomputed: true,
  records,
  chains,
};
const text = exportBundle(run);

function importOk(input: string | Uint8Array): RunBundle {
  const r = importBundle(input);
  if (!r.ok) throw new Error(r.message);
  return r.bundle;
}

function rejection(input: string | Uint8Array): string {
  const r = importBundle(input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
}

/** Edits the bundle JSON and re-serialises it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke arbitrary paths of parsed JSON
function tampered(edit: (j: Record<string, any>) => void): string {
  const j = JSON.parse(text);
  edit(j);
  return JSON.stringify(j);
}

describe('run bundle export → import', () => {
  it('is lossless: typed arrays bit-identical, non-finite metrics preserved', () => {
    const b = importOk(text);
    expect(b.runId).toBe(runId(quickConfig));
    expect(b.config).toEqual(quickConfig);
    expect(b).toMatchObject({ createdAt: run.createdAt, label: 'test run', command: run.command, precomputed: true });
    expect(b.records).toHaveLength(records.length);
    b.records.forEach((r, i) => {
      const o = records[i];
      expect(sameBytes(r.mask, o.mask)).toBe(true);
      expect(sameBytes(r.mean, o.mean)).toBe(true);
      expect(sameBytes(r.std, o.std)).toBe(true);
      expect(r.mask).toBeInstanceOf(Uint8Array);
      expect(r.mean).toBeInstanceOf(Float32Array);
      const { mask: _m, mean: _a, std: _s, ...rest } = r;
      const { mask: _m2, mean: _a2, std: _s2, ...restO } = o;
      expect(rest).toEqual(restO); // toEqual treats NaN as equal to NaN and Infinity exactly
    });
    expect(Object.is(b.records[0].mean[0], -0)).toBe(true);
    expect(Number.isNaN(b.records[0].sigmaStats.mean)).toBe(true);
    expect(b.records.find((r) => r.roundNum === 2)!.evals[1].loss).toBe(Infinity);
    b.chains!.forEach((c, i) => {
      expect(c).toMatchObject({ seed: chains[i].seed, method: chains[i].method, nextRoundNum: 4 });
      expect(sameBytes(c.mask, chains[i].mask)).toBe(true);
      expect(sameBytes(c.init, chains[i].init)).toBe(true);
    });
  });

  it('compresses masks hugely and accepts gzip bytes and UTF-8 bytes', () => {
    const packed = packArray(records[0].mask);
    expect(packed.data.length).toBeLessThan(records[0].mask.length / 20); // dense mask: all ones
    expect(importOk(exportBundleGzip(run)).records).toHaveLength(records.length);
    expect(importOk(new TextEncoder().encode(text)).runId).toBe(runId(quickConfig));
  });

  it("never trusts the caller's run id: export recomputes it from the canonical config", () => {
    expect(bundleToJson({ ...run, config: quickConfig }).runId).toBe(runId(parseConfig(quickConfig)));
  });
});

describe('curves-only bundles (metrics of every round, no masks, weights or chains)', () => {
  const curves = exportBundle({ ...run, curvesOnly: true });

  it('keep every metric, drop the arrays and the chains, and say so; a fraction of the size', () => {
    const b = importOk(curves);
    expect(b.curvesOnly).toBe(true);
    expect(b.chains).toBeUndefined();
    expect(b.records).toHaveLength(records.length);
    b.records.forEach((r, i) => {
      const o = records[i];
      expect([r.mask.length, r.mean.length, r.std.length]).toEqual([0, 0, 0]);
      expect(r).toMatchObject({
        seed: o.seed,
        method: o.method,
        roundNum: o.roundNum,
        sparsityFrac: o.sparsityFrac,
        prunableActive: o.prunableActive,
        layerSparsity: o.layerSparsity,
        generations: o.generations,
      });
      expect(Object.is(r.finalPerf, o.finalPerf)).toBe(true);
    });
    expect(curves.length).toBeLessThan(text.length / 5);
    expect(importOk(text).curvesOnly).toBeUndefined(); // a full bundle is not marked
  });

  it('a curves-only file may not carry arrays or chains, and a full file may not leave an array out', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke arbitrary paths of parsed JSON
    const edit = (base: string, f: (j: Record<string, any>) => void) => {
      const j = JSON.parse(base);
      f(j);
      return JSON.stringify(j);
    };
    const full = JSON.parse(text);
    expect(rejection(edit(curves, (j) => (j.records[1].mean = full.records[1].mean)))).toMatch(
      /records\.1\.mean: must be left out: the bundle says it holds curves only/,
    );
    expect(rejection(edit(curves, (j) => (j.chains = full.chains)))).toMatch(/^chains: must be left out/);
    expect(rejection(edit(text, (j) => delete j.records[2].std))).toMatch(
      /records\.2\.std: missing \(only a curves-only bundle leaves it out\)/,
    );
    expect(rejection(edit(text, (j) => (j.curvesOnly = false)))).toMatch(/curvesOnly/);
  });
});

describe('bundle import rejects bad files with a message and no result', () => {
  it('run id mismatch (config edited after export)', () => {
    const msg = rejection(
      tampered((j) => {
        j.config.es.popSize = 32;
      }),
    );
    expect(msg).toMatch(/run id mismatch/);
  });

  it('truncated and corrupted files', () => {
    expect(rejection(text.slice(0, text.length / 2))).toMatch(/not valid JSON/);
    const gz = exportBundleGzip(run);
    expect(rejection(gz.subarray(0, gz.length - 100))).toMatch(/damaged or incomplete \(was the download cut off\?\)/);
    // Flip one base64 character inside a compressed mean: inflate fails or the length is wrong.
    const msg = rejection(
      tampered((j) => {
        const s: string = j.records[1].mean.data;
        j.records[1].mean.data = s.slice(0, 40) + (s[40] === 'A' ? 'B' : 'A') + s.slice(41);
      }),
    );
    expect(msg).toMatch(/^records\.1\.mean: /);
    expect(rejection(new Uint8Array([0xff, 0xfe, 0x00]))).toMatch(/^the file is neither text nor gzip/);
  });

  it('an empty file, and a gzip file that holds no text, are each said as such', () => {
    for (const empty of ['', '  \n', new Uint8Array(0), gzipSync(new Uint8Array(0))])
      expect(rejection(empty)).toMatch(/^the file is empty \(the lab saves runs as \.json or \.json\.gz files\)$/);
    const binary = gzipSync(new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0xc3]));
    expect(rejection(binary)).toMatch(/^the file is a gzip archive, but what it holds is not text/);
  });

  it('wrong format and wrong version', () => {
    expect(rejection('{"format":"something-else","version":1}')).toMatch(/not an ES Lottery Lab run bundle/);
    expect(rejection('[1,2,3]')).toMatch(/expected a JSON object/);
    expect(
      rejection(
        tampered((j) => {
          j.version = 2;
        }),
      ),
    ).toMatch(/unsupported bundle version 2/);
    expect(
      rejection(
        tampered((j) => {
          j.extra = 1;
        }),
      ),
    ).toMatch(/Unrecognized key/);
  });

  it('arrays whose length differs from the network D, or masks that are not 0/1', () => {
    const shortMean = packArray(new Float32Array(100));
    expect(
      rejection(
        tampered((j) => {
          j.records[0].mean = shortMean;
        }),
      ),
    ).toMatch(/records\.0\.mean: declares 100 entries but the network has D = 6634/);
    // Declared length right, actual payload short: inflate gives fewer bytes than declared.
    expect(
      rejection(
        tampered((j) => {
          j.records[0].std = { ...shortMean, length: 6634 };
        }),
      ),
    ).toMatch(/records\.0\.std: inflates to only 400 bytes/);
    const bad = new Uint8Array(6634).fill(1);
    bad[7] = 2;
    expect(
      rejection(
        tampered((j) => {
          j.records[0].mask = packArray(bad);
        }),
      ),
    ).toMatch(/mask: entry 7 is 2/);
    expect(
      rejection(
        tampered((j) => {
          j.records[0].layerSparsity = [0];
        }),
      ),
    ).toMatch(/network has 2 layers/);
  });

  it('hostile input: huge declared sizes, zip bombs, prototype keys, NaN where numbers are required', () => {
    expect(
      rejection(
        tampered((j) => {
          j.records[0].mask.length = 2 ** 40;
        }),
      ),
    ).toMatch(/declares 1099511627776 entries/);
    // Zip bomb: 64 MiB of zeros deflate to ~64 kB; the importer inflates into D + 1 bytes and stops there.
    const bomb = { dtype: 'u8', length: 6634, data: encodeBase64(deflateSync(new Uint8Array(64 * 2 ** 20))) };
    expect(bomb.data.length).toBeLessThan(200_000);
    expect(
      rejection(
        tampered((j) => {
          j.records[0].mask = bomb;
        }),
      ),
    ).toMatch(/records\.0\.mask: inflates to more than 6634 bytes/);
    expect(rejection(text.replace('"records":[', '"__proto__":{"polluted":1},"records":['))).toMatch(
      /forbidden key "__proto__"/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      rejection(
        tampered((j) => {
          j.config.es.params.constructor = { prototype: 1 };
        }),
      ),
    ).toMatch(/forbidden key/);
    expect(
      rejection(
        tampered((j) => {
          j.records[0].roundNum = 'NaN';
        }),
      ),
    ).toMatch(/records\.0\.roundNum/);
    expect(
      rejection(
        tampered((j) => {
          j.records[0].sparsityFrac = null;
        }),
      ),
    ).toMatch(/records\.0\.sparsityFrac/);
    expect(
      rejection(
        tampered((j) => {
          j.records[0].seed = 7;
        }),
      ),
    ).toMatch(/seed 7 is not among the config's seeds/);
    expect(
      rejection(
        tampered((j) => {
          j.records[0].roundNum = 99;
        }),
      ),
    ).toMatch(/roundNum 99 exceeds/);
    expect(
      rejection(
        tampered((j) => {
          j.records.push(j.records[0]);
        }),
      ),
    ).toMatch(/duplicate entry/);
    expect(
      rejection(
        tampered((j) => {
          j.config.es.popSize = 1e9;
        }),
      ),
    ).toMatch(/config\.es\.popSize/);
    expect(rejection('['.repeat(200_000) + ']'.repeat(200_000))).toBeTruthy();
  });

  it('fuzz: arbitrary text, arbitrary JSON, and mutated bundles never throw and always carry a message', () => {
    const check = (input: string | Uint8Array) => {
      const r = importBundle(input);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
      return r;
    };
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(check(s).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(check(b).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(check(JSON.stringify(v)).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    // Structure-aware: replace one random leaf of a valid (small) bundle with an arbitrary JSON value.
    const small = JSON.parse(exportBundle({ ...run, records: records.slice(0, 2), chains: undefined }));
    const leaves: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
      else leaves.push(path);
    };
    walk(small, []);
    fc.assert(
      fc.property(fc.nat(leaves.length - 1), fc.jsonValue(), (li, value) => {
        const j = structuredClone(small);
        const path = leaves[li];
        let o = j;
        for (const k of path.slice(0, -1)) o = o[k];
        const before = o[path.at(-1)!];
        o[path.at(-1)!] = value;
        const r = check(JSON.stringify(j));
        if (!r.ok) return;
        // Accepted edits must still satisfy the importer's guarantees (e.g. a metric string "NaN" → 0 is legal).
        expect(typeof value === typeof before || typeof before === 'string').toBe(true);
        for (const rec of r.bundle.records) {
          expect([rec.mask.length, rec.mean.length, rec.std.length]).toEqual([6634, 6634, 6634]);
          expect(rec.mask.every((x) => x <= 1)).toBe(true);
          expect(quickConfig.seeds).toContain(rec.seed);
        }
      }),
      { numRuns: 400 },
    );
    expect(BUNDLE_FORMAT).toBe('es-lottery-lab-run');
  });
});
