/**
 * Registry of evolution strategies (docs/ARCHITECTURE.md convention 3; docs/ALGORITHMS.md §2). Dropdowns, config
 * validation, CLI help and the parametrised tests iterate `STRATEGIES`; adding a strategy is one file
 * plus one line here.
 */
import { ars } from './ars';
import { des } from './des';
import { openEs } from './open-es';
import { pgpe } from './pgpe';
import { sepCmaEs } from './sep-cma-es';
import { snes } from './snes';
import type { Strategy } from './types';

export const STRATEGIES: readonly Strategy[] = [pgpe, snes, sepCmaEs, des, openEs, ars];

/** The strategy with this id; throws listing the valid ids. */
export function getStrategy(id: string): Strategy {
  const s = STRATEGIES.find((x) => x.id === id);
  if (!s) throw new Error(`unknown strategy "${id}" (valid: ${STRATEGIES.map((x) => x.id).join(', ')})`);
  return s;
}
