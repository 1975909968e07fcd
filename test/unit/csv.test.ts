import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/text/csv.js';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const readBack = (line: string) => parse(line, { relax_column_count: true }) as string[][];

describe('csvLine', () => {
  it('reads back as the same cells, a formula-like cell with one leading apostrophe (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [row] = readBack(csvLine(cells));
        expect(row).toEqual(cells.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell)));
      }),
    );
  });

  it('leaves canonical columns as they are: an E.164 number keeps its "+"', () => {
    const line = csvLine(['=SUM(A1)', '+61412345678', 'x@=y.com'], new Set([1]));
    expect(line).toBe("'=SUM(A1),+61412345678,x@=y.com\r\n");
    expect(readBack(csvLine(['+61412345678', '-1', '@x']))[0]).toEqual(["'+61412345678", "'-1", "'@x"]);
  });

  it('quotes delimiters, quotes and line breaks (RFC 4180)', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });
});
