/**
 * The legend layout of the lab's SVG charts (LiveChart.tsx): entries side by side in rows across the
 * chart's width, text width estimated per character; an entry too long for a whole row (on a phone)
 * wraps at spaces onto rows of its own instead of running off the chart. Pure.
 */

/** x of an entry's text after its swatch (LiveChart draws the text at 27 px). */
export const LEGEND_TEXT_X = 27;
/** Space left between one entry's text and the next entry's swatch. */
export const LEGEND_GAP = 18;

/*
 * Advance widths at the legend's 12 px in DejaVu Sans, the widest of the usual UI fonts (Linux's default
 * system-ui; Segoe UI, San Francisco and Roboto are narrower). Measured in Chromium; one flat 6.6 px per
 * character under-estimated a legend name by ~10 px, so one entry ran into the next with no gap.
 */
const NARROW = new Set("ijlI.,:;'!| "); // 3.3–4.0 px
const MEDIUM = new Set('ftr()-/[]"'); // 4.2–5.5 px
const WIDE = new Set('mwMW%—×→=+'); // 9.8–12 px

/** Estimated width in px of `text` at the legend's 12 px (never less than DejaVu Sans draws it). */
export function legendTextWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) w += 4.1;
    else if (MEDIUM.has(ch)) w += 5.2;
    else if (WIDE.has(ch)) w += 12;
    else if (ch >= 'A' && ch <= 'Z') w += 9.5;
    else w += 7.4; // digits, lower case (6.3–7.6), Greek
  }
  return w;
}

/** `name` broken at spaces into lines at most `width` px wide (a longer word keeps its own line). */
function wrapWords(name: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of name.split(' ')) {
    const last = lines.length ? lines[lines.length - 1] : null;
    if (last !== null && legendTextWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Legend items laid out in rows across `width`; an item too long for a whole row (a phone) wraps onto
 * several lines and takes those rows alone, rather than running off the chart.
 */
export function legendLayout<S extends { readonly name: string }>(items: readonly S[], width: number) {
  let x = 0,
    row = 0;
  return items.map((s) => {
    const w = LEGEND_TEXT_X + legendTextWidth(s.name) + LEGEND_GAP;
    if (x > 0 && x + w - LEGEND_GAP > width) {
      x = 0;
      row++;
    }
    const lines = w - LEGEND_GAP > width ? wrapWords(s.name, Math.max(60, width - LEGEND_TEXT_X)) : [s.name];
    const at = { s, x, row, lines };
    if (lines.length > 1) {
      row += lines.length;
      x = 0;
    } else x += w;
    return at;
  });
}

/** Rows the laid-out legend takes (a wrapped entry takes one per line). */
export function legendRows(layout: readonly { row: number; lines: readonly string[] }[]): number {
  return layout.length ? Math.max(...layout.map((l) => l.row + l.lines.length)) : 0;
}
