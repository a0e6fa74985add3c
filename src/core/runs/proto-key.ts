/**
 * The one object key that input checks must look for before anything else touches the input: `__proto__`.
 * JSON.parse and the YAML parser turn `"__proto__": …` into an ordinary own key, but most code after them
 * loses it without a word: zod's objects and records skip it, an assignment, `Object.assign` or an object
 * literal's `__proto__:` with it replaces the target's prototype instead of adding a key. A setting
 * spelled that way would be dropped (the run id unchanged) or, merged into the prototype, reach every
 * object. So the config schema (config.ts) and the sweep file (sweep/sweep-spec.ts) refuse it wherever it
 * appears, and code that builds configs from user-named keys adds them with `setOwnKey`, so the key
 * reaches those checks instead of vanishing on the way.
 */

export const PROTO_KEY = '__proto__';

/** What a refusal of the key says after the place it names. */
export const PROTO_KEY_MESSAGE = '"__proto__" is not a field or parameter name';

/**
 * Keys a run bundle refuses besides `__proto__` (runs/bundle.ts): a file is hostile input, and
 * `constructor` / `prototype` are the other names through which code that walks it could reach a
 * prototype.
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set([PROTO_KEY, 'constructor', 'prototype']);

/**
 * The path to the first own key of `root` named in `names` (plain objects and arrays, any depth), ending
 * with that key, or null. Iterative, so a deeply nested hostile input cannot overflow the stack.
 */
export function findKey(root: unknown, names: ReadonlySet<string>): (string | number)[] | null {
  interface Node {
    readonly value: unknown;
    readonly key: string | number | null;
    readonly parent: Node | null;
  }
  const pathOf = (n: Node | null): (string | number)[] => {
    const out: (string | number)[] = [];
    for (let at = n; at && at.key !== null; at = at.parent) out.push(at.key);
    return out.reverse();
  };
  const stack: Node[] = [{ value: root, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ value: x, key: i, parent: node }));
      continue;
    }
    // Own keys only (Object.keys lists an own `__proto__` that JSON.parse made): inherited names are no keys.
    const keys = Object.keys(v);
    const hit = keys.find((k) => names.has(k));
    if (hit !== undefined) return [...pathOf(node), hit];
    for (const k of keys) stack.push({ value: (v as Record<string, unknown>)[k], key: k, parent: node });
  }
  return null;
}

const PROTO_ONLY: ReadonlySet<string> = new Set([PROTO_KEY]);

/** The path to the first own `__proto__` key in `root` (findKey), or null. */
export function findProtoKey(root: unknown): (string | number)[] | null {
  return findKey(root, PROTO_ONLY);
}

/** `target[key] = value` as an own, enumerable key, even for `__proto__` (which an assignment would not add). */
export function setOwnKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
