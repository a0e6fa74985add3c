/**
 * The x axis of every chart against weights remaining (paper Fig. 1–3 style): log scale, reversed so
 * pruning moves right; few rounds get a tick at each round's own remaining %, many the 1-2-5 ladder.
 * Shared by the sparsity chart and the paper tour's charts.
 */
import type { LiveAxis } from '../viz/LiveChart';

const TICKS = [100, 50, 20, 10, 5, 2, 1, 0.5, 0.2, 0.1];

export function sparsityXAxis(remainingPcts: readonly number[]): LiveAxis {
  const minPct = remainingPcts.length ? Math.min(...remainingPcts) : 100;
  const ticks =
    remainingPcts.length <= 8
      ? [...new Set(remainingPcts.map((p) => Number(p.toPrecision(3))))]
      : TICKS.filter((t) => t >= minPct * 0.999);
  return {
    label: 'weights remaining (%, log)',
    scale: 'log',
    reversed: true,
    ticks,
    domain: [Math.min(...ticks, minPct) / 1.08, 100 * 1.05],
    format: (v: number) => `${v}`,
  };
}
