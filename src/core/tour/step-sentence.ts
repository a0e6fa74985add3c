/**
 * Which tested function states each tour step's result (steps.ts `sentence`), over what the step loaded:
 * its first evidence bundle (or a live rerun of it), its analysis file, or the 2-D demo's frames.
 */
import type { LayerSpec } from '../nets/types';
import type { TourAnalysis } from './analysis-file';
import { minimaSentence } from './analysis-sentences';
import { transferSentence } from './transfer-sentence';
import { correlationSentence } from './correlation-evidence';
import { crossTaskSentence } from './cross-task';
import { esVsGdSentence } from './es-vs-gd';
import { weightsSentence } from './weights-evidence';
import { evidenceLayers } from './evidence-layers';
import { demoSentence, type DemoRun } from './demo-sentence';
import { inputPixelSentence } from './mask-sentences';
import {
  decompositionSentence,
  denseTrainingSentence,
  snrSentence,
  ticketSentence,
  type RunData,
} from './run-sentences';
import { missing, type Sentence } from './sentence';
import type { SentenceKind, TourStep } from './steps';

/** A run bundle as a step reads it, with its network layout for the mask views. */
export interface StepRun extends RunData {
  readonly layers?: readonly LayerSpec[];
  readonly inputShape?: readonly number[];
}

export interface StepInputs {
  readonly run?: StepRun | null;
  readonly analysis?: TourAnalysis | null;
  readonly demo?: DemoRun | null;
}

const NO_RUN = 'this step’s run has not loaded';
const NO_ANALYSIS = 'this step’s analysis file has not loaded';

export const STEP_SENTENCES: Readonly<Record<SentenceKind, (inputs: StepInputs, step: TourStep) => Sentence>> = {
  demo: ({ demo }) => (demo ? demoSentence(demo) : missing('the demo has not run yet: press Start')),
  dense: ({ run }) => (run ? denseTrainingSentence(run) : missing(NO_RUN)),
  ticket: ({ run }, step) => (run ? ticketSentence(run, step.chains?.[0], step.chains?.at(-1)) : missing(NO_RUN)),
  pixels: ({ run }, step) =>
    run?.layers && run.inputShape
      ? inputPixelSentence(run, run.layers, run.inputShape, step.chains?.[0], step.chains?.at(-1))
      : missing(NO_RUN),
  snr: ({ run }) => (run ? snrSentence(run) : missing(NO_RUN)),
  decomposition: ({ run }) => (run ? decompositionSentence(run) : missing(NO_RUN)),
  minima: ({ analysis }) => (analysis ? minimaSentence(analysis) : missing(NO_ANALYSIS)),
  transfer: ({ analysis }) => (analysis ? transferSentence(analysis) : missing(NO_ANALYSIS)),
  esVsGd: ({ analysis }) => (analysis ? esVsGdSentence(analysis) : missing(NO_ANALYSIS)),
  weights: ({ analysis }, step) =>
    analysis ? weightsSentence(analysis, evidenceLayers(step.evidence)) : missing(NO_ANALYSIS),
  correlation: ({ analysis }, step) =>
    analysis ? correlationSentence(analysis, evidenceLayers(step.evidence)) : missing(NO_ANALYSIS),
  crossTask: ({ analysis }) => (analysis ? crossTaskSentence(analysis) : missing(NO_ANALYSIS)),
};

/** The step's result sentence over `inputs`. */
export function stepSentence(step: TourStep, inputs: StepInputs): Sentence {
  return STEP_SENTENCES[step.sentence](inputs, step);
}
