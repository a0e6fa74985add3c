/**
 * A canvas that shows one RgbaImage (from image-data.ts) scaled up with crisp pixels, and reports which
 * image pixel the pointer is over so the parent can show the value on hover. Values are not hover-only:
 * a tap or click selects a cell, and the canvas takes the focus and moves its selected cell with the arrow
 * keys (pixel-cursor.ts); the read-out below names the selected cell, which is outlined on the image.
 * Drawing happens only here, from data the tested helpers produced.
 */
import { useEffect, useRef, useState } from 'react';
import type { RgbaImage } from './image-data';
import { moveCell, type Cell } from './pixel-cursor';

export interface PixelCanvasProps {
  readonly image: RgbaImage;
  /** CSS pixels per image pixel (default: the largest that fits maxCssWidth × maxCssHeight, at most 12). */
  readonly pixelSize?: number;
  readonly maxCssWidth?: number;
  readonly maxCssHeight?: number;
  /** Accessible description of what the image shows. */
  readonly label: string;
  /** Text for the image pixel (x, y) under the pointer, or null for none (e.g. a gap). */
  readonly describe?: (x: number, y: number) => string | null;
  /** Extra drawing on top (contours, marks) in canvas pixels after the image is drawn. */
  readonly overlay?: (ctx: CanvasRenderingContext2D, cssWidth: number, cssHeight: number) => void;
}

export function PixelCanvas({
  image,
  pixelSize,
  maxCssWidth = 420,
  maxCssHeight = 420,
  label,
  describe,
  overlay,
}: PixelCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const [cell, setCell] = useState<Cell | null>(null);
  const picked = cell && cell.x < image.width && cell.y < image.height ? cell : null;
  const scale = pixelSize ?? Math.min(12, maxCssWidth / image.width, maxCssHeight / image.height);
  const cssW = Math.round(image.width * scale),
    cssH = Math.round(image.height * scale);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = typeof window !== 'undefined' ? Math.min(2, window.devicePixelRatio || 1) : 1;
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    // Draw at native size on a scratch canvas, then scale up without smoothing (crisp mask pixels).
    const scratch = document.createElement('canvas');
    scratch.width = image.width;
    scratch.height = image.height;
    scratch
      .getContext('2d')!
      .putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, cssW, cssH);
    ctx.drawImage(scratch, 0, 0, cssW, cssH);
    overlay?.(ctx, cssW, cssH);
    if (picked) {
      // the selected cell: a dark and a light outline, visible on any colour of the map
      const [sx, sy] = [cssW / image.width, cssH / image.height];
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#000';
      ctx.strokeRect(picked.x * sx - 1, picked.y * sy - 1, sx + 2, sy + 2);
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#fff';
      ctx.strokeRect(picked.x * sx + 0.5, picked.y * sy + 0.5, sx - 1, sy - 1);
    }
  }, [image, cssW, cssH, overlay, picked]);

  const pixelAt = (ev: React.PointerEvent<HTMLCanvasElement>): Cell | null => {
    const r = ev.currentTarget.getBoundingClientRect();
    const x = Math.floor(((ev.clientX - r.left) / r.width) * image.width);
    const y = Math.floor(((ev.clientY - r.top) / r.height) * image.height);
    return x >= 0 && y >= 0 && x < image.width && y < image.height ? { x, y } : null;
  };
  const onMove = (ev: React.PointerEvent<HTMLCanvasElement>) => {
    if (!describe) return;
    const at = pixelAt(ev);
    setHover(at ? describe(at.x, at.y) : null);
  };
  const onKey = (ev: React.KeyboardEvent<HTMLCanvasElement>) => {
    const next = moveCell(picked, ev.key, ev.shiftKey, image.width, image.height);
    if (!next) return;
    ev.preventDefault(); // the arrow keys move the cell, not the page
    setHover(null);
    setCell(next);
  };
  const selectedText = picked && describe ? describe(picked.x, picked.y) : null;

  return (
    <figure className="pixel-canvas">
      <canvas
        ref={ref}
        role="img"
        aria-label={label}
        // height follows the width (the canvas' own aspect), so a picture narrowed to a phone is not squeezed
        style={{
          width: cssW,
          height: 'auto',
          aspectRatio: `${cssW} / ${cssH}`,
          maxWidth: '100%',
          imageRendering: 'pixelated',
        }}
        tabIndex={describe ? 0 : undefined}
        onPointerMove={onMove}
        onPointerDown={(ev) => describe && setCell(pixelAt(ev))}
        onPointerLeave={() => setHover(null)}
        onKeyDown={describe ? onKey : undefined}
      />
      <figcaption className="hover-readout" aria-live="polite">
        {hover ??
          selectedText ??
          (describe
            ? picked
              ? 'no value here (a gap between images)'
              : 'Values: hover, tap, or use the arrow keys'
            : '')}
      </figcaption>
    </figure>
  );
}
