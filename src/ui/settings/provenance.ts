/**
 * Help texts of the registries mix what a setting means with where the code came from ("evosax 0.1.4
 * pgpe.py", "evojax n_repeats", "docs/ALGORITHMS.md §1.5"). Students read the meaning; the provenance goes
 * behind a "details" disclosure. Splits a text into its sentences of each kind. Pure, tested in Node.
 */

/** A sentence (or parenthesis) that names a code source, library version or document section. */
const SOURCE = /evosax|evojax|es-lottery|gymnax|\.py\b|ALGORITHMS\.md|RESULTS\.md|\b\d+\.\d+\.\d+\b/;

export function splitProvenance(text: string): { meaning: string; provenance: string } {
  const parens: string[] = [];
  // parentheses that only cite a source move out whole: "… init (evojax n_repeats)." → "… init."
  const cleaned = text.replace(/\s*\(([^()]*)\)/g, (all, inner: string) => {
    if (!SOURCE.test(inner)) return all;
    parens.push(inner.trim());
    return '';
  });
  // sentences end at . ! ? ; before a capital, a quote, a parenthesis or a source name ("… mean. evosax 0.1.4 …")
  const sentences = cleaned.split(/(?<=[.!?;])\s+(?=[A-Z"“(]|evosax|evojax|es-lottery|gymnax)/);
  const meaning: string[] = [],
    provenance: string[] = [];
  for (const raw of sentences) {
    const s = raw.trim();
    if (!s) continue;
    (SOURCE.test(s) ? provenance : meaning).push(s);
  }
  return { meaning: meaning.join(' '), provenance: [...provenance, ...parens].join(' · ') };
}
