/**
 * The fields in which two runs' settings differ, for the messages that refuse a folder holding another
 * run (run-state.ts: "budget.generationsPerRound: 24 in the folder, 8 here"), folders that `lab merge`
 * cannot pool, and a run that is not the `lab bundle --preset` it is labelled as. A plain walk over two JSON
 * values; given canonical configs (parseConfig fills every default), a field left at its default compares
 * equal to the same value given explicitly, so only real differences are named.
 */
import { isPlainObject as isObject } from '../core/plain-object';

/** Every leaf path where `a` and `b` differ, in sorted key order; arrays compare as one value (seeds). */
export function differingPaths(a: unknown, b: unknown, path = ''): string[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => differingPaths(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

/** The value at a dotted path (undefined where it is absent). */
function at(v: unknown, path: string): unknown {
  if (path === '') return v;
  let cur = v;
  for (const k of path.split('.')) cur = isObject(cur) ? cur[k] : undefined;
  return cur;
}

function show(v: unknown): string {
  if (v === undefined) return 'not set';
  const text = JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** What the two sides of a difference are called: by default a run folder and this command. */
export interface DiffLabels {
  readonly a: string;
  readonly b: string;
}

/**
 * "a.b: X in the folder, Y here; c: …" for the first `max` differing fields (and how many more), or ''
 * when the two are equal. `a` is what the folder records, `b` what this command would run, unless
 * `labels` names them otherwise (two folders being merged, a run and a preset).
 */
export function describeDifferences(
  a: unknown,
  b: unknown,
  labels: DiffLabels = { a: 'in the folder', b: 'here' },
  max = 3,
): string {
  const paths = differingPaths(a, b);
  const named = paths
    .slice(0, max)
    .map((p) => `${p}: ${show(at(a, p))} ${labels.a}, ${show(at(b, p))} ${labels.b}`)
    .join('; ');
  return paths.length > max ? `${named}; and ${paths.length - max} more` : named;
}
