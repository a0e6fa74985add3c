/**
 * The legend layout of the lab's SVG charts (LiveChart.tsx): entries side by side in rows across the
 * chart's width, text width estimated per character; an entry too long for a whole row (on a phone)
 * wraps at spaces onto rows of its own instead of running off the chart. Pure.
 */

const CHAR_PX = 6.6; // estimated text width per character at the legend's 12 px

/** `name` broken at spaces into lines of at most `chars` characters (a longer word keeps its own line). */
function wrapWords(name: string, chars: number): string[] {
  const lines: string[] = [];
  for (const word of name.split(' ')) {
    const last = lines.length ? lines[lines.length - 1] : null;
    if (last !== null && last.length + 1 + word.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
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
    const w = 26 + s.name.length * CHAR_PX + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const lines = w > width ? wrapWords(s.name, Math.max(8, Math.floor((width - 40) / CHAR_PX))) : [s.name];
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
