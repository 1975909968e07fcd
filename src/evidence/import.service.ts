import type { IngestService } from '../ingest/ingest.service.js';
import type { InputError, ReportInput } from '../ingest/report-input.js';
import { ImportRefusedError } from './import-errors.js';
import { reportsFromMisp } from './misp-import.js';
import { reportsFromStix } from './stix-import.js';

export interface ImportSummary {
  /** Reports found in the document. */
  readonly reports: number;
  readonly written: number;
  /** Already imported before (same source and externalId): written nothing. */
  readonly duplicates: number;
  readonly rejected: readonly { readonly externalId: string; readonly errors: readonly InputError[] }[];
}

/**
 * Brings STIX 2.1 bundles and MISP events in as reports, through the same ingest as every other
 * report: validated, normalised, idempotent by (source, externalId), in batches of `batchSize`.
 */
export class ImportService {
  constructor(
    private readonly ingest: IngestService,
    private readonly batchSize: number,
  ) {}

  importStix(json: string): Promise<ImportSummary> {
    return this.run(reportsFromStix(parse(json)));
  }

  importMisp(json: string): Promise<ImportSummary> {
    return this.run(reportsFromMisp(parse(json)));
  }

  private async run(inputs: readonly ReportInput[]): Promise<ImportSummary> {
    let written = 0;
    let duplicates = 0;
    const rejected: { externalId: string; errors: readonly InputError[] }[] = [];
    for (let start = 0; start < inputs.length; start += this.batchSize) {
      const batch = inputs.slice(start, start + this.batchSize);
      for (const outcome of await this.ingest.submit(batch, { undated: 'unknown' })) {
        if (outcome.errors.length > 0) rejected.push({ externalId: String(batch[outcome.index]?.externalId), errors: outcome.errors });
        else if (outcome.duplicate) duplicates += 1;
        else written += 1;
      }
    }
    return { reports: inputs.length, written, duplicates, rejected };
  }
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new ImportRefusedError(`the document is not JSON: ${(error as Error).message}`);
  }
}
