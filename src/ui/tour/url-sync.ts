/**
 * Keeps the address bar a teacher's link to what is on screen (core/tour/lesson-url.ts): the tour step and
 * projector mode are written into the URL with history.replaceState, so copying the address or reloading
 * opens the same step. Other parameters (a share link's settings) are kept as they are.
 */

/** `search` with `key` set to `value` (or removed when null), in URLSearchParams order; no leading '?'. */
export function withParam(search: string, key: string, value: string | null): string {
  const p = new URLSearchParams(search);
  if (value === null) p.delete(key);
  else p.set(key, value);
  return p.toString();
}

/** Replaces the current history entry's query (no navigation, no new history entry). */
export function replaceQuery(update: (search: string) => string): void {
  const next = update(location.search);
  const url = `${location.pathname}${next ? `?${next}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}
