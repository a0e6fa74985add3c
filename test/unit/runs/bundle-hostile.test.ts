/**
 * Bundle import against damaged and hostile files (docs/RELIABILITY.md "run bundles"): gzip is inflated
 * in slices against the size budget and its CRC-32 checked; error messages never echo a huge field back;
 * metrics that contradict the arrays (sparsity vs mask, negative σ, NaN means, rounds or chains without
 * their earlier rounds) are refused, naming the record and field.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { crc32, gunzipBounded } from '../../../src/core/runs/gunzip';
import { exportBundle, exportBundleGzip, importBundle } from '../../../src/core/runs/bundle';
import { fakeRun, quickConfig } from './fixtures';

const run = fakeRun(quickConfig, 2);
const bundle = { config: quickConfig, createdAt: '2024-01-01T00:00:00.000Z', records: run.records, chains: run.chains };
const message = (input: string | Uint8Array) => {
  const r = importBundle(input);
  return r.ok ? '(accepted)' : r.message;
};
/** Bundle JSON as the edits below see it (loose on purpose: they write nonsense into it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hostile edits of arbitrary fields
type Json = any;
/** The bundle as JSON, edited by `f`. */
const edited = (f: (j: Json) => void) => {
  const j = JSON.parse(exportBundle(bundle)) as Json;
  f(j);
  return JSON.stringify(j);
};

describe('gzip', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('a bad CRC or length trailer is refused (the one-shot gunzip accepted it)', () => {
    const gz = exportBundleGzip(bundle);
    expect(importBundle(gz).ok).toBe(true);
    const badCrc = gz.slice();
    badCrc[gz.length - 8] ^= 0xff;
    expect(message(badCrc)).toMatch(/checksum \(CRC-32\) does not match/);
    const badLen = gz.slice();
    badLen[gz.length - 4] ^= 1;
    expect(message(badLen)).toMatch(/length field does not match|declares/);
  });

  it('stops inflating past the budget even when the trailer lies about the size', () => {
    const bomb = gzipSync(new Uint8Array(16 * 2 ** 20)); // 16 MiB of zeros in ~16 KiB
    bomb.set([0, 1, 0, 0], bomb.length - 4); // declares 256 bytes
    expect(() => gunzipBounded(bomb, 2 ** 20)).toThrow(/larger than 1048576 bytes once unpacked.*stopped unpacking/);
    const truncated = gzipSync(new TextEncoder().encode('x'.repeat(100000))).slice(0, 40);
    expect(() => gunzipBounded(truncated, 2 ** 20)).toThrow(/damaged or incomplete/);
  });

  it('a cut-off file is called damaged or incomplete, not too big; a really big one meets the size limit', () => {
    const gz = exportBundleGzip(bundle);
    // Cut anywhere, the last 4 bytes gzip reads as the length are compressed data: often billions.
    for (const cut of [gz.length - 9, Math.floor(gz.length / 2), 200, 19, 12]) {
      const msg = message(gz.slice(0, cut));
      expect(msg, `cut at ${cut}`).toMatch(/^the file is damaged or incomplete \(was the download cut off\?\)/);
      expect(msg).not.toMatch(/declares|limit|larger than/);
    }
    // A trailer declaring ~4.2 GB on a small file: said to be impossible, not over the limit.
    const lying = gz.slice();
    lying.set([0xf9, 0xff, 0x6c, 0xfc], lying.length - 4); // 4234477561 bytes
    expect(message(lying)).toMatch(/damaged or incomplete.*more than \d+ compressed bytes can hold/);
    // A plausible declared size over the budget: inflated up to the budget, then refused as too big…
    const big = gzipSync(new Uint8Array(3 * 2 ** 20));
    expect(() => gunzipBounded(big, 2 ** 20)).toThrow(/larger than 1048576 bytes once unpacked/);
    // …unless the stream ends first: a cut-off file whose garbage length happens to be plausible.
    const cutBig = big.slice(0, Math.floor(big.length / 2));
    cutBig.set([0, 0, 0x30, 0], cutBig.length - 4); // declares 3 MiB
    expect(() => gunzipBounded(cutBig, 2 ** 20)).toThrow(/damaged or incomplete/);
  });
});

describe('messages', () => {
  it('never echo a huge field back', () => {
    const huge = 'A'.repeat(4 * 2 ** 20); // a 4 MiB field
    for (const text of [
      JSON.stringify({ format: huge }),
      edited((j) => (j.version = huge)),
      edited((j) => (j.config.task.id = huge)),
      edited((j) => (j.config.es.params = { [huge]: 1 })),
      edited((j) => (j.records[0][huge] = 1)),
    ]) {
      const m = message(text);
      expect(m).not.toBe('(accepted)');
      expect(m.length).toBeLessThanOrEqual(601);
    }
  });
});

describe('metrics are cross-checked against the arrays', () => {
  it.each([
    [
      'sparsity 0.9 on a mask that keeps every weight',
      (j: Json) => (j.records[0].sparsityFrac = 0.9),
      /records\.0\.sparsityFrac: says 0\.9, the mask's sparsity is 0\.000000/,
    ],
    [
      'active-weight count',
      (j: Json) => (j.records[2].prunableActive -= 1),
      /records\.2\.prunableActive: says \d+ active weights, the mask keeps \d+/,
    ],
    [
      'layer sparsity',
      (j: Json) => (j.records[2].layerSparsity[0] = 0.5),
      /records\.2\.layerSparsity: layer 0 says 0\.5/,
    ],
    [
      'an accuracy above 1 (an edited file would draw 750 % test accuracy)',
      (j: Json) => (j.records[1].finalPerf = 7.5),
      /records\.1\.finalPerf: 7\.5 is not an accuracy \(a fraction from 0 to 1\)/,
    ],
    [
      'a negative accuracy in the test curve of a round',
      (j: Json) => j.records[0].evals.length && (j.records[0].evals[0].perf = -0.1),
      /records\.0\.evals\.0\.perf: -0\.1 is not an accuracy/,
    ],
    [
      'round 2 without round 1',
      (j: Json) => (j.records = j.records.filter((r: Json) => !(r.method === 'snr' && r.roundNum === 1))),
      /records: seed 0 snr round 2 is there without round 1/,
    ],
    [
      'a chain after a round that is not there',
      (j: Json) => (j.chains[0].nextRoundNum = 4),
      /chains\.0: continues after round 3 of seed 0 \w+, which is not in the file/,
    ],
  ])('%s', (_name, edit, expected) => {
    expect(message(edited(edit as (j: Json) => void))).toMatch(expected);
  });

  it('a NaN mean and a negative σ', () => {
    const nanMean = fakeRun(quickConfig, 1);
    nanMean.records[0].mean[5] = NaN;
    expect(message(exportBundle({ ...bundle, records: nanMean.records, chains: undefined }))).toMatch(
      /records\.0\.mean: entry 5 is NaN \(must be a finite number\)/,
    );
    const negStd = fakeRun(quickConfig, 1);
    negStd.records[1].std[7] = -0.5;
    expect(message(exportBundle({ ...bundle, records: negStd.records, chains: undefined }))).toMatch(
      /records\.1\.std: entry 7 is -0\.5 \(σ cannot be negative\)/,
    );
  });
});
