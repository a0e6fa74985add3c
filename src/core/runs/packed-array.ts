/**
 * Typed arrays inside run bundles, compressed: raw little-endian bytes → fflate deflate →
 * base64. Masks are long runs of 0/1 and compress ~50–100×; float32 means/σ compress little but stay exact.
 * Decoding never trusts the declared size: the caller passes the length it expects (the network's D),
 * inflation writes into a buffer of exactly that size + 1 byte, so a "zip bomb" cannot allocate more, and
 * anything but an exact fit is rejected.
 */
import { deflateSync, inflateSync } from 'fflate';
import { decodeBase64, encodeBase64 } from './base64';

export type PackedDtype = 'u8' | 'f32';

/** JSON form of one typed array. */
export interface PackedArray {
  readonly dtype: PackedDtype;
  /** Element count. */
  readonly length: number;
  /** base64 of the deflated little-endian bytes. */
  readonly data: string;
}

const BYTES: Record<PackedDtype, number> = { u8: 1, f32: 4 };
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function rawBytes(a: Uint8Array | Float32Array): Uint8Array {
  const view = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  if (LITTLE_ENDIAN || a instanceof Uint8Array) return view;
  const out = new Uint8Array(view.length); // big-endian host: store little-endian anyway
  for (let i = 0; i < view.length; i += 4) for (let j = 0; j < 4; j++) out[i + j] = view[i + 3 - j];
  return out;
}

/** Packs a mask (u8) or a float32 vector, bit-exactly. */
export function packArray(a: Uint8Array | Float32Array): PackedArray {
  const dtype: PackedDtype = a instanceof Uint8Array ? 'u8' : 'f32';
  // float32 noise barely compresses (~10 %): level 1 costs a third of level 6's time for the same size.
  return { dtype, length: a.length, data: encodeBase64(deflateSync(rawBytes(a), { level: dtype === 'u8' ? 6 : 1 })) };
}

export function unpackArray(p: PackedArray, expectedLength: number, dtype: 'u8'): Uint8Array;
export function unpackArray(p: PackedArray, expectedLength: number, dtype: 'f32'): Float32Array;
/**
 * Unpacks, checking dtype and length against what the caller expects (throws an Error with the reason).
 * The declared `length` must equal `expectedLength` before anything is allocated.
 */
export function unpackArray(p: PackedArray, expectedLength: number, dtype: PackedDtype): Uint8Array | Float32Array {
  if (p.dtype !== dtype) throw new Error(`expected dtype ${dtype}, got ${p.dtype}`);
  if (p.length !== expectedLength)
    throw new Error(`declares ${p.length} entries but the network has D = ${expectedLength}`);
  const byteLength = expectedLength * BYTES[dtype];
  const compressed = decodeBase64(p.data);
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(compressed, { out: new Uint8Array(byteLength + 1) });
  } catch (e) {
    throw new Error(`compressed data is corrupted or truncated (${(e as Error).message})`);
  }
  if (bytes.length !== byteLength)
    throw new Error(
      `inflates to ${bytes.length > byteLength ? 'more than' : 'only'} ${Math.min(bytes.length, byteLength)} bytes, expected ${byteLength}`,
    );
  if (dtype === 'u8') return bytes.length === bytes.buffer.byteLength ? bytes : bytes.slice();
  const out = new Float32Array(expectedLength);
  const outBytes = new Uint8Array(out.buffer);
  if (LITTLE_ENDIAN) outBytes.set(bytes);
  else for (let i = 0; i < byteLength; i += 4) for (let j = 0; j < 4; j++) outBytes[i + j] = bytes[i + 3 - j];
  return out;
}
