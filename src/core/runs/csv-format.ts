/**
 * The project's one CSV reader and writer (RFC 4180). Every CSV the lab writes — run folders, analysis
 * outputs, chart exports — goes through `toCsv`, and every CSV it reads through `parseCsv` plus the typed
 * column readers below, so a damaged file is rejected the same way everywhere: with the file, the line and
 * the column, never read as 0 (the trap of `Number('')`).
 *
 * Checks made here: a header row exists and has no repeated names; every record has exactly the header's
 * number of fields; quotes are balanced and nothing follows a closing quote; typed cells are finite numbers
 * (or the non-finite values a column allows), integers where asked, and inside a column's range. Values
 * echoed in messages are cut to a few dozen characters, so a hostile file cannot flood the terminal.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** A CSV that cannot be read, with where: `file line L, column "c": what`. */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string | undefined,
    readonly detail: string,
  ) {
    super(`${file} line ${line}${column !== undefined ? `, column "${clip(column)}"` : ''}: ${detail}`);
    this.name = 'CsvError';
  }
}

/** At most `max` characters of untrusted text for an error message (JSON-quoted, so control chars show). */
export function clip(text: string, max = 40): string {
  const s = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(s).slice(1, -1);
}

/** One CSV field: numbers in their shortest round-trip form (NaN/±Infinity as text), quoted when needed. */
export function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document from a header and rows of the header's length (`\n` line ends unless asked otherwise). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  eol: '\n' | '\r\n' = '\n',
): string {
  rows.forEach((r, i) => {
    if (r.length !== header.length)
      throw new Error(`toCsv: row ${i} has ${r.length} cells, header has ${header.length}`);
  });
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join(eol) + eol;
}

/** One record of a parsed file: its cells and the (1-based) line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
  /** True when the text did not end with a line break (a file cut short ends mid-record). */
  readonly unterminated: boolean;
}

export interface ParseOptions {
  /** Refuse files with more data records than this (default 5 000 000). */
  readonly maxRecords?: number;
  /** Leave out a last record that is not followed by a line break (a row being written when a process died). */
  readonly dropUnterminated?: boolean;
}

/** Splits CSV text into records; checks quoting and that every record has the header's field count. */
export function parseCsv(text: string, file: string, opts: ParseOptions = {}): CsvTable {
  const maxRecords = opts.maxRecords ?? 5_000_000;
  const raw: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== '') raw.push({ line: start, cells });
    if (raw.length > maxRecords + 1) throw new CsvError(file, start, undefined, `more than ${maxRecords} records`);
    cells = [];
    field = '';
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === ',') {
      cells.push(field);
      field = '';
      afterQuote = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else if (afterQuote) {
      throw new CsvError(file, line, undefined, 'text after a closing quote (a quote inside a field must be doubled)');
    } else if (c === '"') {
      if (field !== '') throw new CsvError(file, line, undefined, 'a quote inside an unquoted field');
      quoted = true;
    } else field += c;
  }
  const last = text[text.length - 1];
  const unterminated = text.length > 0 && last !== '\n' && last !== '\r';
  // Only a last record without its line break counts as "being written" (dropUnterminated): a quote left
  // open in a file that ends with a line break is damage, whatever the options.
  const drop = opts.dropUnterminated && unterminated;
  if (quoted && !drop) throw new CsvError(file, start, undefined, 'the file ends inside a quoted field (cut short?)');
  if (!quoted && (field !== '' || cells.length) && !drop) endRecord();
  const [head, ...records] = raw;
  if (!head) throw new CsvError(file, 1, undefined, 'the file is empty (no header row)');
  const seen = new Set<string>();
  for (const h of head.cells) {
    if (seen.has(h)) throw new CsvError(file, head.line, h, 'the header names this column twice');
    seen.add(h);
  }
  for (const r of records)
    if (r.cells.length !== head.cells.length)
      throw new CsvError(
        file,
        r.line,
        undefined,
        `has ${r.cells.length} fields, the header has ${head.cells.length} (a row cut short or with an extra comma)`,
      );
  return { file, header: head.cells, records, unterminated };
}

