/** Public surface of the pruning module (docs/ALGORITHMS.md §3). */
export * from './types';
export * from './schedule';
export * from './layout';
export * from './threshold';
export * from './scores';
export * from './permute';
export { PRUNE_METHODS, getPruneMethod } from './registry';
export { magnitudePrune, snrPrune } from './criteria';
export { randomReinit, maskReinit, permuteWeights, permuteMaskWeights, layerwiseRandom } from './baselines';
