import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'fflate';
import { parseIdxImages, parseIdxLabels } from '../../../src/core/tasks/vision/idx';
import {
  DATASETS,
  avgPool2x2,
  getDataset,
  labelHistogram,
  loadDataset,
  normalizePixels,
  normalizedPool2x2,
} from '../../../src/core/tasks/vision/datasets';
import { dataReader } from '../../../src/cli/node-io';

const readBytes = async (p: string): Promise<Uint8Array> => new Uint8Array(await readFile(`public/data/${p}`));

/** A hand-made IDX file: big-endian header words followed by data bytes. */
function idx(words: number[], data: number[]): Uint8Array {
  const out = new Uint8Array(4 * words.length + data.length);
  const v = new DataView(out.buffer);
  words.forEach((w, i) => v.setUint32(4 * i, w, false));
  out.set(data, 4 * words.length);
  return out;
}

describe('IDX parser', () => {
  it('parses the bundled MNIST test labels with the published histogram', async () => {
    const { count, labels } = parseIdxLabels(await readBytes('mnist/t10k-labels-idx1-ubyte.gz'));
    expect(count).toBe(10_000);
    expect(labelHistogram(labels)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });
  it('parses the bundled MNIST test images (count, 28×28, byte length)', async () => {
    const im = parseIdxImages(await readBytes('mnist/t10k-images-idx3-ubyte.gz'));
    expect([im.count, im.rows, im.cols, im.pixels.length]).toEqual([10_000, 28, 28, 7_840_000]);
  });
  it('parses a hand-made file and rejects wrong magic, truncation, trailing bytes and non-gzip', () => {
    const good = gzipSync(idx([0x801, 3], [7, 0, 9]));
    expect(Array.from(parseIdxLabels(good).labels)).toEqual([7, 0, 9]);
    expect(() => parseIdxLabels(gzipSync(idx([0x803, 3], [7, 0, 9])), 'x.gz')).toThrow(
      /x\.gz: wrong IDX magic 0x00000803, expected 0x00000801/,
    );
    expect(() => parseIdxImages(good, 'lab.gz')).toThrow(/wrong IDX magic 0x00000801, expected 0x00000803/);
    expect(() => parseIdxLabels(gzipSync(idx([0x801, 4], [7, 0, 9])))).toThrow(/truncated IDX data/);
    expect(() => parseIdxLabels(gzipSync(idx([0x801, 2], [7, 0, 9])))).toThrow(/trailing bytes/);
    expect(() => parseIdxLabels(gzipSync(idx([0x801, 1], [10])))).toThrow(/label 10 at index 0/);
    expect(() => parseIdxImages(gzipSync(idx([0x803, 1, 2, 2], [1, 2, 3, 4])))).toThrow(/2×2, expected 28×28/);
    expect(() => parseIdxLabels(idx([0x801, 3], [7, 0, 9]), 'raw.idx')).toThrow(/raw\.idx: not a gzip file/);
  });
  it('reports a truncated gzip stream (cut bundled file)', async () => {
    const gz = await readBytes('kmnist/t10k-labels-idx1-ubyte.gz');
    expect(() => parseIdxLabels(gz.subarray(0, gz.length >> 1), 'cut.gz')).toThrow(
      /cut\.gz: truncated or corrupt gzip/,
    );
  });
});

describe('preprocessing', () => {
  it('normalises with the MNIST statistics: (x/255 − 0.1307)/0.3081', () => {
    const y = normalizePixels(Uint8Array.from([0, 255, 51]));
    expect(y[0]).toBeCloseTo(-0.1307 / 0.3081, 6);
    expect(y[1]).toBeCloseTo((1 - 0.1307) / 0.3081, 5);
    expect(y[2]).toBeCloseTo((0.2 - 0.1307) / 0.3081, 5);
  });
  it('2×2 average pooling on a hand example (two 4×4 images)', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    const b = a.map((v) => -v);
    const out = avgPool2x2(Float32Array.from([...a, ...b]), 2, 4);
    // Blocks of a: (1+2+5+6)/4, (3+4+7+8)/4, (9+10+13+14)/4, (11+12+15+16)/4.
    expect(Array.from(out)).toEqual([3.5, 5.5, 11.5, 13.5, -3.5, -5.5, -11.5, -13.5]);
    expect(() => avgPool2x2(new Float32Array(9), 1, 3)).toThrow(/even side/);
  });
  it('fused normalise + pool and the native gunzip give the two-step, fflate values exactly (MNIST test set)', async () => {
    const gz = await readBytes('mnist/t10k-images-idx3-ubyte.gz');
    const { pixels, count } = parseIdxImages(gz);
    const native = parseIdxImages(gz, 'images', dataReader.gunzip);
    expect(native.count).toBe(count);
    expect(Buffer.compare(native.pixels, pixels)).toBe(0);
    const twoStep = avgPool2x2(normalizePixels(pixels), count, 28);
    expect(Buffer.compare(Buffer.from(normalizedPool2x2(pixels, count, 28).buffer), Buffer.from(twoStep.buffer))).toBe(
      0,
    );
    // Written over the pixels' own memory: the same values (a 4-byte-aligned input), else a new array.
    const copy = new Uint8Array(pixels.length + 4);
    copy.set(pixels, 4);
    const aligned = copy.subarray(4);
    const inPlace = normalizedPool2x2(aligned, count, 28, true);
    expect(inPlace.buffer).toBe(copy.buffer);
    expect(inPlace.byteOffset).toBe(4);
    expect(Buffer.compare(Buffer.from(inPlace.buffer, 4, inPlace.byteLength), Buffer.from(twoStep.buffer))).toBe(0);
    const odd = new Uint8Array(pixels.length + 1);
    odd.set(pixels, 1);
    const fresh = normalizedPool2x2(odd.subarray(1), count, 28, true);
    expect(fresh.buffer).not.toBe(odd.buffer);
    expect(Buffer.compare(Buffer.from(fresh.buffer), Buffer.from(twoStep.buffer))).toBe(0);
    // normalizePixels (a 256-entry table) against the formula, for every byte value
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const scale = 1 / (255 * 0.3081),
      shift = 0.1307 / 0.3081;
    expect(Array.from(normalizePixels(all))).toEqual(Array.from(Float32Array.from(all, (p) => p * scale - shift)));
  });
});

