/**
 * Colours and labels of pruning methods on every chart: the Okabe–Ito colour-blind-safe palette,
 * assigned by registry order so a method keeps its colour across charts and runs; baselines dashed.
 */
import { PRUNE_METHODS } from '../../core/prune/registry';

const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

export function methodColor(id: string): string {
  const i = PRUNE_METHODS.findIndex((m) => m.id === id);
  return OKABE_ITO[(i < 0 ? PRUNE_METHODS.length : i) % OKABE_ITO.length];
}

export function methodLabel(id: string): string {
  return PRUNE_METHODS.find((m) => m.id === id)?.label ?? id;
}

/** Baselines are drawn dashed so curves stay distinguishable without colour. */
export function methodDash(id: string): string | undefined {
  return PRUNE_METHODS.find((m) => m.id === id)?.kind === 'baseline' ? '6 3' : undefined;
}
