/**
 * Line styles of the tour's ES-vs-gradient-descent charts: ES chains in their method colours (solid), each
 * gradient-descent budget (epochs per round) in a colour outside the ES palette with its own dash, so the
 * budgets stay apart without colour too. Curve keys come from core/tour/es-vs-gd.ts and weights-evidence.ts.
 */
import { methodColor, methodDash, paletteColor } from '../experiment/palette';
import type { Curve } from '../../core/tour/analysis-curves';
import type { CurveStyle } from './CurveChart';

/** Paul Tol's indigo, wine and green: outside the Okabe–Ito set of the ES chains. */
const GD_BUDGETS = [
  { color: '#332288', dash: '2 2' },
  { color: '#882255', dash: '6 3' },
  { color: '#117733', dash: '8 3 2 3' },
];

const budgetOf = (key: string): number | null => {
  const m = /^gd-(\d+)/.exec(key);
  return m ? Number(m[1]) : null;
};

/**
 * Style of a curve keyed "es-<chain>", "es", "gd-<epochs>-…" or "gd-<epochs>" (GD budgets by rising epochs);
 * "crossing" is drawn as black markers without a line.
 */
export function trainerStyle(curves: readonly Curve[]): (c: Curve) => CurveStyle {
  const budgets = [...new Set(curves.flatMap((c) => budgetOf(c.key) ?? []))].sort((a, b) => a - b);
  return (c) => {
    if (c.key === 'crossing') return { color: '#000000', width: 0, dotRadius: 6, name: c.name };
    const epochs = budgetOf(c.key);
    if (epochs !== null) return { ...GD_BUDGETS[budgets.indexOf(epochs) % GD_BUDGETS.length], name: c.name };
    const chain = c.key.replace(/^es-?/, '') || 'magnitude';
    return { color: methodColor(chain), dash: methodDash(chain), name: c.name };
  };
}

/** Style of the i-th curve of a chart whose curves are not methods (e.g. one per task). */
export const indexedStyle =
  (curves: readonly Curve[]) =>
  (c: Curve): CurveStyle => ({ color: paletteColor(curves.indexOf(c)), name: c.name });
