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

/** An SVG element as standalone markup (explicit size, white background, the page's font). */
export function svgMarkup(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
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

/** The chart's SVG (the light LiveChart's or recharts'), if it is drawn as one. */
function chartSvg(root: HTMLElement): SVGSVGElement | null {
  return root.querySelector('svg.chart-svg, svg.recharts-surface, svg') as SVGSVGElement | null;
}

/**
 * Downloads the chart inside `root` as PNG: its first canvas if it has one (heatmaps, mask images),
 * else its SVG rasterised at 2×. Throws if there is neither.
 */
export async function downloadPng(root: HTMLElement, fileName: string): Promise<void> {
  const canvas = root.querySelector('canvas');
  if (canvas) return downloadBlob(fileName, await canvasBlob(canvas));
  const svg = chartSvg(root);
  if (!svg) throw new Error('nothing to export as PNG (no canvas or svg)');
  downloadBlob(fileName, await canvasBlob(await svgToCanvas(svg)));
}

/** Downloads the chart inside `root` as SVG. Throws for a chart drawn on a canvas. */
export function downloadSvg(root: HTMLElement, fileName: string): void {
  const svg = chartSvg(root);
  if (!svg) throw new Error('this chart is drawn on a canvas: use PNG');
  downloadText(fileName, svgMarkup(svg).markup, 'image/svg+xml');
}
