/**
 * The selected cell of a PixelCanvas, for readers without a hover: a tap (phone) or click picks a cell,
 * the arrow keys move it (Shift: 8 cells at a time), Home / End go to the first / last cell. Pure.
 */

export interface Cell {
  readonly x: number;
  readonly y: number;
}

const STEPS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The cell after `key` in a `width`×`height` image, or null when the key does not move it (the page keeps
 * the key then, e.g. Tab). The first key after focus starts from the middle of the image.
 */
export function moveCell(cell: Cell | null, key: string, shift: boolean, width: number, height: number): Cell | null {
  if (key === 'Home') return { x: 0, y: 0 };
  if (key === 'End') return { x: width - 1, y: height - 1 };
  const step = STEPS[key];
  if (!step) return null;
  if (!cell) return { x: Math.floor(width / 2), y: Math.floor(height / 2) };
  const n = shift ? 8 : 1;
  const clamp = (v: number, hi: number) => Math.min(hi - 1, Math.max(0, v));
  return { x: clamp(cell.x + step[0] * n, width), y: clamp(cell.y + step[1] * n, height) };
}
