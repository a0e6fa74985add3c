/**
 * A registry help text as students read it: what it means in a paragraph, and where it came from (library
 * versions, the paper's code, docs sections; provenance.ts) behind a small "Source" disclosure.
 */
import { splitProvenance } from './provenance';

export function SourcedText({ text, className, id }: { text: string; className?: string; id?: string }) {
  const { meaning, provenance } = splitProvenance(text);
  return (
    <>
      <p className={className} id={id}>
        {meaning}
      </p>
      {provenance ? (
        <details className="source-note">
          <summary>Source</summary>
          <p>{provenance}</p>
        </details>
      ) : null}
    </>
  );
}
