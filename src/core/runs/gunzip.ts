/**
 * Gunzip of an untrusted file with a byte budget (docs/RELIABILITY.md "run bundles"). The compressed
 * payload goes through fflate's streaming inflater in small slices, and the output is counted as it
 * comes: past `maxBytes` the inflation stops at once, so a small hostile file ("zip bomb") costs at most
 * one slice of work beyond the budget instead of decoding gigabytes first. The gzip trailer is checked
 * too — the CRC-32 of the output and its length — which fflate's one-shot gunzip does not do, so a
 * damaged download is refused instead of being read as slightly wrong numbers.
 */
import { Inflate } from 'fflate';

/** Compressed bytes pushed per step (default): deflate expands at most ~1032:1, so one step yields ≤ ~16 MiB. */
const SLICE = 16 * 1024;

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (the gzip/PNG polynomial) of `bytes`, continuing from `crc` (start with 0). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

/** True when `bytes` start like a gzip file. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Deflate's largest expansion (RFC 1951: a 258-byte match per 2 bits), so a bound on what bytes can inflate to. */
const MAX_RATIO = 1032;

/**
 * What a cut-off or damaged file is called (a truncated file's last 4 bytes, which gzip reads as the
 * content's length, are arbitrary compressed data): the words the JSON path uses, for a student.
 */
const damaged = (detail: string) =>
  new Error(`the file is damaged or incomplete (was the download cut off?): ${detail}`);

/** Offset of the deflate payload after a gzip header (RFC 1952 §2.3); throws on a malformed header. */
function payloadStart(b: Uint8Array): number {
  if (!isGzip(b) || (b.length >= 3 && b[2] !== 8)) throw new Error('not a gzip file (bad header)');
  if (b.length < 18) throw damaged(`a gzip file is at least 18 bytes long, this one ${b.length}`);
  const flags = b[3];
  let p = 10;
  if (flags & 4) p += 2 + (b[10] | (b[11] << 8)); // FEXTRA
  if (flags & 8) while (p < b.length && b[p++] !== 0); // FNAME
  if (flags & 16) while (p < b.length && b[p++] !== 0); // FCOMMENT
  if (flags & 2) p += 2; // FHCRC
  if (p + 8 > b.length) throw damaged('its gzip data is cut short (no room for the payload and trailer)');
  return p;
}

const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/**
 * The decompressed bytes of a single-member gzip file, at most `maxBytes` of them; throws a message
 * naming the problem (over budget, truncated, corrupted, CRC or length mismatch). `slice`: compressed
 * bytes per step (larger is a little faster, and lets one step overshoot the budget by up to ~1032×slice).
 * A declared length no payload of this size can inflate to is a cut-off file, said so without inflating;
 * a plausible one over the budget is inflated up to the budget, which tells a file that is really too
 * big (it passes the budget) from a cut-off one whose stream ends first.
 */
export function gunzipBounded(bytes: Uint8Array, maxBytes: number, slice = SLICE): Uint8Array {
  const start = payloadStart(bytes);
  const declared = u32(bytes, bytes.length - 4);
  const payload = bytes.subarray(start, bytes.length - 8);
  if (declared > MAX_RATIO * (payload.length + 1))
    throw damaged(`its gzip size field says ${declared} bytes, more than ${bytes.length} compressed bytes can hold`);
  const tooBig = () =>
    new Error(`the file is larger than ${maxBytes} bytes once unpacked, more than the lab reads: stopped unpacking`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let crc = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw tooBig();
    crc = crc32(chunk, crc);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < payload.length; i += slice)
      inflater.push(payload.subarray(i, Math.min(payload.length, i + slice)), i + slice >= payload.length);
    if (!payload.length) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (total > maxBytes) throw e;
    throw damaged(`its gzip data is corrupted or cut short (${(e as Error).message})`);
  }
  if (!ended) throw damaged('its gzip data ends before the compressed stream does');
  if (crc !== u32(bytes, bytes.length - 8)) throw damaged('its gzip checksum (CRC-32) does not match the content');
  if (total >>> 0 !== declared) throw damaged('its gzip length field does not match the content');
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
