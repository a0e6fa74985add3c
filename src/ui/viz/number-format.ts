/**
 * How the lab's charts and legends print numbers. Two styles, each used in several views, kept here so a
 * chart's ticks, tooltip and legend agree:
 *  - `sigDigits`: a few significant digits, no trailing zeros ("0.0021", "87.4"), for analysis plots a
 *    student reads as plain decimals;
 *  - `compactNumber`: the same, but very small or very large magnitudes in exponent form ("3.2e-4",
 *    "1.5e+4"), so a tick or legend label never grows past a few characters.
 */

/** `v` to `digits` significant digits without trailing zeros; "–" for NaN and ±∞. */
export function sigDigits(v: number, digits: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : '–';
}

/**
 * `v` to `digits` significant digits, or in exponent form with `expDigits` decimals where |v| < 0.01 or
 * |v| ≥ 10,000 (zero stays "0"); "–" for NaN and ±∞.
 */
export function compactNumber(v: number, digits: number, expDigits = digits - 1): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-2 || a >= 1e4) ? v.toExponential(expDigits) : sigDigits(v, digits);
}
