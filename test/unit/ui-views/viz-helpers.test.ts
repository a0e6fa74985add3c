// Pure chart helpers of src/ui/viz: palettes, image data from arrays, marching-squares contours, CSV export.
import { describe, expect, it } from 'vitest';
import { contourLevels, contourSegments } from '../../../src/ui/viz/contour';
import { csvField, fileSlug, toCsv } from '../../../src/ui/viz/export';
import { codesToImage, tileAt, tileImages, tileLayout, valuesToImage } from '../../../src/ui/viz/image-data';
import { cividis, gradientCss, hexToRgb, luminance, OKABE_ITO, seriesColour } from '../../../src/ui/viz/palettes';

describe('palettes', () => {
  it('cividis runs from dark blue to yellow with strictly increasing luminance', () => {
    const [r0, g0, b0] = cividis(0);
    expect(b0).toBeGreaterThan(r0); // blue end
    expect(r0).toBeLessThan(10);
    expect(g0).toBeGreaterThan(25);
    expect(g0).toBeLessThan(40);
    const [r1, g1, b1] = cividis(1);
    expect(r1).toBeGreaterThan(240);
    expect(g1).toBeGreaterThan(220);
    expect(b1).toBeLessThan(90);
    let prev = -1;
    for (let i = 0; i <= 100; i++) {
      const y = luminance(cividis(i / 100));
      expect(y).toBeGreaterThan(prev);
      prev = y;
    }
    expect(cividis(-1)).toEqual(cividis(0));
    expect(cividis(2)).toEqual(cividis(1));
    expect(cividis(NaN)).toEqual(cividis(0));
  });

  it('Okabe–Ito hex parse and series cycle', () => {
    expect(hexToRgb(OKABE_ITO.vermillion)).toEqual([213, 94, 0]);
    expect(hexToRgb('#56b4e9')).toEqual([86, 180, 233]);
    expect(() => hexToRgb('red')).toThrow(/RRGGBB/);
    expect(seriesColour(0)).toBe(OKABE_ITO.blue);
    expect(seriesColour(8)).toBe(seriesColour(0));
    expect(seriesColour(-1)).toBe(OKABE_ITO.black);
  });

  it('gradientCss samples the map at evenly spaced stops', () => {
    const css = gradientCss(() => [1, 2, 3], 2);
    expect(css).toBe('linear-gradient(to right, rgb(1 2 3) 0.0%, rgb(1 2 3) 50.0%, rgb(1 2 3) 100.0%)');
  });
});

describe('image data from arrays', () => {
  it('maps values through the scale and colour map, row 0 on top, NaN in the missing colour', () => {
    const img = valuesToImage(
      [0, 1, NaN, 0.5],
      2,
      2,
      (v) => v,
      (t) => [Math.round(255 * t), 0, 0],
      [9, 9, 9],
    );
    expect(img.width).toBe(2);
    expect(img.height).toBe(2);
    expect(Array.from(img.data)).toEqual([0, 0, 0, 255, 255, 0, 0, 255, 9, 9, 9, 255, 128, 0, 0, 255]);
    expect(() =>
      valuesToImage(
        [1, 2, 3],
        2,
        2,
        (v) => v,
        () => [0, 0, 0],
      ),
    ).toThrow(/do not fill/);
  });

  it('codes → palette, rejecting unknown codes', () => {
    const img = codesToImage(Uint8Array.of(1, 0, 2), 3, 1, [
      [0, 0, 0],
      [10, 20, 30],
      [1, 2, 3],
    ]);
    expect(Array.from(img.data)).toEqual([10, 20, 30, 255, 0, 0, 0, 255, 1, 2, 3, 255]);
    expect(() => codesToImage([3], 1, 1, [[0, 0, 0]])).toThrow(/code 3/);
  });

  it('tiles images into an atlas and maps atlas pixels back to (tile, pixel)', () => {
    const layout = tileLayout(5, 2, 1, 1); // 3 columns, 2 rows of 2×1 tiles, 1-px gaps
    expect(layout).toMatchObject({ cols: 3, rows: 2, width: 8, height: 3 });
    const tiles = Array.from({ length: 5 }, (_, k) => codesToImage([0, 0], 2, 1, [[k, k, k]]));
    const atlas = tileImages(tiles, layout, [200, 200, 200]);
    const px = (x: number, y: number) => atlas.data[(y * atlas.width + x) * 4];
    expect(px(0, 0)).toBe(0);
    expect(px(1, 0)).toBe(0);
    expect(px(2, 0)).toBe(200); // gap column
    expect(px(3, 0)).toBe(1);
    expect(px(6, 0)).toBe(2);
    expect(px(0, 1)).toBe(200); // gap row
    expect(px(3, 2)).toBe(4);
    expect(px(6, 2)).toBe(200); // no sixth tile: background
    expect(tileAt(layout, 4, 2)).toEqual({ tile: 4, px: 1, py: 0 });
    expect(tileAt(layout, 2, 0)).toBeNull();
    expect(tileAt(layout, 0, 1)).toBeNull();
    expect(tileAt(layout, 9, 0)).toBeNull();
  });
});

