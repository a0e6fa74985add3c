/**
 * Gzipped IDX parser for the bundled vision datasets (docs/ALGORITHMS.md §9.1; format in
 * public/data/README.md). IDX = big-endian header (magic, counts, dims) followed by raw uint8 data.
 * Decompression uses fflate (a maintained inflate, driven by runs/gunzip.ts) or a platform's native
 * inflater, never a hand-written one.
 */
import { gunzipBounded, isGzip } from '../../runs/gunzip';

/** IDX magic numbers: 0x08 = unsigned byte data, low byte = number of dimensions. */
export const IDX_MAGIC_IMAGES = 0x00000803;
export const IDX_MAGIC_LABELS = 0x00000801;
/** All three datasets use 28×28 single-channel images. */
export const IDX_IMAGE_SIDE = 28;

export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** count·rows·cols pixels in [0, 255], row-major (example, row, col). */
  readonly pixels: Uint8Array;
}

export interface IdxLabels {
  readonly count: number;
  readonly labels: Uint8Array;
}

/** Largest IDX file the datasets hold (60 000 images of 28×28 and a header: 47 MB), with room to spare. */
const MAX_IDX_BYTES = 64 * 2 ** 20;

/**
 * Inflates a gzip file's bytes, at most `maxBytes` of them, checking the trailer's CRC-32 and length (a
 * flipped bit would otherwise read as wrong pixels). The default is fflate through runs/gunzip.ts; a
 * platform may pass a native one with the same checks (the CLI passes Node's zlib, which is faster).
 * It must return memory the caller owns: the loader writes the pooled images over it (datasets.ts).
 */
export type Gunzip = (gz: Uint8Array, maxBytes: number) => Uint8Array;

const fflateGunzip: Gunzip = (gz, maxBytes) => gunzipBounded(gz, maxBytes, 2 ** 20);

/** Decompresses a gzip file with its CRC-32 checked, turning the errors into ones that name the file. */
export function gunzipIdx(gz: Uint8Array, name: string, gunzip: Gunzip = fflateGunzip): Uint8Array {
  if (!isGzip(gz)) throw new Error(`${name}: not a gzip file (expected bytes 1f 8b, got ${hexHead(gz)})`);
  try {
    return gunzip(gz, MAX_IDX_BYTES);
  } catch (e) {
    throw new Error(`${name}: truncated or corrupt gzip data (${(e as Error).message})`);
  }
}

function hexHead(b: Uint8Array): string {
  return Array.from(b.subarray(0, 4), (v) => v.toString(16).padStart(2, '0')).join(' ') || '<empty>';
}

function readHeader(raw: Uint8Array, name: string, words: number, magic: number): number[] {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  // Magic first, so a labels file passed as images says "wrong magic", not "truncated".
  if (raw.length < 4) throw new Error(`${name}: truncated IDX header (${raw.length} bytes)`);
  const found = view.getUint32(0, false);
  if (found !== magic) {
    throw new Error(
      `${name}: wrong IDX magic 0x${found.toString(16).padStart(8, '0')}, expected 0x${magic.toString(16).padStart(8, '0')}`,
    );
  }
  if (raw.length < 4 * words) throw new Error(`${name}: truncated IDX header (${raw.length} bytes)`);
  return Array.from({ length: words }, (_, i) => view.getUint32(4 * i, false));
}

function checkLength(raw: Uint8Array, name: string, expected: number): void {
  if (raw.length < expected)
    throw new Error(`${name}: truncated IDX data (${raw.length} bytes, header promises ${expected})`);
  if (raw.length > expected)
    throw new Error(`${name}: ${raw.length - expected} unexpected trailing bytes after IDX data`);
}

/** Parses a gzipped IDX3 image file; checks magic 0x803, 28×28 dims and the exact byte length. */
export function parseIdxImages(gz: Uint8Array, name = 'images', gunzip?: Gunzip): IdxImages {
  const raw = gunzipIdx(gz, name, gunzip);
  const [, count, rows, cols] = readHeader(raw, name, 4, IDX_MAGIC_IMAGES);
  if (rows !== IDX_IMAGE_SIDE || cols !== IDX_IMAGE_SIDE) {
    throw new Error(`${name}: images are ${rows}×${cols}, expected ${IDX_IMAGE_SIDE}×${IDX_IMAGE_SIDE}`);
  }
  checkLength(raw, name, 16 + count * rows * cols);
  return { count, rows, cols, pixels: raw.subarray(16) };
}

/** Parses a gzipped IDX1 label file; checks magic 0x801, the exact byte length and labels < numClasses. */
export function parseIdxLabels(gz: Uint8Array, name = 'labels', numClasses = 10, gunzip?: Gunzip): IdxLabels {
  const raw = gunzipIdx(gz, name, gunzip);
  const [, count] = readHeader(raw, name, 2, IDX_MAGIC_LABELS);
  checkLength(raw, name, 8 + count);
  const labels = raw.subarray(8);
  for (let i = 0; i < count; i++) {
    if (labels[i] >= numClasses)
      throw new Error(`${name}: label ${labels[i]} at index ${i} is not in 0…${numClasses - 1}`);
  }
  return { count, labels };
}
