/**
 * A key given twice in one object of a sweep file (read-sweep.ts). JSON.parse keeps the last of them
 * without a word, so `"prune.rounds": 3, …, "prune.rounds": 4` would run with 4 whatever was meant; the
 * YAML parser refuses a repeated key with a message that does not name it, and reads `1:` next to `"1":`
 * as two keys of which the JavaScript object keeps one. Both file kinds are searched here the same way,
 * so the refusal names the key, the object it is in and its line (docs/SWEEPS.md "The sweep file").
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

export interface DuplicateKey {
  /** Where the object that has the key twice is in the file ([] for the top level). */
  readonly path: readonly (string | number)[];
  readonly key: string;
  /** The line of its second appearance (1-based). */
  readonly line: number;
}

/**
 * The first key given twice in one object of `text`, which JSON.parse has accepted (so every string is
 * closed): a scan of its tokens that keeps each open object's keys.
 */
export function jsonDuplicateKey(text: string): DuplicateKey | null {
  interface Open {
    /** An object's keys so far; null for a list. */
    readonly keys: Set<string> | null;
    /** The key (object) or index (list) being read: the path of what is inside. */
    at: string | number;
    expectKey: boolean;
  }
  const open: Open[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = open[open.length - 1];
    if (c === '\n') line++;
    else if (c === '{') open.push({ keys: new Set(), at: '', expectKey: true });
    else if (c === '[') open.push({ keys: null, at: 0, expectKey: false });
    else if (c === '}' || c === ']') open.pop();
    else if (c === ',' && top) {
      if (top.keys) top.expectKey = true;
      else top.at = Number(top.at) + 1;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return { path: open.slice(0, -1).map((o) => o.at), key, line };
        top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
      i = end;
    }
  }
  return null;
}

/**
 * The first key given twice in one mapping of YAML `text`, comparing keys as the JavaScript object will
 * (`1` and `"1"` are one key); null also when the text does not parse (the parser's own error says why).
 */
export function yamlDuplicateKey(text: string): DuplicateKey | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter: lines });
  if (doc.errors.length) return null;
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const { key: k, value } of node.items) {
      // A key that is no plain value (a list, a mapping) has no JavaScript name to compare.
      const key = isScalar(k) ? String(k.value) : null;
      if (isScalar(k) && key !== null) {
        if (seen.has(key)) return { path, key, line: lines.linePos(k.range?.[0] ?? 0).line };
        seen.add(key);
      }
      stack.push({ node: value, path: [...path, key ?? '?'] });
    }
  }
  return null;
}