describe('marching squares', () => {
  const grid = (n: number, f: (x: number, y: number) => number) => {
    const xs = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
    const v = new Float64Array(n * n);
    xs.forEach((x, ix) =>
      xs.forEach((y, iy) => {
        v[ix * n + iy] = f(x, y);
      }),
    );
    return { xs, v };
  };

  it('a linear ramp gives a straight iso-line at the exact position', () => {
    const { xs, v } = grid(5, (x) => x); // value = x: level 0.25 is the line x = 0.25
    const segs = contourSegments(v, xs, xs, 0.25);
    expect(segs).toHaveLength(4); // one per cell row
    for (const s of segs) {
      expect(s.x1).toBeCloseTo(0.25, 12);
      expect(s.x2).toBeCloseTo(0.25, 12);
    }
    const ys = segs.flatMap((s) => [s.y1, s.y2]);
    expect(Math.min(...ys)).toBe(-1);
    expect(Math.max(...ys)).toBe(1);
  });

  it('a paraboloid gives a closed ring whose points lie near the circle r = √level (closed)', () => {
    const { xs, v } = grid(41, (x, y) => x * x + y * y);
    // 0.2601 = 0.51²: no grid vertex lies exactly on the level (a vertex on it gives zero-length pieces).
    const segs = contourSegments(v, xs, xs, 0.2601);
    expect(segs.length).toBeGreaterThan(20);
    for (const s of segs) {
      expect(Math.hypot(s.x1, s.y1)).toBeCloseTo(0.51, 2);
      expect(Math.hypot(s.x2, s.y2)).toBeCloseTo(0.51, 2);
    }
    // Closed: every endpoint is shared by exactly two segments.
    const key = (x: number, y: number) => `${x.toFixed(9)},${y.toFixed(9)}`;
    const count = new Map<string, number>();
    for (const s of segs) for (const k of [key(s.x1, s.y1), key(s.x2, s.y2)]) count.set(k, (count.get(k) ?? 0) + 1);
    expect([...count.values()].every((c) => c === 2)).toBe(true);
  });

  it('a saddle cell yields two non-crossing segments chosen by the centre value', () => {
    // Corners (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0; centre 0.5 > 0.4 → the high corners connect.
    const v = [1, 0, 0, 1]; // x-major: v[ix*2 + iy]: (0,0)=1, (0,1)=0, (1,0)=0, (1,1)=1
    const segs = contourSegments(v, [0, 1], [0, 1], 0.4);
    expect(segs).toHaveLength(2);
    // Lines cut off the low corners (1,0) and (0,1): each segment stays near its low corner.
    const mids = segs.map((s) => [(s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2]).sort((a, b) => a[0] - b[0]);
    expect(mids[0][0]).toBeLessThan(0.5);
    expect(mids[0][1]).toBeGreaterThan(0.5);
    expect(mids[1][0]).toBeGreaterThan(0.5);
    expect(mids[1][1]).toBeLessThan(0.5);
  });

  it('skips non-finite cells and checks sizes; levels lie strictly inside the range', () => {
    expect(contourSegments([NaN, 0, 1, 1], [0, 1], [0, 1], 0.5)).toEqual([]);
    expect(() => contourSegments([1, 2, 3], [0, 1], [0, 1], 0.5)).toThrow(/2×2/);
    expect(contourLevels([0, 4, NaN], 3)).toEqual([1, 2, 3]);
    expect(contourLevels([2, 2], 3)).toEqual([]);
  });
});

describe('CSV export', () => {
  it('quotes fields with separators, quotes or line breaks (RFC 4180) and keeps full precision', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(NaN)).toBe('NaN');
    expect(csvField(null)).toBe('');
    expect(
      toCsv(
        ['round', 'note'],
        [
          [1, 'ok'],
          [2, 'a,b'],
        ],
      ),
    ).toBe('round,note\r\n1,ok\r\n2,"a,b"\r\n');
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(/row 0 has 1/);
  });

  it('file slugs', () => {
    expect(fileSlug('LMC: seed 0, rounds 1–4')).toBe('lmc-seed-0-rounds-1-4');
    expect(fileSlug('∑')).toBe('chart');
  });
});
