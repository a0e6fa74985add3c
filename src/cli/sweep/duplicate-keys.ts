/**
 * A key given twice in one object of a sweep file (read-sweep.ts). JSON.parse keeps the last of them
 * without a word, so `"prune.rounds": 3, …, "prune.rounds": 4` would run with 4 whatever was meant; the
 * YAML parser refuses a repeated key with a message that does not name it, and reads `1:` next to `"1":`
 * as two keys of which the JavaScript object keeps one. Both file kinds are searched here with the YAML
 * parser's document (JSON is a subset of YAML 1.2), so the refusal names the key, the object it is in and
 * its line (docs/SWEEPS.md "The sweep file").
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
 * The first key given twice in one mapping of `text` — YAML, or JSON, which the YAML parser reads as the
 * subset it is (with the same keys, paths and lines) — comparing keys as the JavaScript object will (`1`
 * and `"1"` are one key); null also when the text does not parse (the parser's own error says why).
 */
export function duplicateKey(text: string): DuplicateKey | null {
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