/** How one column is read: a number (optionally integer, in a range, non-finite allowed), text, or a list. */
export type ColumnSpec =
  | {
      readonly kind: 'number';
      readonly integer?: boolean;
      readonly min?: number;
      readonly max?: number;
      /** NaN / ±Infinity written as text are accepted (e.g. a loss that overflowed, σ of a GD run). */
      readonly nonFinite?: boolean;
      /** An empty cell reads as undefined (e.g. a generation without a test evaluation). */
      readonly optional?: boolean;
    }
  | { readonly kind: 'text'; readonly pattern?: RegExp; readonly hint?: string }
  | { readonly kind: 'numbers'; readonly separator: string; readonly min?: number; readonly max?: number };

export type ColumnValue<S extends ColumnSpec> = S extends { kind: 'text' }
  ? string
  : S extends { kind: 'numbers' }
    ? number[]
    : S extends { optional: true }
      ? number | undefined
      : number;

export type TypedRow<T extends Record<string, ColumnSpec>> = { -readonly [K in keyof T]: ColumnValue<T[K]> } & {
  readonly line: number;
  /** The record's cells as read (to write the row back unchanged). */
  readonly cells: readonly string[];
};

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function readNumber(text: string, spec: Extract<ColumnSpec, { kind: 'number' }>, where: () => CsvError): number {
  const t = text.trim();
  const special = spec.nonFinite && Object.prototype.hasOwnProperty.call(NON_FINITE, t) ? NON_FINITE[t] : undefined;
  if (special !== undefined) return special;
  const x = t === '' ? NaN : Number(t);
  if (!Number.isFinite(x)) throw where();
  return x;
}

/** Reads every record into typed values; the first bad cell throws a CsvError naming line and column. */
export function typedRows<T extends Record<string, ColumnSpec>>(table: CsvTable, spec: T): TypedRow<T>[] {
  const cols = Object.keys(spec).map((name) => {
    const idx = table.header.indexOf(name);
    if (idx < 0)
      throw new CsvError(
        table.file,
        1,
        name,
        `missing from the header (has: ${table.header.map((h) => clip(h, 20)).join(', ')})`,
      );
    return { name, idx, spec: spec[name] };
  });
  return table.records.map((rec) => {
    const row: Record<string, unknown> = { line: rec.line, cells: rec.cells };
    for (const { name, idx, spec: s } of cols) {
      const text = rec.cells[idx];
      const fail = (what: string) => new CsvError(table.file, rec.line, name, `"${clip(text)}" ${what}`);
      if (s.kind === 'text') {
        if (s.pattern && !s.pattern.test(text)) throw fail(`is not ${s.hint ?? 'a valid value'}`);
        row[name] = text;
      } else if (s.kind === 'numbers') {
        const parts = text === '' ? [] : text.split(s.separator);
        row[name] = parts.map((p) => {
          const x = readNumber(p, { kind: 'number' }, () => fail(`holds "${clip(p, 12)}", not a finite number`));
          if ((s.min !== undefined && x < s.min) || (s.max !== undefined && x > s.max))
            throw fail(`holds ${x}, outside [${s.min ?? '-∞'}, ${s.max ?? '∞'}]`);
          return x;
        });
      } else if (s.optional && text.trim() === '') {
        row[name] = undefined;
      } else {
        const x = readNumber(text, s, () => fail(s.nonFinite ? 'is not a number' : 'is not a finite number'));
        if (s.integer && Number.isFinite(x) && !Number.isInteger(x)) throw fail('is not a whole number');
        if (Number.isFinite(x) && ((s.min !== undefined && x < s.min) || (s.max !== undefined && x > s.max)))
          throw fail(`is outside [${s.min ?? '-∞'}, ${s.max ?? '∞'}]`);
        row[name] = x;
      }
    }
    return row as TypedRow<T>;
  });
}
