/**
 * Input surface "run bundle" (docs/RELIABILITY.md): a real bundle (a CartPole run folder written by `lab
 * imp`, bundled by `lab bundle`) with one generated defect — a field of a record, chain or the envelope
 * set to a bad value, a record duplicated or missing, a flipped byte in the gzip, a cut-off file — is
 * refused by importBundle with a message naming the record and field (or the gzip/JSON layer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBundle, exportBundleGzip, importBundle, type RunBundle } from '../../../src/core/runs/bundle';
import { bundleOfFolder } from '../../../src/cli/bundle-command';
import { runId } from '../../../src/core/runs/hash';
import { parseConfig } from '../../../src/core/runs/config';
import { runCli, tinyImpArgs } from '../../helpers/cli';
import { SurfaceTally } from '../../helpers/surface';

const tally = new SurfaceTally('run-bundle');
let root = '';
let bundle: Omit<RunBundle, 'runId'>;
let text = '';
let gz: Uint8Array = new Uint8Array();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-bundle-prop-'));
  expect((await runCli(tinyImpArgs(join(root, 'run')))).code).toBe(0);
  bundle = await bundleOfFolder(join(root, 'run'), { command: 'test' });
  text = exportBundle(bundle);
  gz = exportBundleGzip(bundle);
});
afterAll(async () => {
  tally.save();
  await rm(root, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hostile edits of arbitrary fields
type Json = any;
const refusal = (input: string | Uint8Array): string | undefined => {
  const r = importBundle(input);
  return r.ok ? undefined : r.message;
};

/** A bad value for a record field (each one must be refused whatever the record). */
const RECORD_EDITS: Record<string, fc.Arbitrary<(r: Json) => void>> = {
  seed: fc.constantFrom(-1, 1.5, 'x', 99, null).map((v) => (r: Json) => (r.seed = v)),
  method: fc.constantFrom('', 'x'.repeat(100), 'nope', 7).map((v) => (r: Json) => (r.method = v)),
  roundNum: fc.constantFrom(0, 99, 1.5, -2, '1').map((v) => (r: Json) => (r.roundNum = v)),
  sparsityFrac: fc.constantFrom(-0.1, 2, 'NaN', 0.9, null).map((v) => (r: Json) => (r.sparsityFrac = v)),
  prunableActive: fc
    .constantFrom(-1, 1, 10 ** 9, 0.5)
    .map((d) => (r: Json) => (r.prunableActive = d === 1 ? r.prunableActive + 1 : d)),
  esDim: fc.constantFrom(-1, 10 ** 9, 'a').map((v) => (r: Json) => (r.esDim = v)),
  finalPerf: fc.constantFrom('abc', {}, null, [1]).map((v) => (r: Json) => (r.finalPerf = v)),
  evals: fc
    .constantFrom('x', [{ gen: -1, perf: 1, loss: 1 }], [{ gen: 1 }], null)
    .map((v) => (r: Json) => (r.evals = v)),
  mask: fc
    .constantFrom<(m: Json) => void>(
      (m) => (m.dtype = 'f32'),
      (m) => (m.data = '!!!'),
      (m) => (m.length += 1),
      (m) => (m.data = m.data.slice(0, -4)),
    )
    .map((f) => (r: Json) => f(r.mask)),
  mean: fc
    .constantFrom<(m: Json) => void>(
      (m) => (m.length -= 1),
      (m) => (m.dtype = 'u8'),
      (m) => (m.data = ''),
    )
    .map((f) => (r: Json) => f(r.mean)),
  std: fc
    .constantFrom<(m: Json) => void>(
      (m) => (m.length = 0),
      (m) => (m.data = 'AAAA'),
    )
    .map((f) => (r: Json) => f(r.std)),
  layerSparsity: fc.constantFrom([2], [0.5, 0.5], [0, 0, 0], 'x').map((v) => (r: Json) => (r.layerSparsity = v)),
  wallMs: fc.constantFrom(-1, 'x', null).map((v) => (r: Json) => (r.wallMs = v)),
  sharedWith: fc.constantFrom(['zzz'], 'x', [1]).map((v) => (r: Json) => (r.sharedWith = v)),
  missing: fc.constantFrom('seed', 'mask', 'evals', 'generations').map((k) => (r: Json) => delete r[k]),
  unknown: fc.stringMatching(/^[a-z]{1,10}$/).map((k) => (r: Json) => (r[`x_${k}`] = 1)),
};