describe('dataset registry and loading', () => {
  it('lists MNIST, Fashion-MNIST and KMNIST; KMNIST notes its partial train set', () => {
    expect(DATASETS.map((d) => d.id)).toEqual(['mnist', 'fmnist', 'kmnist']);
    expect(getDataset('kmnist').files.trainLabels).toBe('kmnist/train-labels-idx1-ubyte.first6284.gz');
    expect(getDataset('kmnist').notes.join(' ')).toMatch(/6,284 of the 60,000/);
    expect(getDataset('kmnist').studentCaveat).toMatch(/6,284 of its 60,000/); // shown in the teacher's reduced form too
    expect(() => getDataset('cifar')).toThrow(/known: mnist, fmnist, kmnist/);
  });
  it('loads MNIST (60k/10k) and KMNIST (6 284/10k, subset histogram) with 14×14 pooling', async () => {
    const mnist = await loadDataset(getDataset('mnist'), { readBytes }, '14x14');
    expect([mnist.train.count, mnist.test.count, mnist.train.side, mnist.train.x.length]).toEqual([
      60_000,
      10_000,
      14,
      60_000 * 196,
    ]);
    expect(labelHistogram(mnist.train.labels)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    const kmnist = await loadDataset(getDataset('kmnist'), { readBytes }, '28x28');
    expect([kmnist.train.count, kmnist.test.count, kmnist.train.x.length]).toEqual([6284, 10_000, 6284 * 784]);
    expect(labelHistogram(kmnist.train.labels)).toEqual([627, 629, 628, 633, 678, 617, 606, 647, 596, 623]);
    // Background pixels (0) map to −0.1307/0.3081; the mean over MNIST's train set is ≈ 0 by construction.
    let s = 0;
    for (const v of mnist.train.x) s += v;
    expect(Math.abs(s / mnist.train.x.length)).toBeLessThan(0.01);
  });
});
