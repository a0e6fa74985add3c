/**
 * Colours of the mask views: kept/pruned on cividis (pruned = dark blue end, kept = yellow end) and the
 * round-diff categories on Okabe–Ito colours that stay distinct under the common colour-vision deficiencies.
 */
import { cividis, hexToRgb, OKABE_ITO, type Rgb } from '../viz/palettes';
import { DIFF_CATEGORIES } from './mask-images';

/** Diff colours in maskDiff code order: pruned in both, kept in both, newly pruned, regrown. */
export const DIFF_HEX: readonly string[] = ['#3a3a3a', OKABE_ITO.skyBlue, OKABE_ITO.vermillion, OKABE_ITO.yellow];
export const DIFF_RGB: readonly Rgb[] = DIFF_HEX.map(hexToRgb);

const css = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;

/** The two colours of a 0/1 mask picture (KernelMaskImage draws 0 and 1 at cividis' ends). */
export const KEPT_PRUNED_KEY = [
  { label: 'kept', colour: css(cividis(1)) },
  { label: 'pruned', colour: css(cividis(0)) },
] as const;

/** Legend items for a diff with its counts. */
export function diffLegendItems(counts: { neither: number; both: number; onlyA: number; onlyB: number }) {
  const n = [counts.neither, counts.both, counts.onlyA, counts.onlyB];
  return DIFF_CATEGORIES.map((c) => ({ label: c.label, colour: DIFF_HEX[c.code], count: n[c.code] }));
}