describe('run bundle', () => {
  it('the bundle imports (the generators start from a valid file)', () => {
    expect(importBundle(text).ok).toBe(true);
    expect(importBundle(gz).ok).toBe(true);
  });

  it('a record with one bad field is refused, naming the record', async () => {
    const edit = fc.record({
      index: fc.nat(),
      change: fc.constantFrom(...Object.keys(RECORD_EDITS)).chain((k) => RECORD_EDITS[k]),
    });
    await fc.assert(
      fc.asyncProperty(edit, async ({ index, change }) => {
        const j = JSON.parse(text) as Json;
        const i = index % j.records.length;
        change(j.records[i]);
        await tally.expectRefused(() => refusal(JSON.stringify(j)), new RegExp(`records(\\.${i}\\b|:)`));
      }),
      { numRuns: 300 },
    );
  });

  it('a bad envelope, a duplicated or missing round, a flipped gzip byte or a cut file is refused', async () => {
    const top = fc
      .oneof(
        fc.constantFrom<[(j: Json) => void, RegExp]>(
          [(j) => (j.format = 'zip'), /format/],
          [(j) => (j.version = 2), /version/],
          [(j) => (j.runId = '0'.repeat(16)), /run id mismatch/],
          [(j) => (j.runId = 'xyz'), /runId/],
          [(j) => (j.createdAt = 'yesterday'), /createdAt/],
          [(j) => (j.config.es.popSize = 3), /config\.es\.popSize/],
          [(j) => (j.config.seeds = [0, 0]), /config\.seeds/],
          [(j) => (j.config.prune.rounds = 2), /run id mismatch/],
          [
            (j) => {
              j.config.prune.rounds = 2; // the file's run id made to match its edited config
              j.runId = runId(parseConfig(j.config));
            },
            /records\.\d+: roundNum 3 exceeds/,
          ],
          [(j) => (j.records = 'x'), /records/],
          [(j) => j.records.push(j.records[3]), /records\.\d+: duplicate entry/],
          [(j) => j.records.splice(2, 1), /records: seed 0 \w+ round 3 is there without round 2/],
          [(j) => (j.provenance = { runCommands: 'x' }), /provenance/],
          [(j) => (j.__proto__x = 1), /__proto__x|unrecognized|Unrecognized/],
        ),
      )
      .map(([f, re]) => {
        const j = JSON.parse(text) as Json;
        f(j);
        return { input: JSON.stringify(j) as string | Uint8Array, re };
      });
    const bytes = fc.oneof(
      fc
        .record({ at: fc.integer({ min: 10, max: 10 ** 6 }), bit: fc.integer({ min: 0, max: 7 }) })
        .map(({ at, bit }) => {
          const b = gz.slice();
          const i = 10 + (at % (b.length - 10)); // past the header's time/OS bytes, which gzip does not check
          b[i] ^= 1 << bit;
          return { input: b as string | Uint8Array, re: /gzip|JSON|UTF-8|bundle|records|config/ };
        }),
      fc
        .integer({ min: 1, max: 10 ** 6 })
        .map((n) => ({ input: gz.slice(0, n % gz.length) as string | Uint8Array, re: /gzip|JSON|UTF-8|bundle/ })),
      fc
        .integer({ min: 1, max: 10 ** 6 })
        .map((n) => ({ input: text.slice(0, n % text.length) as string | Uint8Array, re: /JSON|bundle/ })),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(top, bytes), async ({ input, re }) => {
        await tally.expectRefused(() => refusal(input), re);
      }),
      { numRuns: 300 },
    );
  });
});
