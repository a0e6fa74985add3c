/**
 * The analysis registry: every analysis the lab offers, in menu order. The CLI makes one command per
 * entry (flags and --help from its options), the worker runs any entry by id, and the analysis panel lists
 * them with fields generated from the same options (docs/ARCHITECTURE.md "adding an analysis").
 */
import { correlationAnalysis } from './correlation';
import { landscapeAnalysis } from './landscape';
import { lmcAnalysis } from './lmc';
import type { AnalysisDef } from './types';
import { weightsAnalysis } from './weights';

export const ANALYSES = {
  lmc: lmcAnalysis,
  landscape: landscapeAnalysis,
  correlation: correlationAnalysis,
  weights: weightsAnalysis,
} as const;

export type AnalysisId = keyof typeof ANALYSES;
/** The result type of analysis `K`. */
export type AnalysisResultOf<K extends AnalysisId> = Awaited<ReturnType<(typeof ANALYSES)[K]['run']>>;

/** Every analysis, in menu order. */
export const ANALYSIS_LIST: readonly AnalysisDef[] = Object.values(ANALYSES) as readonly AnalysisDef[];

export const ANALYSIS_IDS = Object.keys(ANALYSES) as AnalysisId[];

export function isAnalysisId(id: string): id is AnalysisId {
  return Object.prototype.hasOwnProperty.call(ANALYSES, id);
}

export function getAnalysis(id: string): AnalysisDef {
  if (!isAnalysisId(id)) throw new Error(`unknown analysis "${id}" (known: ${ANALYSIS_IDS.join(', ')})`);
  return ANALYSES[id] as unknown as AnalysisDef;
}
