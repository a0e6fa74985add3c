/**
 * Registry of pruning methods (docs/ARCHITECTURE.md conventions 3 and 5; docs/ALGORITHMS.md §3.3, §3.7). Dropdowns,
 * config validation, CLI help and the parametrised tests iterate `PRUNE_METHODS`; adding a method is one
 * file plus one line here.
 */
import type { PruneMethod } from './types';
import { magnitudePrune, snrPrune } from './criteria';
import { layerwiseRandom, maskReinit, permuteMaskWeights, permuteWeights, randomReinit } from './baselines';

/** All pruning methods: the paper's two criteria first, then the §3.7 baselines. */
export const PRUNE_METHODS: readonly PruneMethod[] = [
  magnitudePrune,
  snrPrune,
  randomReinit,
  maskReinit,
  permuteWeights,
  permuteMaskWeights,
  layerwiseRandom,
];

/** The method with this id; throws naming the known ids. */
export function getPruneMethod(id: string): PruneMethod {
  const m = PRUNE_METHODS.find((p) => p.id === id);
  if (!m) throw new Error(`unknown pruning method "${id}" (known: ${PRUNE_METHODS.map((p) => p.id).join(', ')})`);
  return m;
}
