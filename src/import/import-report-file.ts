import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { ImportRejection } from './import-reports.js';

/**
 * The import's account, written as it goes: `{ "import": {...}, "rejections": [...], "summary": {...} }`.
 * Rejections (rows not imported, and rows imported without some values, marked `"imported": true`)
 * stream to disk rather than pile up in memory, so the summary comes last.
 */
export class ImportReportFile {
  private readonly out: WriteStream;
  private rejections = 0;
  /** Rejected rows per error code, for the summary. */
  readonly byCode = new Map<string, number>();
  /** Rows imported without some of their values, per error code. */
  readonly droppedByCode = new Map<string, number>();

  constructor(
    readonly path: string,
    about: Readonly<Record<string, unknown>>,
  ) {
    this.out = createWriteStream(path);
    this.out.write(`{\n  "import": ${JSON.stringify(about)},\n  "rejections": [`);
  }

  add(rejection: ImportRejection): void {
    const tally = rejection.imported ? this.droppedByCode : this.byCode;
    for (const code of new Set(rejection.errors.map((error) => error.code))) tally.set(code, (tally.get(code) ?? 0) + 1);
    this.out.write(`${this.rejections++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(rejection)}`);
  }

  async close(summary: Readonly<Record<string, unknown>>): Promise<void> {
    const sorted = (tally: Map<string, number>) => Object.fromEntries([...tally].sort(([, a], [, b]) => b - a));
    const codes = { rejectedByCode: sorted(this.byCode), droppedByCode: sorted(this.droppedByCode) };
    this.out.end(`${this.rejections > 0 ? '\n  ' : ''}],\n  "summary": ${JSON.stringify({ ...summary, ...codes })}\n}\n`);
    await finished(this.out);
  }
}
