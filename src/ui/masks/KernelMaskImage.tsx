/**
 * One layer's mask (or round-diff codes) as a canvas: a grid of per-hidden-unit input images when the
 * layer is a dense first layer over an image (kernelView 'image'), else the kernel as a [rows × cols]
 * matrix. Hover names the unit, pixel and value.
 */
import { useMemo } from 'react';
import type { LayerSpec } from '../../core/nets/types';
import { codesToImage, tileAt, tileImages, tileLayout, valuesToImage, type RgbaImage } from '../viz/image-data';
import { cividis } from '../viz/palettes';
import { PixelCanvas } from '../viz/PixelCanvas';
import { DIFF_CATEGORIES, kernelSlice, kernelView, unitCodeImages, unitKeptImages } from './mask-images';
import { DIFF_RGB } from './mask-palette';

/** Units drawn at most in the grid (a 28×28 tile each), so huge layers stay a bounded canvas. */
export const MAX_UNITS_SHOWN = 256;

export interface KernelMaskImageProps {
  readonly layer: LayerSpec;
  readonly inputShape?: readonly number[];
  /** 'mask': a length-D 0/1 mask; 'diff': length-D maskDiff codes (0…3). */
  readonly kind: 'mask' | 'diff';
  readonly data: Uint8Array;
  readonly label: string;
  /** The layer as students read it (core/names.ts layerNames); its flax name otherwise. */
  readonly layerLabel?: string;
}

export function KernelMaskImage({ layer, inputShape, kind, data, label, layerLabel }: KernelMaskImageProps) {
  const layerText = layerLabel ?? layer.name;
  const view = useMemo(() => kernelView(layer, inputShape), [layer, inputShape]);
  const built = useMemo(() => {
    if (view.mode === 'image') {
      const units = Math.min(view.units, MAX_UNITS_SHOWN);
      const layout = tileLayout(units, view.width, view.height, 1);
      const tiles: RgbaImage[] =
        kind === 'mask'
          ? unitKeptImages(data, layer, view)
              .slice(0, units)
              .map((img) => valuesToImage(img, view.width, view.height, (v) => v, cividis))
          : unitCodeImages(data, layer, view)
              .slice(0, units)
              .map((img) => codesToImage(img, view.width, view.height, DIFF_RGB));
      return { image: tileImages(tiles, layout, [255, 255, 255]), layout, units };
    }
    const slice = kernelSlice(data, layer);
    const image =
      kind === 'mask'
        ? valuesToImage(slice, view.cols, view.rows, (v) => v, cividis)
        : codesToImage(slice, view.cols, view.rows, DIFF_RGB);
    return { image, layout: null, units: view.cols };
  }, [view, kind, data, layer]);

  const valueText = (flatIdx: number) => {
    const v = data[flatIdx];
    return kind === 'mask' ? (v ? 'kept' : 'pruned') : (DIFF_CATEGORIES[v]?.label ?? String(v));
  };
  const describe = (x: number, y: number): string | null => {
    if (view.mode === 'image' && built.layout) {
      const hit = tileAt(built.layout, x, y);
      if (!hit || hit.tile >= built.units) return null;
      const p = hit.py * view.width + hit.px;
      const idx = layer.kernelOffset + p * view.channels * view.units + hit.tile;
      return `unit ${hit.tile}, pixel (row ${hit.py}, col ${hit.px})${view.channels > 1 ? ' ch 0' : ''}: ${valueText(idx)}`;
    }
    if (view.mode === 'matrix')
      return `${layerText}, input ${y}, unit ${x}: ${valueText(layer.kernelOffset + y * view.cols + x)}`;
    return null;
  };

  const truncated = view.mode === 'image' && view.units > MAX_UNITS_SHOWN;
  return (
    <div>
      <PixelCanvas
        image={built.image}
        label={label}
        describe={describe}
        maxCssWidth={560}
        maxCssHeight={view.mode === 'image' ? 560 : 360}
      />
      {truncated ? (
        <p className="muted">
          First {MAX_UNITS_SHOWN} of {view.mode === 'image' ? view.units : 0} units shown.
        </p>
      ) : null}
      {view.mode === 'matrix' ? (
        <p className="muted">
          {layerText}: its weights as a {view.rows} × {view.cols} grid (rows: inputs, columns: units).
        </p>
      ) : null}
    </div>
  );
}
