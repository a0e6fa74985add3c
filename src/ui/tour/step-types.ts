/**
 * What every tour step view receives: the step, its evidence (a precomputed run bundle and/or an analysis
 * file, already loaded) and the live rerun of the step, when one has streamed in this tab.
 */
import type { TourAnalysis } from '../../core/tour/analysis-file';
import type { StepRun } from '../../core/tour/step-sentence';
import type { TourStep } from '../../core/tour/steps';

export interface StepViewProps {
  readonly step: TourStep;
  /** The step's first evidence bundle (null for analysis-only and demo steps). */
  readonly run: StepRun | null;
  readonly analysis: TourAnalysis | null;
  /** The step's live rerun (same config as `step.rerun`), while it streams and after it ends. */
  readonly live: StepRun | null;
}
