/**
 * One view per kind of tour step (core/tour/steps.ts `view`): adding a kind of evidence is one component
 * and one entry here; the record type makes a missing view a type error.
 */
import type { ComponentType } from 'react';
import type { StepViewKind } from '../../core/tour/steps';
import { EvidenceCorrelation } from './EvidenceCorrelation';
import { EvidenceCrossTask } from './EvidenceCrossTask';
import { EvidenceDemo } from './EvidenceDemo';
import { EvidenceEsVsGd } from './EvidenceEsVsGd';
import { EvidenceMinima } from './EvidenceMinima';
import { EvidencePixels } from './EvidencePixels';
import { EvidenceSparsity } from './EvidenceSparsity';
import { EvidenceTraining } from './EvidenceTraining';
import { EvidenceTransfer } from './EvidenceTransfer';
import { EvidenceWeights } from './EvidenceWeights';
import type { StepViewProps } from './step-types';

export const STEP_VIEWS: Readonly<Record<StepViewKind, ComponentType<StepViewProps>>> = {
  demo: EvidenceDemo,
  training: EvidenceTraining,
  sparsity: EvidenceSparsity,
  pixels: EvidencePixels,
  minima: EvidenceMinima,
  transfer: EvidenceTransfer,
  esVsGd: EvidenceEsVsGd,
  weights: EvidenceWeights,
  correlation: EvidenceCorrelation,
  crossTask: EvidenceCrossTask,
};
