import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { parse as parseYaml } from 'yaml';

/** cryptoscamdb: a YAML list of CryptoScamDB entries (see cryptoscamdb-entry.ts); never implied by an extension. */
export const ROW_FORMATS = ['jsonl', 'csv', 'tsv', 'cryptoscamdb'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/** One record of the input; `row` counts from 1 (JSONL: line; CSV and TSV: data row after any header; YAML: list item). */
export type SourceRow =
  { readonly row: number; readonly record: Readonly<Record<string, unknown>> } | { readonly row: number; readonly error: string };

export interface RowSource {
  readonly rows: AsyncIterable<SourceRow>;
}

const EXTENSIONS: Readonly<Record<string, RowFormat>> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.tsv': 'tsv' };

/** The format named, or the one the file's extension implies; null when neither says. */
export function formatOf(path: string, named?: string): RowFormat | null {
  if (named !== undefined) return (ROW_FORMATS as readonly string[]).includes(named) ? (named as RowFormat) : null;
  return EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

/**
 * Streams the records of a JSONL, CSV or TSV file. CSV and TSV take their column names from
 * the header, or from `columns` for files without one. CSV follows RFC 4180 (csv-parse, with
 * stray quotes tolerated); TSV has no quoting, so a quote in a message is just a character.
 * A YAML list (cryptoscamdb) is read whole: YAML cannot be split into items before parsing.
 */
export function openRows(path: string, format: RowFormat, columns?: readonly string[]): RowSource {
  if (format === 'cryptoscamdb') return { rows: yamlList(path) };
  const stream = createReadStream(path);
  return { rows: format === 'jsonl' ? jsonLines(stream) : delimited(stream, format, columns) };
}

/**
 * How many rows `openRows` will yield, read with the same parser, so progress and ETA count rows
 * of the file rather than bytes read ahead by the stream. An unreadable file counts the rows
 * before the fault; the import itself then reports it.
 */
export async function countRows(path: string, format: RowFormat, columns?: readonly string[]): Promise<number> {
  let count = 0;
  try {
    for await (const _row of openRows(path, format, columns).rows) count++;
  } catch {
    // The import reads the file again and fails there, with the file's own message.
  }
  return count;
}

async function* jsonLines(stream: NodeJS.ReadableStream): AsyncGenerator<SourceRow> {
  let row = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    row++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { row, error: `not JSON: ${(error as Error).message}` };
      continue;
    }
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    yield isObject ? { row, record: value as Record<string, unknown> } : { row, error: 'a JSONL line must hold one JSON object' };
  }
}

async function* delimited(stream: NodeJS.ReadableStream, format: 'csv' | 'tsv', columns?: readonly string[]): AsyncGenerator<SourceRow> {
  const parser = stream.pipe(
    parse({
      columns: columns ? [...columns] : true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      ...(format === 'tsv' ? { delimiter: '\t', quote: false } : { relax_quotes: true }),
    }),
  );
  let row = 0;
  for await (const record of parser) yield { row: ++row, record: record as Record<string, unknown> };
}

/** Each item of a YAML document that is one list; a document of another shape throws, as unreadable CSV does. */
async function* yamlList(path: string): AsyncGenerator<SourceRow> {
  const items: unknown = parseYaml(await readFile(path, 'utf8'));
  if (!Array.isArray(items))
    throw new Error(`${path}: a YAML list of entries was expected, got ${items === null ? 'an empty document' : typeof items}`);
  for (const [index, item] of items.entries()) {
    const isObject = typeof item === 'object' && item !== null && !Array.isArray(item);
    yield isObject
      ? { row: index + 1, record: item as Record<string, unknown> }
      : { row: index + 1, error: 'a list item must be a mapping of fields' };
  }
}
