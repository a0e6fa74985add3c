/**
 * Dotted config paths for sweeps ("es.id", "es.params.sigma_init", "prune.methods", "budget.evalEvery"):
 * checked against the experiment config schema (runs/config.ts) and applied to a config input with the
 * same rules as the CLI's flags (cli/config-from-flags.ts), so a sweep axis means what the matching flag
 * means:
 *   - changing an entry's `id` (task, network, ES) starts its `params` from the new entry's defaults,
 *     because the old entry's parameters mostly do not exist on the new one;
 *   - an object value is merged into the object at its path (so `es: {id: snes, params: {…}}` switches
 *     the ES and sets its parameters together), arrays and scalars replace;
 *   - a new `prune.methods` list keeps the per-method parameters of the methods still listed only.
 * The paths are checked against the schema's fields before anything is set, so a typo ("es.popsize") is
 * named with the field it resembles (runs/config-fields.ts) instead of sweeping nothing.
 */
import type { z } from 'zod';
import { experimentConfigSchema } from '../runs/config';
import { defOf, unknownFieldMessage, unwrap } from '../runs/config-fields';
import { PROTO_KEY, PROTO_KEY_MESSAGE, setOwnKey } from '../runs/proto-key';
import { isPlainObject } from '../plain-object';

type Json = Record<string, unknown>;

export { isPlainObject }; // used here and by the sweep modules

/** `o[key]` if `o` has it as its own key: `toString`, `constructor`, … inherited from Object are not fields. */
export function ownValue(o: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/**
 * Null when `path` names a field of the experiment config (record keys such as parameter names are
 * checked later by parseConfig against the registries), else a message saying which part is unknown.
 */
export function configPathError(path: string): string | null {
  const parts = path.split('.');
  if (parts.some((p) => p === '')) return `"${path}" is not a config path (expected e.g. es.params.sigma_init)`;
  return configPartsError(parts);
}

/**
 * configPathError for a path given as its parts: the keys of a nested object value, where a key with a
 * dot in it is one (unknown) name, not two.
 */
export function configPartsError(parts: readonly string[]): string | null {
  let schema: z.ZodType = experimentConfigSchema;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === PROTO_KEY) return PROTO_KEY_MESSAGE;
    const d = defOf(unwrap(schema));
    const here = parts.slice(0, i).join('.') || 'the config';
    if (d.type === 'object' && d.shape) {
      const next = ownValue(d.shape, parts[i]) as z.ZodType | undefined;
      if (!next) return unknownFieldMessage(experimentConfigSchema, parts.slice(0, i), parts[i]);
      schema = next;
    } else if (d.type === 'record' && d.valueType) schema = d.valueType;
    else if (d.type === 'array' && d.element) {
      if (!/^\d+$/.test(parts[i])) return `${here} is a list: "${parts[i]}" must be an index`;
      schema = d.element;
    } else return `${here} is a single value: "${parts.slice(i).join('.')}" cannot be set inside it`;
  }
  return null;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Merges `value` into `target[key]` with the id/params rule (see the module comment). Own keys only. */
function put(target: Json, key: string, value: unknown): void {
  const current = ownValue(target, key);
  if (key === 'id' && 'params' in target && value !== current) target.params = {};
  if (isPlainObject(current) && isPlainObject(value)) {
    if ('id' in value && 'params' in current && value.id !== current.id) current.params = {};
    // `id` first: the switch resets params, and must not undo params given in the same value before it.
    const entries = Object.entries(value).sort(([a], [b]) => Number(b === 'id') - Number(a === 'id'));
    for (const [k, v] of entries) put(current, k, v);
  } else setOwnKey(target, key, clone(value));
}

/**
 * A copy of `config` (a config input: plain JSON) with `value` set at `path` (already checked by
 * configPathError). Intermediate objects are created when absent (e.g. `prune.params.snr`).
 */
export function setConfigPath(config: Json, path: string, value: unknown): Json {
  const out = clone(config);
  const parts = path.split('.');
  let node: Json = out;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(ownValue(node, p))) setOwnKey(node, p, {});
    node = node[p] as Json;
  }
  const methodsBefore = isPlainObject(out.prune) ? (out.prune as Json).methods : undefined;
  put(node, parts[parts.length - 1], value);
  const prune = out.prune;
  if (isPlainObject(prune) && prune.methods !== methodsBefore && Array.isArray(prune.methods)) {
    const listed = new Set(prune.methods as unknown[]);
    if (isPlainObject(prune.params))
      prune.params = Object.fromEntries(Object.entries(prune.params).filter(([m]) => listed.has(m)));
  }
  return out;
}
