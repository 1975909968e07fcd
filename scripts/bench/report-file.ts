import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import type { ReportInput } from '../../src/ingest/report-input.js';

/** Reports `from` (inclusive) to `to` (exclusive) of a generated JSONL file. */
export interface ReportRange {
  readonly file: string;
  readonly from: number;
  readonly to: number;
}

export const rangeSize = (range: ReportRange) => range.to - range.from;

async function* linesOf(range: ReportRange): AsyncGenerator<string> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(range.file), crlfDelay: Infinity })) {
    if (line >= range.to) break;
    if (line++ >= range.from) yield text;
  }
}

/** The range in batches, read as it goes: a million reports never sit in memory at once. */
export async function* reportBatches(range: ReportRange, size: number): AsyncGenerator<ReportInput[]> {
  let batch: ReportInput[] = [];
  for await (const text of linesOf(range)) {
    // A Date, as the API's DateTime scalar hands it to validation; it goes back to the same ISO text in JSON.
    batch.push(
      JSON.parse(text, (key, value: unknown) =>
        key === 'receivedAt' && typeof value === 'string' ? new Date(value) : value,
      ) as ReportInput,
    );
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Copies the range to a file of its own, for the import command, which reads whole files. */
export async function writeRange(range: ReportRange, path: string): Promise<void> {
  const out = createWriteStream(path);
  for await (const text of linesOf(range)) {
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}
