import { stringify } from 'csv-stringify/sync';

/**
 * One CSV line (RFC 4180, CRLF) by csv-stringify: quoted where needed, and every cell a spreadsheet
 * would run as a formula ("=", "+", "-", "@", tab, their fullwidth forms) kept as text with a
 * leading apostrophe (OWASP's CSV injection advice). Columns listed in `plain` hold canonical
 * values only (E.164 numbers, which start with "+" by right, ids, dates) and are written as they are.
 */
export function csvLine(cells: readonly string[], plain: ReadonlySet<number> = NONE): string {
  return stringify([cells], {
    escape_formulas: true,
    record_delimiter: 'windows',
    // Set beside record_delimiter, or csv-stringify stops quoting a value's own line breaks.
    quote_record_delimiter: true,
    cast: { string: (value, { index }) => (plain.has(index) ? { value, escape_formulas: false } : value) },
  });
}

const NONE: ReadonlySet<number> = new Set();
