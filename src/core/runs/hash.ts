/**
 * Run identity (docs/ARCHITECTURE.md convention 8, after OpenLTH): the id of a run is a hash of its canonical config
 * (sorted keys, defaults filled, schema version included). It keys the IndexedDB cache and share URLs;
 * test/unit/runs pins the hash of a reference config so an accidental change of identity is caught.
 */

/** JSON with object keys sorted recursively (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/**
 * 64-bit FNV-1a over the UTF-16 code units, as 16 hex chars. Synchronous (crypto.subtle is async and the
 * id is needed in render paths); collision-safe enough for keying a user's own run cache.
 */
export function hash64(text: string): string {
  // Two 32-bit lanes of FNV-1a with different offsets, mixed at the end.
  let h1 = 0x811c9dc5,
    h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h2 >>> 7;
  h2 ^= h1 >>> 11;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) >>> 0;
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35) >>> 0;
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** Id of a canonical config (pass the output of parseConfig). */
export function runId(canonicalConfig: unknown): string {
  return hash64(canonicalJson(canonicalConfig));
}

/**
 * Whether two canonical configs describe the same experiment apart from their seeds (a multi-seed run and
 * its per-seed parts; a preset and a precomputed bundle of it with more seeds).
 */
export function sameUpToSeeds(
  a: { readonly seeds: readonly number[] },
  b: { readonly seeds: readonly number[] },
): boolean {
  return canonicalJson({ ...a, seeds: [] }) === canonicalJson({ ...b, seeds: [] });
}
