import type { SubmitOutcome } from '../ingest/ingest.service.js';
import type { InputError, ReportInput } from '../ingest/report-input.js';
import type { RowMapper } from './column-mapping.js';
import type { SourceRow } from './row-source.js';

export interface ImportCounts {
  /** Rows read, whatever became of them. */
  rows: number;
  accepted: number;
  /** Already in the graph under the same (source, externalId): a re-run, or a resumed one. */
  duplicate: number;
  rejected: number;
  /** Left out by --where. */
  filtered: number;
  /** Accepted or duplicate, but without values the format's mapping could not use (each reported). */
  partial: number;
}

export interface ImportRejection {
  readonly row: number;
  readonly externalId: string | null;
  readonly errors: readonly InputError[];
  /** The row was imported without the values in `errors` (a partial row); absent when nothing of it was. */
  readonly imported?: true;
}

export interface ImportResult extends ImportCounts {
  /** Why the import ended before the last row, if it did: the rows from `fromRow` on were not written. */
  readonly stopped: { readonly fromRow: number; readonly reason: string } | null;
}

export interface ImportOptions {
  readonly rows: AsyncIterable<SourceRow>;
  /** The format's mapping: columnMapper(parseColumnMapping(...)), or a fixed one (cryptoscamdb). */
  readonly map: RowMapper;
  /** IngestService.submit: the API's own validation and write path. */
  readonly submit: (inputs: readonly ReportInput[]) => Promise<readonly SubmitOutcome[]>;
  readonly batchSize: number;
  readonly onRejection: (rejection: ImportRejection) => void;
  readonly onBatch?: (counts: Readonly<ImportCounts>) => void;
  /** Asked between batches (Ctrl-C): true ends the import after the batch in flight. */
  readonly shouldStop?: () => boolean;
}

/** A row waiting for its batch: rows rejected before submission wait too, so the report stays in row order. */
type Pending =
  | { readonly row: number; readonly input: ReportInput; readonly dropped: readonly InputError[] }
  | { readonly row: number; readonly rejection: ImportRejection };

/**
 * Maps rows to reports and submits them in batches, one transaction each. A batch that fails
 * (the database went away) ends the import with nothing of it written: since every row has a
 * stable externalId, running the same import again writes what is missing and counts the rest
 * as duplicates.
 */
export async function importReports(options: ImportOptions): Promise<ImportResult> {
  const counts: ImportCounts = { rows: 0, accepted: 0, duplicate: 0, rejected: 0, filtered: 0, partial: 0 };
  let batch: Pending[] = [];
  let reports = 0;
  const reject = (rejection: ImportRejection) => {
    counts.rejected++;
    options.onRejection(rejection);
  };
  /** Submits the batch's reports; on failure returns where the unwritten rows begin. */
  const flush = async (): Promise<ImportResult['stopped']> => {
    const submitted = batch;
    const inputs = submitted.flatMap((pending) => ('input' in pending ? [pending.input] : []));
    batch = [];
    reports = 0;
    let outcomes: readonly SubmitOutcome[] = [];
    try {
      if (inputs.length > 0) outcomes = await options.submit(inputs);
    } catch (error) {
      return { fromRow: submitted[0]?.row ?? 0, reason: (error as Error).message };
    }
    let next = 0;
    for (const pending of submitted) {
      if ('rejection' in pending) {
        reject(pending.rejection);
        continue;
      }
      const outcome = outcomes[next++] as SubmitOutcome;
      const { row, input, dropped } = pending;
      const externalId = input.externalId ?? null;
      if (outcome.errors.length > 0) {
        reject({ row, externalId, errors: [...dropped, ...outcome.errors] });
        continue;
      }
      if (outcome.duplicate) counts.duplicate++;
      else counts.accepted++;
      if (dropped.length > 0) {
        counts.partial++;
        options.onRejection({ row, externalId, errors: dropped, imported: true });
      }
    }
    options.onBatch?.(counts);
    return null;
  };

  for await (const source of options.rows) {
    counts.rows++;
    const { row } = source;
    const mapped =
      'error' in source
        ? ({ kind: 'invalid', errors: [{ field: '', code: 'INVALID_ROW', message: source.error }], externalId: null } as const)
        : options.map(source.record, row);
    if (mapped.kind === 'filtered') counts.filtered++;
    else if (mapped.kind === 'invalid')
      batch.push({ row, rejection: { row, externalId: mapped.externalId ?? null, errors: mapped.errors } });
    else {
      batch.push({ row, input: mapped.input, dropped: mapped.dropped ?? [] });
      reports++;
    }
    if (reports >= options.batchSize) {
      const failed = await flush();
      if (failed) return { ...counts, stopped: failed };
      if (options.shouldStop?.()) return { ...counts, stopped: { fromRow: row + 1, reason: 'interrupted' } };
    }
  }
  const stopped = await flush();
  return { ...counts, stopped };
}
