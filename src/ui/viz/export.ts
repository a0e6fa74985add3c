/**
 * Chart export (each chart has a "show as table" alternative and PNG/CSV export): CSV text
 * from a header and rows (RFC 4180 quoting; pure, tested in Node), and browser downloads of that text or
 * of a chart rendered as PNG — a canvas directly, an SVG (recharts) via an offscreen canvas. The DOM
 * helpers only touch `document` when called, so this module imports cleanly in Node.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** One CSV field: numbers in full precision (NaN/±Inf as text), quoted when it holds , " or a line break. */
export function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  const s = String(v); // numbers: shortest round-trip form; NaN / Infinity as text
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV document (CRLF line ends, as RFC 4180) from a header and rows of equal length. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  rows.forEach((r, i) => {
    if (r.length !== header.length)
      throw new Error(`toCsv: row ${i} has ${r.length} cells, header has ${header.length}`);
  });
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
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
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads CSV text. */
export function downloadCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], fileName: string): void {
  downloadBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((res, rej) =>
    canvas.toBlob((b) => (b ? res(b) : rej(new Error('canvas.toBlob gave nothing'))), 'image/png'),
  );
}

/** Renders an SVG element (e.g. a recharts chart) onto a white canvas at `scale` × its size. */
async function svgToCanvas(svg: SVGSVGElement, scale = 2): Promise<HTMLCanvasElement> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((res, rej) => {
      img.onload = () => res();
      img.onerror = () => rej(new Error('SVG did not render'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Downloads the chart inside `root` as PNG: its first canvas if it has one (heatmaps, mask images),
 * else its first SVG (recharts). Throws if there is neither.
 */
export async function downloadPng(root: HTMLElement, fileName: string): Promise<void> {
  const canvas = root.querySelector('canvas');
  if (canvas) return downloadBlob(await canvasBlob(canvas), fileName);
  const svg = root.querySelector('svg.recharts-surface, svg') as SVGSVGElement | null;
  if (!svg) throw new Error('downloadPng: nothing to export (no canvas or svg)');
  downloadBlob(await canvasBlob(await svgToCanvas(svg)), fileName);
}
