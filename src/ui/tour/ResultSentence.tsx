/**
 * A result in one sentence (core/tour/sentence.ts), large, at the top of the evidence or of a finished
 * run's results; with the paper's claim and whether this result agrees, where the step makes one.
 */
import type { Sentence, PaperVerdict } from '../../core/tour/sentence';

/** Sentences longer than this get smaller type where space is tight (projector mode's side column). */
const LONG = 230;

const VERDICT_TEXT: Readonly<Record<PaperVerdict, string>> = {
  agrees: 'this result agrees with the paper',
  partly: 'this result agrees with the paper only in part',
  differs: 'this result differs from the paper',
};

export function ResultSentence({
  sentence,
  claim,
  lead,
  testId,
}: {
  sentence: Sentence;
  /** The paper's claim this result is compared with. */
  claim?: string | null;
  /** Words before the sentence, e.g. "Your run:". */
  lead?: string;
  testId?: string;
}) {
  if (!sentence.ok)
    return (
      <p className="result-sentence result-pending" data-testid={testId} data-ok="false">
        {lead ? <strong>{lead} </strong> : null}No result yet: {sentence.reason}.
      </p>
    );
  return (
    <div
      className={`result-sentence${sentence.text.length > LONG ? ' result-long' : ''}`}
      data-testid={testId}
      data-ok="true"
      data-verdict={sentence.verdict ?? ''}
    >
      <p className="result-text">
        {lead ? <strong>{lead} </strong> : null}
        {sentence.text}
      </p>
      {claim && sentence.verdict && (
        <p className={`verdict verdict-${sentence.verdict}`}>
          The paper: {claim}. Here, {VERDICT_TEXT[sentence.verdict]}.
        </p>
      )}
      {/* a claim of several parts: which one agrees and which does not, each with its own mark */}
      {claim && sentence.parts && (
        <ul className="verdict-parts" data-testid="verdict-parts">
          {sentence.parts.map((p) => (
            <li key={p.text} className={`verdict verdict-${p.verdict}`} data-verdict={p.verdict}>
              {p.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
