/**
 * What the Transfer tab's two curve panels draw (TransferCharts.tsx), pure and tested: the series, named
 * as every other chart names a chain (core/names.ts methodName: "Ticket (signal-to-noise pruning)",
 * "Random mask, new weights (baseline)"), and axes that stay readable when a panel has a single test
 * evaluation (round 1 of a control run is tested once, after its last generation).
 */
import { methodName } from '../../core/names';
import type { TransferCurve } from '../../state/transfer-store';
import type { LiveSeries } from '../viz/LiveChart';
import { linearTicksAtLeast } from '../viz/scales';

const COLORS = { ticket: '#0072b2', baseline: '#e69f00' } as const;

/**
 * The panel's series: the ticket blue and solid, the baseline yellow and dashed. The ticket's dots are the
 * larger and drawn first, so where both networks score the same (round 1 is the same dense network for
 * every chain) the ticket still shows as a blue ring around the baseline's dot.
 */
export function transferSeries(curves: readonly TransferCurve[]): LiveSeries[] {
  return curves.map((c) => ({
    key: c.method,
    name: methodName(c.method),
    color: COLORS[c.role],
    dash: c.role === 'baseline' ? '6 3' : undefined,
    width: 2.2,
    dots: true,
    dotRadius: c.role === 'ticket' ? 5 : 3,
    points: c.points,
  }));
}

/**
 * A y axis with at least three labelled ticks over `domain`: a domain of zero height (every point the
 * same value, e.g. one evaluation of a control round) is widened by 10 % of the value either side (at
 * least ±1), so the point sits mid-chart on a scale instead of on the x axis with no values.
 */
export function readableYAxis(
  domain: readonly [number, number] | null,
): { domain: readonly [number, number]; ticks: number[] } | null {
  if (!domain) return null;
  let [lo, hi] = domain;
  if (!(hi - lo > 1e-9 * Math.max(1, Math.abs(lo)))) {
    const half = Math.max(1, 0.1 * Math.abs(lo));
    [lo, hi] = [lo - half, hi + half];
  }
  return { domain: [lo, hi], ticks: linearTicksAtLeast(lo, hi, 5, 3) };
}

/**
 * The source panel's x range: from generation 0 (where the round's training starts) to its last test
 * evaluation, rather than a few generations either side of a single evaluation. Undefined: no points.
 */
export function sourceXDomain(curves: readonly TransferCurve[]): readonly [number, number] | undefined {
  const last = Math.max(0, ...curves.flatMap((c) => c.points.map((p) => p[0])));
  return last > 0 ? [0, last] : undefined;
}

/** The step of the panel's one test evaluation when no curve has more than one (the chart then says so); else null. */
export function singleEvaluationAt(curves: readonly TransferCurve[]): number | null {
  const xs = new Set(curves.flatMap((c) => c.points.map((p) => p[0])));
  return xs.size === 1 && curves.every((c) => c.points.length <= 1) ? [...xs][0] : null;
}
