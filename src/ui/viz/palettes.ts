/**
 * Colour-blind-safe palettes for the mask and analysis views (every colour scale is colour-blind-safe
 * and has a legend): cividis (Nuñez, Anderton & Renslow 2018, optimised for deuteranopia; here the
 * degree-5 polynomial fit of d3-scale-chromatic) for sequential values, and the Okabe–Ito 8-colour set
 * (Okabe & Ito 2008) for categories. Pure functions, tested in Node. Viridis lives in colormap.ts.
 */
import { viridis } from './colormap';

export type Rgb = readonly [number, number, number];

/** Polynomial coefficients (t⁰…t⁵) per channel of the cividis fit. */
const CIVIDIS_POLY: readonly (readonly number[])[] = [
  [-4.54, -35.34, 2381.73, -6402.7, 7024.72, -2710.57],
  [32.49, 170.73, 52.82, -131.46, 176.58, -67.37],
  [81.24, 442.36, -2482.43, 6167.24, -6614.94, 2475.67],
];

const clamp01 = (t: number) => Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
const toByte = (v: number) => Math.min(255, Math.max(0, Math.round(v)));

/** RGB of cividis at t ∈ [0, 1] (clamped; NaN → 0): dark blue → grey → yellow, luminance increasing. */
export function cividis(t: number): [number, number, number] {
  const x = clamp01(t);
  return CIVIDIS_POLY.map((c) => {
    let v = 0;
    for (let k = c.length - 1; k >= 0; k--) v = v * x + c[k]; // Horner
    return toByte(v);
  }) as [number, number, number];
}

/** Okabe–Ito colours by name (hex as published). */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Okabe–Ito in the order charts use for series (black last: it is reserved for reference lines). */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
];

/** Series colour i (cycles). */
export function seriesColour(i: number): string {
  return SERIES_COLOURS[((i % SERIES_COLOURS.length) + SERIES_COLOURS.length) % SERIES_COLOURS.length];
}

/** '#RRGGBB' → [r, g, b]. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`hexToRgb: not a #RRGGBB colour: "${hex}"`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Sequential colour maps the views offer, by id. */
export const SEQUENTIAL_MAPS = { viridis, cividis } as const;
export type SequentialMapId = keyof typeof SEQUENTIAL_MAPS;

/** CSS linear-gradient sampling `map` at `steps` + 1 points (for legends of any sequential map). */
export function gradientCss(map: (t: number) => Rgb, steps = 8, direction = 'to right'): string {
  const stops = Array.from({ length: steps + 1 }, (_, i) => {
    const [r, g, b] = map(i / steps);
    return `rgb(${r} ${g} ${b}) ${((100 * i) / steps).toFixed(1)}%`;
  });
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

/** Relative luminance proxy (Rec. 709 weights on sRGB bytes), used to pick readable text colours. */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
