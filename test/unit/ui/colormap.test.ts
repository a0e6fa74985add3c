// Viridis colour map and heatmap scaling (src/ui/viz/colormap.ts).
import { describe, expect, it } from 'vitest';
import { VIRIDIS_STOPS, gridToRgba, colorScale, viridis } from '../../../src/ui/viz/colormap';

describe('viridis', () => {
  it('hits its control points and clamps outside [0, 1]', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    expect(viridis(0.5)).toEqual([...VIRIDIS_STOPS[4]]);
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(NaN)).toEqual(viridis(0));
  });

  it('interpolates linearly between stops', () => {
    // t = 1/16 lies halfway between stop 0 and stop 1
    const [a, b] = [VIRIDIS_STOPS[0], VIRIDIS_STOPS[1]];
    expect(viridis(1 / 16)).toEqual([0, 1, 2].map((k) => Math.round((a[k] + b[k]) / 2)));
  });

  it('luminance increases monotonically (readable in greyscale)', () => {
    let prev = -1;
    for (let i = 0; i <= 50; i++) {
      const [r, g, b] = viridis(i / 50);
      const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      expect(y).toBeGreaterThan(prev);
      prev = y;
    }
  });
});

describe('scales', () => {
  it('linear and log map min → 0 and max → 1; log lifts small values', () => {
    const vals = new Float32Array([2, 12, 102, NaN, Infinity]);
    const lin = colorScale(vals, 'linear');
    expect([lin.min, lin.max]).toEqual([2, 102]);
    expect(lin.toUnit(2)).toBe(0);
    expect(lin.toUnit(102)).toBe(1);
    expect(lin.toUnit(12)).toBeCloseTo(0.1, 12);
    const log = colorScale(vals, 'log');
    expect(log.toUnit(2)).toBe(0);
    expect(log.toUnit(102)).toBeCloseTo(1, 12);
    // log10(11) / log10(101)
    expect(log.toUnit(12)).toBeCloseTo(Math.log10(11) / Math.log10(101), 12);
  });

  it('gridToRgba flips rows so y grows upwards', () => {
    // 2×2 grid, row 0 (bottom) = [0, 0], row 1 (top) = [1, 1]
    const px = gridToRgba(new Float32Array([0, 0, 1, 1]), 2, colorScale([0, 1], 'linear'));
    expect(Array.from(px.slice(0, 4))).toEqual([...viridis(1), 255]); // top-left pixel = top row
    expect(Array.from(px.slice(8, 12))).toEqual([...viridis(0), 255]); // bottom-left
  });
});
