/**
 * Strict base64 / base64url for run bundles (typed arrays after deflate) and share URLs (canonical
 * config JSON). Own implementation because core has neither Node's Buffer nor a DOM-only API, and
 * `atob` accepts sloppy input: here every malformed string is rejected so a corrupted bundle or URL
 * fails with a message instead of decoding to garbage.
 */

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function lookupTable(alphabet: string): Int16Array {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
}
const STD_LOOKUP = lookupTable(STD);
const URL_LOOKUP = lookupTable(URL_SAFE);

/** Encodes bytes; `url` = base64url without padding (RFC 4648 §5), otherwise padded standard base64. */
export function encodeBase64(bytes: Uint8Array, url = false): string {
  const abc = url ? URL_SAFE : STD;
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  for (let i = 0; i < n; i += 3) {
    const b0 = bytes[i],
      b1 = i + 1 < n ? bytes[i + 1] : 0,
      b2 = i + 2 < n ? bytes[i + 2] : 0;
    const v = (b0 << 16) | (b1 << 8) | b2;
    chunk += abc[v >> 18] + abc[(v >> 12) & 63];
    chunk += i + 1 < n ? abc[(v >> 6) & 63] : url ? '' : '=';
    chunk += i + 2 < n ? abc[v & 63] : url ? '' : '=';
    // Join in slices so very large arrays do not build one huge rope string.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes; throws an Error saying what is wrong (bad character, bad length or padding). */
export function decodeBase64(text: string, url = false): Uint8Array {
  const table = url ? URL_LOOKUP : STD_LOOKUP;
  let len = text.length;
  if (!url) {
    if (len % 4 !== 0) throw new Error(`base64 length ${len} is not a multiple of 4 (truncated?)`);
    if (len && text[len - 1] === '=') len--;
    if (len && text[len - 1] === '=') len--;
  }
  if (len % 4 === 1) throw new Error(`base64 length ${text.length} is impossible (truncated?)`);
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0,
    acc = 0,
    bits = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? table[c] : -1;
    if (v < 0) throw new Error(`invalid base64 character ${JSON.stringify(text[i])} at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, otherwise the text was not produced by an encoder (corruption).
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) throw new Error('base64 has non-zero trailing bits (corrupted)');
  return out;
}
