/**
 * Reading the app's own static files (public/: the datasets, the precomputed bundles) from the page or a
 * worker. Never the internet: URLs are relative to where the app is served.
 */

/** fetch as bytes; an HTTP error or an HTML page (SPA fallback for a missing file) is an error. */
export async function fetchAppBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  if ((res.headers.get('content-type') ?? '').includes('text/html'))
    throw new Error('the server answered with a web page (file missing or wrong path?)');
  return new Uint8Array(await res.arrayBuffer());
}
