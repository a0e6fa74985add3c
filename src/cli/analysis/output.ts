/**
 * Output of the analysis commands: CSV + JSON files written into the run folder (each JSON records the
 * command that produced it), each through a temporary name and a rename so an interrupted command never
 * leaves half a file.
 */
import { join } from 'node:path';
import type { Cell } from '../../core/analysis/analyses';
import { toCsv } from '../../core/runs/csv-format';
import { writeFileAtomic } from '../fs-safe';

export type { Cell } from '../../core/analysis/analyses';
// The number and markdown helpers live in core (every analysis report uses them); re-exported for the CLI.
export { fmt, markdownTable } from '../../core/analysis/analyses';

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
