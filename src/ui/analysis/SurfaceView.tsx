/**
 * 2-D loss surface (docs/ALGORITHMS.md §7): the grid as a canvas heatmap (viridis, log scale so the basin is resolved),
 * marching-squares contour lines on top, and the marked networks (the centre θ, or a plane's three nets).
 */
import { useCallback, useMemo } from 'react';
import type { Surface2D } from '../../core/analysis/run';
import { ChartFrame } from '../viz/ChartFrame';
import { ColorLegend } from '../viz/ColorLegend';
import { colorScale, viridis } from '../viz/colormap';
import { contourLevels, contourSegments } from '../viz/contour';
import { valuesToImage } from '../viz/image-data';
import { PixelCanvas } from '../viz/PixelCanvas';
import { surfaceRaster } from './chart-data';

const CONTOUR_LEVELS = 8;

export function SurfaceView({ surface, title, lossLabel }: { surface: Surface2D; title: string; lossLabel: string }) {
  const nx = surface.xs.length,
    ny = surface.ys.length;
  const raster = useMemo(() => surfaceRaster(surface.loss, nx, ny), [surface, nx, ny]);
  const scale = useMemo(() => colorScale(surface.loss, 'log'), [surface]);
  const image = useMemo(() => valuesToImage(raster, nx, ny, scale.toUnit, viridis), [raster, nx, ny, scale]);
  // Contours on a log-spaced ladder (levels in the scale's unit space), matching the heatmap's colours.
  const segments = useMemo(() => {
    const unit = Float64Array.from(surface.loss, scale.toUnit);
    return contourLevels(unit, CONTOUR_LEVELS).flatMap((lv) => contourSegments(unit, surface.xs, surface.ys, lv));
  }, [surface, scale]);
  const [x0, x1, y0, y1] = [surface.xs[0], surface.xs[nx - 1], surface.ys[0], surface.ys[ny - 1]];
  const overlay = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number) => {
      // Cell centres: grid point ix sits at the middle of image column ix.
      const px = (x: number) => (((x - x0) / (x1 - x0)) * (nx - 1) + 0.5) * (w / nx);
      const py = (y: number) => h - (((y - y0) / (y1 - y0)) * (ny - 1) + 0.5) * (h / ny);
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (const s of segments) {
        ctx.moveTo(px(s.x1), py(s.y1));
        ctx.lineTo(px(s.x2), py(s.y2));
      }
      ctx.stroke();
      ctx.font = '12px system-ui, sans-serif';
      for (const m of surface.marks) {
        ctx.fillStyle = '#000';
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(px(m.x), py(m.y), 5, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
        ctx.strokeText(m.label, px(m.x) + 7, py(m.y) - 7);
        ctx.fillText(m.label, px(m.x) + 7, py(m.y) - 7);
      }
    },
    [segments, surface.marks, x0, x1, y0, y1, nx, ny],
  );
  const rows = [];
  for (let ix = 0; ix < nx; ix++)
    for (let iy = 0; iy < ny; iy++)
      rows.push([surface.xs[ix], surface.ys[iy], surface.loss[ix * ny + iy], surface.perf[ix * ny + iy]]);
  return (
    <ChartFrame
      title={title}
      note={`${lossLabel} over ξ1 (→) and ξ2 (↑) in [${x0}, ${x1}]; white lines: ${CONTOUR_LEVELS} contour levels; dots: marked networks.`}
      table={{ header: ['xi1', 'xi2', 'loss', 'perf'], rows }}
    >
      <PixelCanvas
        image={image}
        label={`${title}: heatmap with contours`}
        pixelSize={Math.max(4, Math.floor(360 / Math.max(nx, ny)))}
        overlay={overlay}
        describe={(x, y) => {
          const ix = x,
            iy = ny - 1 - y;
          return `ξ1 ${surface.xs[ix].toFixed(2)}, ξ2 ${surface.ys[iy].toFixed(2)}: loss ${surface.loss[ix * ny + iy].toPrecision(4)}, perf ${surface.perf[ix * ny + iy].toPrecision(4)}`;
        }}
      />
      <ColorLegend scale={scale} title={lossLabel} />
    </ChartFrame>
  );
}
