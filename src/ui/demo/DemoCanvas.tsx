/**
 * Canvas view of the 2-D demo: the test function as a viridis heatmap (computed in the worker), the
 * current population (white dots), the mean (square) and its trail. Dense grid → canvas (docs/ARCHITECTURE.md
 * convention 11).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ToyGrid } from '../../protocol/worker-protocol';
import { gridToRgba, type ValueScale } from '../viz/colormap';

export interface DemoCanvasProps {
  readonly grid: ToyGrid | null;
  readonly scale: ValueScale | null;
  readonly population: Float32Array | null;
  readonly meanTrail: Float32Array;
  readonly showTrail: boolean;
  readonly optimum?: readonly number[];
}

/** Internal drawing size in CSS px; the canvas scales to its container (max 520 px). */
const SIZE = 520;

export function DemoCanvas({ grid, scale, population, meanTrail, showTrail, optimum }: DemoCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  // The heatmap is drawn once per grid/scale into an offscreen canvas, then blitted every frame.
  const heat = useMemo(() => {
    if (!grid || !scale) return null;
    const c = document.createElement('canvas');
    c.width = grid.res;
    c.height = grid.res;
    c.getContext('2d')!.putImageData(
      new ImageData(gridToRgba(grid.values, grid.res, scale) as Uint8ClampedArray<ArrayBuffer>, grid.res, grid.res),
      0,
      0,
    );
    return c;
  }, [grid, scale]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = SIZE * dpr;
    canvas.height = SIZE * dpr;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#222';
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (!grid || !heat) return;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(heat, 0, 0, SIZE, SIZE);
    const [x0, x1, y0, y1] = grid.bounds;
    const px = (x: number) => ((x - x0) / (x1 - x0)) * SIZE;
    const py = (y: number) => SIZE - ((y - y0) / (y1 - y0)) * SIZE;
    if (showTrail && meanTrail.length >= 4) {
      ctx.beginPath();
      for (let i = 0; i < meanTrail.length; i += 2)
        ctx[i ? 'lineTo' : 'moveTo'](px(meanTrail[i]), py(meanTrail[i + 1]));
      ctx.lineWidth = 4;
      ctx.strokeStyle = 'rgba(0,0,0,0.7)';
      ctx.stroke();
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    }
    if (optimum) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#000';
      const [ox, oy] = [px(optimum[0]), py(optimum[1])];
      ctx.beginPath();
      ctx.moveTo(ox - 7, oy - 7);
      ctx.lineTo(ox + 7, oy + 7);
      ctx.moveTo(ox + 7, oy - 7);
      ctx.lineTo(ox - 7, oy + 7);
      ctx.stroke();
    }
    if (population) {
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#000';
      ctx.fillStyle = '#fff';
      for (let i = 0; i < population.length; i += 2) {
        ctx.beginPath();
        ctx.arc(px(population[i]), py(population[i + 1]), 4, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    }
    if (meanTrail.length >= 2) {
      const n = meanTrail.length;
      ctx.fillStyle = '#ff4fa3';
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      ctx.fillRect(px(meanTrail[n - 2]) - 6, py(meanTrail[n - 1]) - 6, 12, 12);
      ctx.strokeRect(px(meanTrail[n - 2]) - 6, py(meanTrail[n - 1]) - 6, 12, 12);
    }
  }, [grid, heat, population, meanTrail, showTrail, optimum]);

  const label = grid
    ? `Heatmap of the test function over x ∈ [${grid.bounds[0]}, ${grid.bounds[1]}], y ∈ [${grid.bounds[2]}, ${grid.bounds[3]}] with the ES population`
    : 'Loading the test function…';
  return (
    <figure className="demo-figure">
      <canvas ref={ref} className="demo-canvas" role="img" aria-label={label} data-testid="demo-canvas" />
      {grid && (
        <figcaption className="axis-caption">
          x ∈ [{grid.bounds[0]}, {grid.bounds[1]}] (→), y ∈ [{grid.bounds[2]}, {grid.bounds[3]}] (↑) ·
          <span className="key-dot" aria-hidden /> population · <span className="key-mean" aria-hidden /> mean
          {optimum && <> · ✕ optimum</>}
        </figcaption>
      )}
    </figure>
  );
}
