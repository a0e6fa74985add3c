/**
 * Reads a data file of the app's own `public/data` from a worker (the lab worker and the evaluation
 * workers): `baseUrl` is the data folder's absolute URL, which the page tells each worker (relative Vite
 * bases break in workers); empty = next to the worker's own URL.
 */
import { gzipSync } from 'fflate';
import { isGzip } from '../src/core/runs/gunzip';
import { fetchAppBytes } from '../src/storage/app-files';

export async function readDataFile(path: string, baseUrl: string): Promise<Uint8Array> {
  const url = new URL(path, baseUrl || new URL(`${import.meta.env.BASE_URL}data/`, self.location.href)).href;
  let bytes: Uint8Array;
  try {
    bytes = await fetchAppBytes(url);
  } catch (e) {
    throw new Error(`cannot load data file ${url}: ${(e as Error).message}`);
  }
  // Some servers (vite preview/sirv among them) send `.gz` files with Content-Encoding: gzip, so fetch
  // hands back the inflated bytes. The IDX loader expects the file as stored: re-wrap it (level 0 =
  // stored blocks, a memcpy-speed step) instead of teaching core about HTTP.
  return path.endsWith('.gz') && !isGzip(bytes) ? gzipSync(bytes, { level: 0 }) : bytes;
}
