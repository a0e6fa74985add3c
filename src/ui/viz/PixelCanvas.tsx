/**
 * A canvas that shows one RgbaImage (from image-data.ts) scaled up with crisp pixels, and reports which
 * image pixel the pointer is over so the parent can show the value on hover.
 * Drawing happens only here, from data the tested helpers produced.
 */
import { useEffect, useRef, useState } from 'react';
import type { RgbaImage } from './image-data';

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
  }, [image, cssW, cssH, overlay]);

  const onMove = (ev: React.PointerEvent<HTMLCanvasElement>) => {
    if (!describe) return;
    const r = ev.currentTarget.getBoundingClientRect();
    const x = Math.floor(((ev.clientX - r.left) / r.width) * image.width);
    const y = Math.floor(((ev.clientY - r.top) / r.height) * image.height);
    setHover(x >= 0 && y >= 0 && x < image.width && y < image.height ? describe(x, y) : null);
  };

  return (
    <figure className="pixel-canvas">
      <canvas
        ref={ref}
        role="img"
        aria-label={label}
        style={{ width: cssW, height: cssH, maxWidth: '100%', imageRendering: 'pixelated' }}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      />
      <figcaption className="hover-readout" aria-live="polite">
        {hover ?? (describe ? 'hover for values' : '')}
      </figcaption>
    </figure>
  );
}
