/**
 * The selected cell of a mask / pixel picture (src/ui/viz/pixel-cursor.ts): the values under the pictures
 * were hover-only; the arrow keys now move a selected cell, which the read-out names.
 */
import { describe, expect, it } from 'vitest';
import { moveCell } from '../../../src/ui/viz/pixel-cursor';

describe('moveCell', () => {
  it('starts in the middle, moves by one (Shift: eight) and stays inside the image', () => {
    const first = moveCell(null, 'ArrowRight', false, 28, 28);
    expect(first).toEqual({ x: 14, y: 14 });
    expect(moveCell(first, 'ArrowRight', false, 28, 28)).toEqual({ x: 15, y: 14 });
    expect(moveCell(first, 'ArrowUp', true, 28, 28)).toEqual({ x: 14, y: 6 });
    expect(moveCell({ x: 27, y: 0 }, 'ArrowRight', true, 28, 28)).toEqual({ x: 27, y: 0 });
    expect(moveCell({ x: 0, y: 3 }, 'ArrowDown', true, 28, 5)).toEqual({ x: 0, y: 4 });
    expect(moveCell({ x: 5, y: 5 }, 'Home', false, 28, 28)).toEqual({ x: 0, y: 0 });
    expect(moveCell(null, 'End', false, 170, 85)).toEqual({ x: 169, y: 84 });
  });

  it('leaves other keys to the page (Tab moves the focus on)', () => {
    expect(moveCell({ x: 1, y: 1 }, 'Tab', false, 28, 28)).toBeNull();
    expect(moveCell(null, 'a', false, 28, 28)).toBeNull();
  });
});
