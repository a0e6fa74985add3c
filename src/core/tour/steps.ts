/**
 * The paper tour (Lange & Sprekeler, ICML 2023, read through docs/ALGORITHMS.md §10's claims R1–R11): a
 * registry of steps, each one idea with what the paper says and where, what to look for, a question for the
 * class, how the lab's setting differs, the evidence it reads (evidence.ts), how that evidence is drawn
 * (`view`, a UI view per kind) and which tested function states the result (`sentence`, step-sentence.ts).
 * The entries live in steps-tickets.ts and steps-comparisons.ts, in tour order; adding a step is one entry
 * there, pointing a step at another run is one edit of its `evidence`.
 */
import type { ExperimentConfigInput } from '../runs/config';
import { COMPARISON_STEPS } from './steps-comparisons';
import { TICKET_STEPS } from './steps-tickets';

/** How a step's evidence is drawn (src/ui/tour/step-views.tsx has one view per kind). */
export type StepViewKind =
  | 'demo'
  | 'training'
  | 'sparsity'
  | 'pixels'
  | 'minima'
  | 'transfer'
  | 'esVsGd'
  | 'weights'
  | 'correlation'
  | 'crossTask';

/** Which function computes the step's sentence (step-sentence.ts). */
export type SentenceKind =
  | 'demo'
  | 'dense'
  | 'ticket'
  | 'pixels'
  | 'snr'
  | 'decomposition'
  | 'minima'
  | 'transfer'
  | 'esVsGd'
  | 'weights'
  | 'correlation'
  | 'crossTask';

/** A live rerun: a preset, optionally narrowed (fewer rounds, other chains), that streams over the evidence. */
export interface RerunSpec {
  readonly presetId: string;
  readonly prune?: Partial<Pick<NonNullable<ExperimentConfigInput['prune']>, 'methods' | 'rounds'>>;
  /** Rough wall time on a 2-core laptop, a few words for the button (e.g. "≈ 2 min"). */
  readonly cost: string;
}

export interface TourStep {
  readonly id: string;
  readonly title: string;
  /** A few words for the step list. */
  readonly short: string;
  /** What the paper says, in plain words (one paragraph). */
  readonly paper: string;
  /** Where in the paper: section and figure. */
  readonly source: string;
  /** The claim the verdict compares with, in one line (null when the step makes no comparison). */
  readonly claim: string | null;
  readonly lookFor: string;
  readonly question: string;
  /** How the lab's setting differs for this step (the evidence preset's own list is added by the view). */
  readonly labSetting: string;
  /** Evidence ids (evidence.ts); the first is the one the sentence reads. */
  readonly evidence: readonly string[];
  readonly view: StepViewKind;
  readonly sentence: SentenceKind;
  /** Chains drawn, in legend order (sparsity and pixel views). */
  readonly chains?: readonly string[];
  readonly rerun?: RerunSpec;
  /** A result tab of the lab where students can compute this themselves on a finished run. */
  readonly labTab?: 'analysis' | 'transfer' | 'masks';
}

export const TOUR_STEPS: readonly TourStep[] = [...TICKET_STEPS, ...COMPARISON_STEPS];

/** The step at 1-based position `stepNum` (clamped into range). */
export function stepAt(stepNum: number): TourStep {
  return TOUR_STEPS[Math.min(TOUR_STEPS.length, Math.max(1, Math.trunc(stepNum))) - 1];
}

/** 1-based position of the step with this id (null when unknown). */
export function stepNumOf(id: string): number | null {
  const i = TOUR_STEPS.findIndex((s) => s.id === id);
  return i < 0 ? null : i + 1;
}
