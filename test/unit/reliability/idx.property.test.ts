/**
 * Input surface "IDX data files" (docs/RELIABILITY.md): a small valid gzipped IDX image/label pair with one
 * generated defect — a flipped bit anywhere in the compressed stream or trailer, a cut file, a wrong magic
 * number, wrong image size, a count that does not match the data, extra bytes, a label out of range — is
 * refused with an error that starts with the file's name and says what is wrong, whichever inflater reads
 * it: fflate (the browser's) or Node's zlib (the CLI's, vision/idx.ts `Gunzip`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { gunzipIdx, parseIdxImages, parseIdxLabels, type Gunzip } from '../../../src/core/tasks/vision/idx';
import { dataReader } from '../../../src/cli/node-io';
import { SurfaceTally } from '../../helpers/surface';

const tally = new SurfaceTally('idx-files');
afterAll(() => tally.save());

const N = 5;
function idx(magic: number, dims: number[], body: Uint8Array): Uint8Array {
  const head = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  head.setUint32(0, magic, false);
  dims.forEach((d, i) => head.setUint32(4 + 4 * i, d, false));
  const out = new Uint8Array(head.byteLength + body.length);
  out.set(new Uint8Array(head.buffer));
  out.set(body, head.byteLength);
  return out;
}
const pixels = Uint8Array.from({ length: N * 28 * 28 }, (_, i) => (i * 37) % 256);
const labels = Uint8Array.from({ length: N }, (_, i) => i % 10);
const images = (dims = [N, 28, 28], body = pixels, magic = 0x803) => idx(magic, dims, body);
const labelFile = (dims = [N], body = labels, magic = 0x801) => idx(magic, dims, body);
const inflaters: Record<string, Gunzip | undefined> = { fflate: undefined, zlib: dataReader.gunzip };

describe('IDX data files', () => {
  it.each(Object.keys(inflaters))('the generated files parse with %s (the defects start from valid files)', (k) => {
    expect(parseIdxImages(gzipSync(images()), 'img', inflaters[k]).count).toBe(N);
    expect(parseIdxLabels(gzipSync(labelFile()), 'lbl', 10, inflaters[k]).count).toBe(N);
  });

  it.each(Object.keys(inflaters))('%s stops inflating past the byte budget (64 MiB for an IDX file)', (k) => {
    const big = gzipSync(new Uint8Array(65 * 2 ** 20));
    expect(() => gunzipIdx(big, 'big', inflaters[k])).toThrow(/^big: .*limit 67108864|^big: .*larger than 67108864/);
  });

  it('every defect is refused naming the file', async () => {
    const gzImages = gzipSync(images());
    const content = fc.oneof(
      fc
        .integer({ min: 0, max: 0xffff })
        .filter((m) => m !== 0x803)
        .map((m) => ({ kind: 'images', raw: images(undefined, undefined, m), why: /wrong IDX magic/ })),
      fc
        .tuple(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }))
        .filter(([r, c]) => r !== 28 || c !== 28)
        .map(([r, c]) => ({ kind: 'images', raw: images([N, r, c]), why: /images are \d+×\d+, expected 28×28/ })),
      fc
        .integer({ min: 0, max: 100 })
        .filter((n) => n !== N)
        .map((n) => ({
          kind: 'images',
          raw: images([n, 28, 28]),
          why: /truncated IDX data|unexpected trailing bytes/,
        })),
      fc.integer({ min: 1, max: 50 }).map((k) => ({
        kind: 'images',
        raw: Uint8Array.from([...images(), ...new Uint8Array(k)]),
        why: /trailing bytes/,
      })),
      fc
        .integer({ min: 0, max: 16 + N * 784 - 1 })
        .map((k) => ({ kind: 'images', raw: images().slice(0, k), why: /truncated IDX/ })),
      fc.record({ at: fc.nat(N - 1), v: fc.integer({ min: 10, max: 255 }) }).map(({ at, v }) => {
        const l = labels.slice();
        l[at] = v;
        return {
          kind: 'labels',
          raw: labelFile(undefined, l),
          why: new RegExp(`label ${v} at index ${at} is not in 0…9`),
        };
      }),
      fc
        .integer({ min: 0, max: 0xffff })
        .filter((m) => m !== 0x801)
        .map((m) => ({ kind: 'labels', raw: labelFile(undefined, undefined, m), why: /wrong IDX magic/ })),
    );
    const compressed = fc.oneof(
      fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }).map(({ at, bit }) => {
        const b = gzImages.slice();
        // Past the header's time/OS bytes, which gzip does not check, and short of the compressed stream's
        // last byte, whose high bits are padding after the final code that no inflater reads.
        const flipped = 10 + (at % (b.length - 11));
        b[flipped >= b.length - 9 ? flipped + 1 : flipped] ^= 1 << bit;
        return { kind: 'gz', bytes: b, why: /truncated or corrupt gzip data/ };
      }),
      fc.nat().map((k) => ({
        kind: 'gz',
        bytes: gzImages.slice(0, k % gzImages.length),
        why: /not a gzip file|truncated or corrupt gzip data/,
      })),
      fc
        .uint8Array({ minLength: 0, maxLength: 40 })
        .filter((b) => !(b[0] === 0x1f && b[1] === 0x8b))
        .map((b) => ({ kind: 'gz', bytes: b, why: /not a gzip file/ })),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(content, compressed), fc.constantFrom(...Object.keys(inflaters)), async (d, k) => {
        const name = d.kind === 'labels' ? 'train-labels' : 'train-images';
        const bytes = 'raw' in d ? gzipSync(d.raw) : d.bytes;
        const gunzip = inflaters[k];
        const parse = () =>
          d.kind === 'labels' ? parseIdxLabels(bytes, name, 10, gunzip) : parseIdxImages(bytes, name, gunzip);
        const message = await tally.expectRefused(parse, d.why);
        expect(message.startsWith(`${name}: `)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
