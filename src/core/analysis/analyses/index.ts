/** The analysis registry and what its users need: types, selection, running, report helpers. */
export * from './types';
export * from './registry';
export * from './selection';
export * from './progress';
export * from './report';
export * from './run-analysis';
export type { LmcGroup, LmcNet, LmcResult } from './lmc';
export { lmcPairRows, barrierDefinitions, type LmcPairRow } from './lmc-report';
export { lossKindOf, type LandscapeResult, type LandscapeRound } from './landscape';
export { sharpnessRows, directionsLabel, type SharpnessRow } from './landscape-report';
export type { CorrelationResult } from './correlation';
export { summarizeWeights, type WeightsResult, type WeightsRow, type WeightsSummaryRow } from './weights';
