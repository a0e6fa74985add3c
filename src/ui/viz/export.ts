/**
 * Chart and file export, for every chart and download of the app (each chart has a "show as table"
 * alternative and PNG / SVG / CSV export): CSV text from a table (RFC 4180 quoting; pure, tested in
 * Node), and browser downloads of text, of that CSV, and of a chart as PNG (a canvas directly, an SVG
 * via an offscreen canvas) or SVG. The DOM helpers only touch `document` when called, so this module
 * imports cleanly in Node.
 */
import type { DataTable } from '../../core/table';
import { toCsv as writeCsv, type CsvCell } from '../../core/runs/csv-format';

export type { CsvCell } from '../../core/runs/csv-format';
export { csvField } from '../../core/runs/csv-format';

/** CSV document (CRLF line ends, as RFC 4180) from a header and rows of equal length (the project's one writer). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return writeCsv(header, rows, '\r\n');
}

/** File-name-safe slug of a chart title. */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chart'
  );
}

/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers `text` as a download named `fileName`. */
export function downloadText(fileName: string, text: string, mime = 'text/plain'): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/** Offers a table as a CSV download. */
export function downloadCsv(fileName: string, table: DataTable): void {
  downloadText(fileName, toCsv(table.header, table.rows), 'text/csv');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws a recharts legend into `clone` (the chart's copy) where it shows on the page: recharts lays its
 * legend out as HTML over the chart's own svg, so without this an exported chart of two runs had no key.
 */
function addLegend(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const legend = svg.parentElement?.querySelector('.recharts-legend-wrapper');
  if (!legend) return;
  const box = svg.getBoundingClientRect();
  for (const item of Array.from(legend.querySelectorAll('.recharts-legend-item'))) {
    const icon = item.querySelector('svg');
    if (icon) {
      const r = icon.getBoundingClientRect();
      const copy = icon.cloneNode(true) as SVGSVGElement;
      copy.removeAttribute('style');
      for (const [k, v] of [
        ['x', r.left - box.left],
        ['y', r.top - box.top],
        ['width', r.width],
        ['height', r.height],
      ] as const)
        copy.setAttribute(k, String(v));
      clone.appendChild(copy);
    }
    const label = item.querySelector('.recharts-legend-item-text');
    if (label?.textContent) {
      const r = label.getBoundingClientRect();
      const style = getComputedStyle(label);
      const text = document.createElementNS(SVG_NS, 'text');
      text.setAttribute('x', String(r.left - box.left));
      text.setAttribute('y', String(r.top - box.top + r.height / 2));
      text.setAttribute('dominant-baseline', 'central');
      text.setAttribute('fill', style.color);
      text.setAttribute('font-size', style.fontSize);
      text.textContent = label.textContent;
      clone.appendChild(text);
    }
  }
}

/**
 * An SVG element as standalone markup (explicit size, white background, the page's font), with its
 * recharts legend, if it has one, drawn in.
 */
export function svgMarkup(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  addLegend(svg, clone);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.background = '#fff';
  clone.style.fontFamily = 'system-ui, sans-serif';
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((res, rej) =>
    canvas.toBlob((b) => (b ? res(b) : rej(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Rasterises an SVG element onto a white canvas at `scale` × its size. */
async function svgToCanvas(svg: SVGSVGElement, scale = 2): Promise<HTMLCanvasElement> {
  const { markup, width, height } = svgMarkup(svg);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** Where recharts draws a legend: each entry's icon there is an svg.recharts-surface of its own (14×14). */
const LEGEND = '.recharts-legend-wrapper, .recharts-legend-item';

/**
 * The chart's own SVG inside `root`, if it is drawn as one: the light LiveChart's svg.chart-svg, else the
 * largest svg that is neither a legend icon nor drawn inside another svg. A recharts <Legend> puts an
 * svg.recharts-surface per entry before the chart's own surface, so the first svg of the box was a legend
 * icon (the Weights charts, the masks' overlap chart exported a 14×14 swatch).
 */
export function chartSvg(root: ParentNode): SVGSVGElement | null {
  const all = Array.from(root.querySelectorAll('svg'));
  const live = all.find((s) => s.classList.contains('chart-svg'));
  if (live) return live;
  const area = (s: SVGSVGElement) => {
    const r = s.getBoundingClientRect();
    return r.width * r.height;
  };
  let best: SVGSVGElement | null = null;
  for (const s of all) {
    if (s.closest(LEGEND) || s.parentElement?.closest('svg')) continue;
    if (!best || area(s) > area(best)) best = s;
  }
  return best;
}

/** What an image export of a box with no picture says (read by students: what to do instead). */
export const NO_PICTURE = 'This box has no picture to save: use CSV (or "Show as table") for its numbers.';
/** What an SVG export of a chart drawn in pixels says. */
export const CANVAS_ONLY = 'This chart is drawn in pixels, so it has no SVG form: use PNG.';

/**
 * Downloads the chart inside `root` as PNG: its first canvas if it has one (heatmaps, mask images),
 * else its SVG rasterised at 2×. Throws NO_PICTURE if there is neither.
 */
export async function downloadPng(root: ParentNode, fileName: string): Promise<void> {
  const canvas = root.querySelector('canvas');
  if (canvas) return downloadBlob(fileName, await canvasBlob(canvas));
  const svg = chartSvg(root);
  if (!svg) throw new Error(NO_PICTURE);
  downloadBlob(fileName, await canvasBlob(await svgToCanvas(svg)));
}

/** Downloads the chart inside `root` as SVG. Throws CANVAS_ONLY for a chart drawn on a canvas, NO_PICTURE for none. */
export function downloadSvg(root: ParentNode, fileName: string): void {
  const svg = chartSvg(root);
  if (!svg) throw new Error(root.querySelector('canvas') ? CANVAS_ONLY : NO_PICTURE);
  downloadText(fileName, svgMarkup(svg).markup, 'image/svg+xml');
}
