/**
 * A table of numbers as the charts show it (their "show as table" view) and as CSV files store it: one
 * header and rows of the same length. Built by tested functions in core and state, drawn and exported by
 * src/ui/viz/ChartFrame.tsx, so what a student reads is what they download.
 */
import type { CsvCell } from './runs/csv-format';

/** One cell: what the project's CSV writer takes (runs/csv-format.ts). */
export type TableCell = CsvCell;

export interface DataTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}
