/**
 * Output of the analysis commands: CSV + JSON files written into the run folder (each JSON records the
 * command that produced it), a markdown table on stdout, and a shared progress bar.
 */
import { join } from 'node:path';
import type { GridRunOptions } from '../../core/analysis/run';
import { ProgressLine } from '../progress';
import { toCsv } from '../../core/runs/csv-format';
import { writeFileAtomic } from '../fs-safe';

export type Cell = string | number;

/** A number for CSV/markdown: fixed decimals, '' for NaN/undefined. */
export function fmt(v: number | undefined, digits = 4): string {
  return v === undefined || !Number.isFinite(v) ? '' : v.toFixed(digits);
}

/** A GitHub-flavoured markdown table (what docs/RESULTS.md embeds). */
export function markdownTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (r: readonly Cell[]) => `| ${r.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Writes `<name>.csv` and `<name>.json` into the run folder; returns their paths. */
export async function writeOutputs(
  dir: string,
  name: string,
  csv: { header: readonly string[]; rows: readonly (readonly Cell[])[] },
  json: Record<string, unknown>,
): Promise<string[]> {
  const csvPath = join(dir, `${name}.csv`),
    jsonPath = join(dir, `${name}.json`);
  await writeFileAtomic(csvPath, toCsv(csv.header, csv.rows));
  // Typed arrays serialise as plain number lists.
  await writeFileAtomic(
    jsonPath,
    JSON.stringify(
      json,
      (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v),
      1,
    ) + '\n',
  );
  return [csvPath, jsonPath];
}

/** The exact command line, for the output files and the report. */
export function commandLine(argv: readonly string[]): string {
  return `npm run lab -- ${argv.join(' ')}`;
}

/** Grid options that drive one progress bar (label updated by the caller between jobs). */
export function progressOptions(
  totalRows: number,
  quiet: boolean,
  chunkRows?: number,
): { opts: GridRunOptions; setBase(rows: number, label: string): void; done(): void } {
  const bar = new ProgressLine(totalRows, quiet);
  let base = 0,
    label = '';
  return {
    opts: { chunkRows, onProgress: (doneRows) => bar.update(base + doneRows, label) },
    setBase(rows, l) {
      base = rows;
      label = l;
    },
    done() {
      bar.done();
    },
  };
}
