/**
 * The project's one CSV reader/writer (core/runs/csv-format.ts): RFC 4180 quoting round-trips, every
 * structural defect is an error with file and line, typed cells are checked with file, line and column.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvError, parseCsv, toCsv, typedRows } from '../../../src/core/runs/csv-format';

describe('CSV reader and writer', () => {
  it('round-trips any text cells through toCsv → parseCsv', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const text = toCsv(['a', 'b', 'c'], rows);
        const back = parseCsv(text, 'f.csv').records.map((r) => r.cells);
        // A row of three empty cells is written as ",," and read back as such.
        expect(back).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses structural defects with the file and line', () => {
    const err = (text: string, opts = {}) => {
      try {
        parseCsv(text, 'f.csv', opts);
      } catch (e) {
        expect(e).toBeInstanceOf(CsvError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(err('')).toBe('f.csv line 1: the file is empty (no header row)');
    expect(err('a,b\n1\n')).toBe(
      'f.csv line 2: has 1 fields, the header has 2 (a row cut short or with an extra comma)',
    );
    expect(err('a,a\n1,2\n')).toMatch(/line 1, column "a": the header names this column twice/);
    expect(err('a,b\n"1"x,2\n')).toMatch(/line 2: text after a closing quote/);
    expect(err('a,b\n1,2"\n')).toMatch(/line 2: a quote inside an unquoted field/);
    // An open quote in a file that ends with a line break is damage even when cut-off rows may be dropped.
    expect(err('a,b\n1,2\n",3\n', { dropUnterminated: true })).toMatch(/line 3: the file ends inside a quoted field/);
    // Only a last row without its line break is dropped on request (a row being written when a process died).
    expect(parseCsv('a,b\n1,2\n3,', 'f.csv', { dropUnterminated: true }).records.map((r) => r.cells)).toEqual([
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2\n3,4', 'f.csv').records).toHaveLength(2);
  });

  it('typed cells: blank, text, non-finite, fractional and out-of-range values name line and column', () => {
    const t = parseCsv('n,k\n1,2\n,3\n', 'f.csv');
    expect(() => typedRows(t, { n: { kind: 'number' }, k: { kind: 'number' } })).toThrow(
      'f.csv line 3, column "n": "" is not a finite number',
    );
    const u = parseCsv('n\nNaN\n1.5\n', 'f.csv');
    expect(() => typedRows(u, { n: { kind: 'number' } })).toThrow('line 2, column "n": "NaN" is not a finite number');
    expect(typedRows(u, { n: { kind: 'number', nonFinite: true } })[0].n).toBeNaN();
    expect(() => typedRows(parseCsv('n\n1.5\n', 'f.csv'), { n: { kind: 'number', integer: true } })).toThrow(
      'is not a whole number',
    );
    expect(() => typedRows(parseCsv('n\n7\n', 'f.csv'), { n: { kind: 'number', max: 1 } })).toThrow('outside');
    expect(() => typedRows(parseCsv('n\n1\n', 'f.csv'), { m: { kind: 'number' } })).toThrow(
      'column "m": missing from the header',
    );
  });
});
