/**
 * Colours and dash patterns of pruning methods on every chart: the Okabe–Ito colour-blind-safe palette,
 * assigned by registry order so a method keeps its colour across charts and runs; baselines dashed.
 * GD-IMP chains ('gd_<method>', core/experiments/gd/gd-imp.ts) are drawn in colours outside the ES palette
 * with a dotted stroke, so they never pass for an ES curve; their names come from core/names.ts.
 */
import { PRUNE_METHODS } from '../../core/prune/registry';
import { chainMethod } from '../../core/names';

const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

/** Paul Tol's indigo and wine: outside Okabe–Ito, so no ES chain shares a GD colour. */
const GD_COLOURS = { criterion: '#332288', baseline: '#882255' };

/** The i-th colour of the palette (cycling): for series that are not methods, e.g. a sweep's configurations. */
export function paletteColor(i: number): string {
  return OKABE_ITO[i % OKABE_ITO.length];
}

export function methodColor(id: string): string {
  const { method, gd } = chainMethod(id);
  if (gd)
    return PRUNE_METHODS.find((m) => m.id === method)?.kind === 'baseline' ? GD_COLOURS.baseline : GD_COLOURS.criterion;
  const i = PRUNE_METHODS.findIndex((m) => m.id === id);
  return OKABE_ITO[(i < 0 ? PRUNE_METHODS.length : i) % OKABE_ITO.length];
}

/** Baselines are drawn dashed so curves stay distinguishable without colour. */
export function methodDash(id: string): string | undefined {
  const { method, gd } = chainMethod(id);
  const baseline = PRUNE_METHODS.find((m) => m.id === method)?.kind === 'baseline';
  if (gd) return baseline ? '8 3 2 3' : '2 2';
  return baseline ? '6 3' : undefined;
}
