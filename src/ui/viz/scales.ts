/**
 * Axis scales and ticks for the live SVG charts (docs/ARCHITECTURE.md convention 11 "charts are thin"):
 * linear and log10 maps from data to pixels, "nice" 1-2-5 tick steps, and padded auto domains. Pure and
 * tested (test/unit/ui-views/scales.test.ts); LiveChart.tsx draws with them.
 */

export type ScaleKind = 'linear' | 'log';

/** Data → pixel map over `domain` onto `range` (log: log10; domain must then be > 0). */
export function axisScale(
  kind: ScaleKind,
  domain: readonly [number, number],
  range: readonly [number, number],
): (v: number) => number {
  const t = kind === 'log' ? Math.log10 : (v: number) => v;
  const [d0, d1] = [t(domain[0]), t(domain[1])];
  const span = d1 - d0 || 1;
  return (v) => range[0] + ((t(v) - d0) / span) * (range[1] - range[0]);
}

/** A 1-2-5 × 10^k step giving about `count` intervals over [lo, hi]. */
export function niceStep(lo: number, hi: number, count: number): number {
  const raw = Math.abs(hi - lo) / Math.max(1, count) || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/**
 * Tick labels: `fmt`'s, unless it gives two ticks the same label (a narrow range such as accuracies
 * 29.02–29.08 % formatted to whole numbers); then plain decimals, as many as the tick step needs.
 */
export function tickLabels(ticks: readonly number[], fmt: (v: number) => string): string[] {
  const labels = ticks.map(fmt);
  if (new Set(labels).size === labels.length) return labels;
  const gaps = ticks
    .slice(1)
    .map((t, i) => Math.abs(t - ticks[i]))
    .filter((d) => d > 0);
  const step = gaps.length ? Math.min(...gaps) : 1;
  const decimals = Math.min(8, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
  return ticks.map((t) => t.toFixed(decimals));
}

/** More ticks than any axis draws: the loops below stop there whatever the numbers. */
const MAX_TICKS = 1000;

/**
 * Whether `lo` and `hi` are one value for an axis: equal, or apart by no more than float rounding (two
 * accuracies computed along different paths). A range that narrow has a tick step below the numbers' own
 * spacing, where `v += step` leaves v unchanged: such a range once froze the page in an endless tick loop.
 */
export function sameForAxis(lo: number, hi: number): boolean {
  return Math.abs(hi - lo) <= Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9;
}

/** Multiples of a nice step inside [lo, hi] (linear axes). */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  const step = niceStep(lo, hi, count);
  const first = Math.ceil(lo / step - 1e-9);
  const out: number[] = [];
  // Counted, not added up, and capped: a step below the values' float spacing can then not loop forever.
  for (let k = 0; k < MAX_TICKS; k++) {
    const v = (first + k) * step;
    if (!(v <= hi + step * 1e-9)) break;
    out.push(Number(v.toPrecision(12)));
  }
  return [...new Set(out)];
}

/**
 * Linear ticks, about `count` intervals but never fewer than `min` ticks: a narrow range (σ 0.07–0.11 on
 * a short chart) would otherwise get one labelled tick and no scale to read.
 */
export function linearTicksAtLeast(lo: number, hi: number, count: number, min = 3): number[] {
  let ticks = linearTicks(lo, hi, count);
  for (let n = count + 1; ticks.length < min && n <= count + 12; n++) ticks = linearTicks(lo, hi, n);
  return ticks;
}

/** 1, 2, 5 × 10^k inside [lo, hi] (log axes); falls back to powers of ten only when there would be > `max`. */
export function logTicks(lo: number, hi: number, max = 8): number[] {
  // A log axis has no tick at or below 0 or at ∞: log10 there is ∓∞, and the loop below would never end.
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return [];
  const all: number[] = [],
    tens: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** k).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
        all.push(v);
        if (m === 1) tens.push(v);
      }
    }
  }
  return all.length <= max || tens.length < 2 ? all : tens;
}

/**
 * Domain covering `values` with 5 % padding (linear) or out to the enclosing powers of ten's 1-2-5 steps
 * (log, positive values only); a single value gets a ±1 % (or ±1) window. Non-finite values are ignored.
 */
export function autoDomain(values: readonly number[], kind: ScaleKind): [number, number] {
  const v = values.filter((x) => Number.isFinite(x) && (kind === 'linear' || x > 0));
  if (!v.length) return kind === 'log' ? [1, 10] : [0, 1];
  let lo = Math.min(...v),
    hi = Math.max(...v);
  if (kind === 'log') {
    if (lo === hi) return [lo / 2, hi * 2];
    return [lo / 1.15, hi * 1.15];
  }
  if (sameForAxis(lo, hi)) {
    const d = Math.abs(lo) * 0.01 || 1;
    return [lo - d, lo + d];
  }
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

/** Index of the x in sorted `xs` nearest to `x` (for the hover read-out). */
export function nearestIndex(xs: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
  return best;
}

/**
 * Whole-round ticks from `first` to `last` (integers), every 1, 2, 5, 10, … rounds so there are at most
 * `max`; never a tick past the last round (a 6-round run's sharpness axis once read 1, 3, 5, 7).
 */
export function roundTicks(first: number, last: number, max = 8): number[] {
  const [lo, hi] = [Math.ceil(first), Math.floor(last)];
  if (hi < lo) return [];
  let step = 1;
  for (const k of [1, 2, 5, 10, 20, 50, 100]) {
    step = k;
    if (Math.floor((hi - lo) / k) + 1 <= max) break;
  }
  const out: number[] = [];
  for (let v = lo; v <= hi; v += step) out.push(v);
  return out;
}

/**
 * A linear axis over `values` with ends on its ticks: 1-2-5 steps, about `count` intervals (0, 1, 2, 3, 4
 * rather than 0, 1.05, 2.1, …). One value gets a window around it; no finite value, [0, 1].
 */
export function niceAxis(values: readonly number[], count = 5): { domain: [number, number]; ticks: number[] } {
  const v = values.filter(Number.isFinite);
  let lo = v.length ? Math.min(...v) : 0,
    hi = v.length ? Math.max(...v) : 1;
  if (sameForAxis(lo, hi)) [lo, hi] = [lo - (Math.abs(lo) * 0.1 || 1), lo + (Math.abs(lo) * 0.1 || 1)];
  const step = niceStep(lo, hi, count);
  const [a, b] = [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
  const ticks: number[] = [];
  for (let k = 0; a + k * step <= b + step * 1e-9 && k < MAX_TICKS; k++)
    ticks.push(Number((a + k * step).toPrecision(12)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/**
 * niceAxis over `values` kept inside [`min`, `max`] (a correlation never passes ±1): an end that would
 * pass a bound is the bound itself, and no tick lies beyond it. The axis spans the data, so curves between
 * 0.8 and 0.99 spread over the plot instead of sharing its top tenth on a fixed −1…1 axis.
 */
export function niceAxisWithin(
  values: readonly number[],
  min: number,
  max: number,
  count = 5,
): { domain: [number, number]; ticks: number[] } {
  const inside = values.filter(Number.isFinite).map((v) => Math.min(max, Math.max(min, v)));
  const { domain, ticks } = niceAxis(inside.length ? inside : [min, max], count);
  const [lo, hi] = [Math.max(min, domain[0]), Math.min(max, domain[1])];
  const kept = ticks.filter((t) => t >= lo && t <= hi);
  if (kept[0] !== lo) kept.unshift(lo);
  if (kept[kept.length - 1] !== hi) kept.push(hi);
  return { domain: [lo, hi], ticks: kept };
}
