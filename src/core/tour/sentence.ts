/**
 * The result of a tour step, or of any finished run, in one sentence computed from the data on screen
 * (never typed in by hand), with how it compares to the paper's claim (docs/ALGORITHMS.md §10).
 */
import type { Direction } from './run-curves';

/** How the lab's result compares with the paper's claim for the same step. */
export type PaperVerdict = 'agrees' | 'partly' | 'differs';

/**
 * One part of a claim with several (e.g. connectivity and curvature), judged on its own: a combined
 * "only in part" would otherwise hide which half the lab reproduces and which it finds reversed.
 */
export interface VerdictPart {
  readonly verdict: PaperVerdict;
  /** One sentence for a student, ending with a full stop, that names the part and what the data show. */
  readonly text: string;
}

export interface SentenceOk {
  readonly ok: true;
  /** One sentence, ending with a full stop. */
  readonly text: string;
  /** Against the paper's claim (null where the step makes no claim to compare with). */
  readonly verdict: PaperVerdict | null;
  /** The numbers the sentence states, unrounded, by name (what tests check against the data). */
  readonly values: Readonly<Record<string, number>>;
  /** The verdict part by part, where the claim has more than one (absent otherwise). */
  readonly parts?: readonly VerdictPart[];
}

export interface SentenceMissing {
  readonly ok: false;
  /** Why no sentence can be computed, for a student (e.g. "this run has no random-mask chain"). */
  readonly reason: string;
}

export type Sentence = SentenceOk | SentenceMissing;

export const missing = (reason: string): SentenceMissing => ({ ok: false, reason });

export function sentence(
  text: string,
  verdict: PaperVerdict | null,
  values: Readonly<Record<string, number>>,
  parts: readonly VerdictPart[] = [],
): SentenceOk {
  return parts.length ? { ok: true, text, verdict, values, parts } : { ok: true, text, verdict, values };
}

/**
 * For a claim that one chain beats another: ahead (on every seed, or never behind with some seeds tied)
 * → agrees; behind likewise → differs; otherwise partly. A tie on one seed (both at a task's maximum) does
 * not undo the others; the sentence's words say the ties.
 */
export function verdictOf(dir: Direction): PaperVerdict {
  if (dir === 'above' || dir === 'aboveWithTies') return 'agrees';
  return dir === 'below' || dir === 'belowWithTies' ? 'differs' : 'partly';
}

/** All clauses agree → agrees; none → differs; otherwise partly. */
export function combineVerdicts(vs: readonly PaperVerdict[]): PaperVerdict | null {
  if (!vs.length) return null;
  if (vs.every((v) => v === 'agrees')) return 'agrees';
  if (vs.every((v) => v === 'differs')) return 'differs';
  return 'partly';
}
