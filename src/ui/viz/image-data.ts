/**
 * "Image data from an array": the one place where numbers become canvas pixels (docs/ARCHITECTURE.md convention 11:
 * dense grids
 * draw to canvas). Values or category codes in row-major order become RGBA bytes that a canvas can take
 * via `new ImageData(rgba, width, height)`; many small images can be tiled into one atlas so a grid of
 * hundreds of per-unit masks is a single canvas. Pure, tested in Node.
 */
import type { Rgb } from './palettes';

/** Row-major RGBA pixels of a width × height image. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

function checkSize(n: number, width: number, height: number, who: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new Error(`${who}: bad size ${width}×${height}`);
  if (n !== width * height) throw new Error(`${who}: ${n} values do not fill ${width}×${height}`);
}

/**
 * Maps each value through `toUnit` (value → t ∈ [0, 1]) and `colour` (t → RGB). Row 0 of `values` is the
 * top row of the image. Non-finite values are drawn in `missing` (default mid grey) so gaps stay visible.
 */
export function valuesToImage(
  values: ArrayLike<number>,
  width: number,
  height: number,
  toUnit: (v: number) => number,
  colour: (t: number) => Rgb,
  missing: Rgb = [128, 128, 128],
): RgbaImage {
  checkSize(values.length, width, height, 'valuesToImage');
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const [r, g, b] = Number.isFinite(v) ? colour(toUnit(v)) : missing;
    data[4 * i] = r;
    data[4 * i + 1] = g;
    data[4 * i + 2] = b;
    data[4 * i + 3] = 255;
  }
  return { width, height, data };
}

/** Category codes (0…palette.length − 1) → palette colours; an out-of-range code is an error. */
export function codesToImage(
  codes: ArrayLike<number>,
  width: number,
  height: number,
  palette: readonly Rgb[],
): RgbaImage {
  checkSize(codes.length, width, height, 'codesToImage');
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < codes.length; i++) {
    const c = palette[codes[i]];
    if (!c) throw new Error(`codesToImage: code ${codes[i]} at ${i} has no colour (palette of ${palette.length})`);
    data[4 * i] = c[0];
    data[4 * i + 1] = c[1];
    data[4 * i + 2] = c[2];
    data[4 * i + 3] = 255;
  }
  return { width, height, data };
}

/** Where tile k sits in an atlas: column k mod cols, row ⌊k / cols⌋. */
export interface TileLayout {
  readonly cols: number;
  readonly rows: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** Pixels between tiles. */
  readonly gap: number;
  readonly width: number;
  readonly height: number;
}

/** Near-square layout for `count` tiles of tileWidth × tileHeight with `gap` pixels between them. */
export function tileLayout(
  count: number,
  tileWidth: number,
  tileHeight: number,
  gap = 1,
  cols = Math.ceil(Math.sqrt(count)),
): TileLayout {
  const c = Math.max(1, Math.min(cols, count));
  const rows = Math.max(1, Math.ceil(count / c));
  return {
    cols: c,
    rows,
    tileWidth,
    tileHeight,
    gap,
    width: c * tileWidth + (c - 1) * gap,
    height: rows * tileHeight + (rows - 1) * gap,
  };
}

/** Pastes equally sized tiles into one atlas (gaps filled with `background`). */
export function tileImages(
  tiles: readonly RgbaImage[],
  layout: TileLayout,
  background: Rgb = [255, 255, 255],
): RgbaImage {
  const { width, height } = layout;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[4 * i] = background[0];
    data[4 * i + 1] = background[1];
    data[4 * i + 2] = background[2];
    data[4 * i + 3] = 255;
  }
  tiles.forEach((t, k) => {
    if (t.width !== layout.tileWidth || t.height !== layout.tileHeight)
      throw new Error(
        `tileImages: tile ${k} is ${t.width}×${t.height}, layout wants ${layout.tileWidth}×${layout.tileHeight}`,
      );
    const x0 = (k % layout.cols) * (layout.tileWidth + layout.gap);
    const y0 = Math.floor(k / layout.cols) * (layout.tileHeight + layout.gap);
    for (let y = 0; y < t.height; y++) {
      data.set(t.data.subarray(y * t.width * 4, (y + 1) * t.width * 4), ((y0 + y) * width + x0) * 4);
    }
  });
  return { width, height, data };
}

/** Inverse of the atlas layout: which tile and which pixel inside it an atlas pixel (x, y) shows, or null for a gap. */
export function tileAt(layout: TileLayout, x: number, y: number): { tile: number; px: number; py: number } | null {
  const sx = layout.tileWidth + layout.gap,
    sy = layout.tileHeight + layout.gap;
  const col = Math.floor(x / sx),
    row = Math.floor(y / sy);
  const px = x - col * sx,
    py = y - row * sy;
  if (x < 0 || y < 0 || col >= layout.cols || row >= layout.rows || px >= layout.tileWidth || py >= layout.tileHeight)
    return null;
  return { tile: row * layout.cols + col, px, py };
}
