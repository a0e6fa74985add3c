/**
 * Fetching and decoding one tour evidence file from the app itself (public/precomputed/, under Vite's
 * base; never the internet). A file that is not there (HTTP 404, or the HTML page a static server sends
 * for an unknown path) is "missing", not an error: the tour says that evidence has not been computed yet.
 * Shared by the evidence worker and the main-thread fallback.
 */
import { decodeEvidence, type EvidenceDecode } from '../../core/tour/evidence-decode';
import { evidenceUrl, getEvidence } from '../../core/tour/evidence';

export type EvidenceFetch = EvidenceDecode | { readonly ok: false; readonly missing: true; readonly message: string };

/** The file's bytes, or null when the server does not have it. */
export async function fetchEvidenceBytes(url: string): Promise<Uint8Array | null> {
  const res = await fetch(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  if ((res.headers.get('content-type') ?? '').includes('text/html')) return null;
  return new Uint8Array(await res.arrayBuffer());
}

/** Fetches and decodes evidence `id`; never throws. */
export async function fetchEvidence(id: string, baseUrl: string): Promise<EvidenceFetch> {
  let source;
  try {
    source = getEvidence(id);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await fetchEvidenceBytes(evidenceUrl(source, baseUrl));
  } catch (e) {
    return { ok: false, message: `cannot load ${source.file} (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!bytes) return { ok: false, missing: true, message: `${source.file} is not in this copy of the lab` };
  return decodeEvidence(source, bytes);
}
