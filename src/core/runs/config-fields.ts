/**
 * The experiment config's field names as its zod schema declares them (config.ts), read from the schema
 * itself, and the one message for a key that is none of them. The config schema refuses such keys at
 * every level, and the sweep file's config paths (sweep/config-paths.ts) are checked against the same
 * fields: a key the schema does not know would otherwise be dropped without a word, so a typo such as
 * `generation: 50` would run another experiment than the one written (docs/SWEEPS.md "The sweep file").
 * The message names where the key is and, when one is close, the field it most likely meant: one of the
 * same object first, else one elsewhere in the config with that name or CLI flag (`gens`, `popsize`).
 */
import type { z } from 'zod';
import { EXPERIMENT_FIELD_LIST } from './experiment-fields';
import { clip } from './csv-format';

interface SchemaDef {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  readonly valueType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
}

/** zod's own description of a schema (its kind, and its parts: an object's shape, a record's values…). */
export const defOf = (s: z.ZodType): SchemaDef => (s as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** Strips optional/default/prefault/pipe wrappers. */
export function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if (d.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

/** The fields of the object at `parts` (nested objects only; records and lists are not entered), or []. */
function fieldsAt(root: z.ZodType, parts: readonly string[]): string[] {
  let s = root;
  for (const p of parts) {
    const d = defOf(unwrap(s));
    const next = d.type === 'object' && d.shape && Object.hasOwn(d.shape, p) ? d.shape[p] : undefined;
    if (!next) return [];
    s = next;
  }
  const d = defOf(unwrap(s));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

const pathsCache = new WeakMap<z.ZodType, string[][]>();

/** Every field of every nested object of the schema, as its path: ['es'], ['es', 'popSize'], … */
function fieldPaths(root: z.ZodType): string[][] {
  const hit = pathsCache.get(root);
  if (hit) return hit;
  const out: string[][] = [];
  const walk = (parts: string[]) => {
    for (const k of fieldsAt(root, parts)) {
      out.push([...parts, k]);
      walk([...parts, k]);
    }
  };
  walk([]);
  pathsCache.set(root, out);
  return out;
}

/** Lower case without "-" and "_": `pop_size`, `PopSize` and `popsize` are one name. */
const plain = (s: string) => s.toLowerCase().replace(/[-_]/g, '');

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * How close `key` is to the name `name` (0 = the same name), or null when it is not close: a few letters
 * apart (one per four letters of the key), or the start of the name (`generation`, `generationsPerRound`).
 */
function closeness(key: string, name: string): number | null {
  const [k, n] = [plain(key), plain(name)];
  if (k.length > 64) return null; // no distance over a hostile megabyte key
  const d = editDistance(k, n);
  if (d <= Math.max(1, Math.floor(k.length / 4))) return d;
  return k.length >= 4 && n.startsWith(k) ? 10 : null;
}

/**
 * The candidates closest to `key` (ties all kept), or [] when none is close; a candidate's `path` is what
 * is suggested for its `name`. Also the CLI's hint for an unknown flag (cli/args.ts), so both say alike.
 */
export function closest(key: string, candidates: readonly { name: string; path: string }[]): string[] {
  let best = Infinity;
  let out: string[] = [];
  for (const c of candidates) {
    const d = closeness(key, c.name);
    if (d === null || d > best) continue;
    if (d < best) [best, out] = [d, []];
    if (!out.includes(c.path)) out.push(c.path);
  }
  return out;
}

/**
 * The message for `key`, which the object at `where` (its path in the config; [] for the top level) does
 * not have: `"generation" is not a field of the config (did you mean budget.generationsPerRound? fields:
 * schemaVersion, task, …)`.
 */
export function unknownFieldMessage(root: z.ZodType, where: readonly string[], key: string): string {
  const fields = fieldsAt(root, where);
  const here = where.join('.') || 'the config';
  const siblings = fields.map((f) => ({ name: f, path: [...where, f].join('.') }));
  const elsewhere = [
    ...fieldPaths(root).map((p) => ({ name: p[p.length - 1], path: p.join('.') })),
    ...EXPERIMENT_FIELD_LIST.flatMap((f) => (f.flag ? [{ name: f.flag, path: f.path.join('.') }] : [])),
  ];
  const near = closest(key, siblings);
  const meant = (near.length ? near : closest(key, elsewhere)).slice(0, 3);
  const hint = meant.length ? `did you mean ${meant.join(' or ')}? ` : '';
  return `"${clip(key, 64)}" is not a field of ${here} (${hint}fields: ${fields.join(', ')})`;
}
