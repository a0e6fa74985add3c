/**
 * Viridis colour map (perceptually uniform and colour-blind-safe; van der Walt & Smith, matplotlib) and
 * the value → colour scaling of the demo heatmap. Pure functions, tested in Node.
 */

/** 9 control points of viridis, evenly spaced in [0, 1] (matplotlib _viridis_data). */
export const VIRIDIS_STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** RGB of viridis at t ∈ [0, 1] (clamped), linear interpolation between control points. */
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS_STOPS.length - 1);
  const i = Math.min(VIRIDIS_STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS_STOPS[i],
    b = VIRIDIS_STOPS[i + 1];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

/** CSS linear-gradient of viridis (left = low) for legends. */
export function viridisCss(direction = 'to right'): string {
  const stops = VIRIDIS_STOPS.map(
    ([r, g, b], i) => `rgb(${r} ${g} ${b}) ${((100 * i) / (VIRIDIS_STOPS.length - 1)).toFixed(1)}%`,
  );
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

export interface ValueScale {
  readonly min: number;
  readonly max: number;
  readonly kind: 'log' | 'linear';
  /** Value → t ∈ [0, 1]. Log: log10(1 + v − min) / log10(1 + max − min), which keeps minima visible. */
  toUnit(v: number): number;
}

/** Colour scale (value → position on the colour map) spanning the finite values of `values`. */
export function colorScale(values: ArrayLike<number>, kind: 'log' | 'linear'): ValueScale {
  let min = Infinity,
    max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  const span = max - min || 1;
  const toUnit =
    kind === 'linear'
      ? (v: number) => (v - min) / span
      : (v: number) => Math.log10(1 + Math.max(0, v - min)) / Math.log10(1 + span);
  return { min, max, kind, toUnit };
}

/** RGBA pixels (row 0 = top) for a row-major grid whose row 0 is the bottom (y = yMin). */
export function gridToRgba(values: Float32Array, res: number, scale: ValueScale): Uint8ClampedArray {
  const px = new Uint8ClampedArray(res * res * 4);
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      const [R, G, B] = viridis(scale.toUnit(values[r * res + c]));
      const o = 4 * ((res - 1 - r) * res + c);
      px[o] = R;
      px[o + 1] = G;
      px[o + 2] = B;
      px[o + 3] = 255;
    }
  }
  return px;
}
