/**
 * What the UI can offer, read from the registries (docs/ARCHITECTURE.md convention 3: pickers iterate registries,
 * never hand-written option lists): the ES strategies and the 2-D toy functions of the demo.
 */
import type { Strategy } from '../core/es/types';
import { STRATEGIES } from '../core/es/registry';
import { TOY_2D_LIST, type Toy2dInfo } from '../core/tasks/toy/toy-2d';

export type { Toy2dInfo };

/** Every registered strategy, in registry order. */
export const STRATEGY_LIST: readonly Strategy[] = STRATEGIES;

/** Every 2-D toy function the demo can plot. */
export const TOY_LIST: readonly Toy2dInfo[] = TOY_2D_LIST;

/** The registered strategy with `id`; throws naming the valid ids. */
export function strategyById(id: string): Strategy {
  const s = STRATEGY_LIST.find((x) => x.id === id);
  if (!s) throw new Error(`unknown strategy "${id}" (valid: ${STRATEGY_LIST.map((x) => x.id).join(', ')})`);
  return s;
}
