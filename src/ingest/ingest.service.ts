import { randomUUID } from 'node:crypto';
import { resolveClaimedBrands } from '../brands/claimed-brand.js';
import type { FollowUp, GraphExecutor } from '../graph/executor.js';
import type { BrandNames } from './extraction/extract-indicators.js';
import type { InputError, ReportInput } from './report-input.js';
import { toWriteRow } from './report-rows.js';
import { validateReport, type ValidReport } from './validate-report.js';

/** What happened to one item of a batch, at its position. */
export interface SubmitOutcome {
  readonly index: number;
  readonly reportId: string | null;
  readonly duplicate: boolean;
  readonly errors: readonly InputError[];
}

export interface IngestSettings {
  readonly batchMax: number;
  readonly textExcerptMax: number;
  readonly defaultSource: string;
}

/**
 * Validates every item, then writes the valid ones in one UNWIND transaction: an invalid item
 * writes nothing and does not stop its neighbours; a resubmitted (source, externalId) is a
 * duplicate and writes nothing twice.
 */
export class IngestService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly settings: IngestSettings,
    /** Runs after each written batch with the ids of the reports it created (campaign assignment). */
    private readonly afterWrite: (newReportIds: string[]) => Promise<void> = async () => {},
    /** Runs in the batch's own transaction (the alert outbox, src/monitoring): it commits with the reports or not at all. */
    private readonly inSameTransaction?: FollowUp,
  ) {}

  async submit(inputs: readonly ReportInput[]): Promise<SubmitOutcome[]> {
    if (inputs.length > this.settings.batchMax) return this.refuseBatch(inputs.length);
    const now = new Date();
    const brands = inputs.some((input) => input.text && !input.claimedBrand) ? await this.registeredBrands() : [];
    const outcomes: SubmitOutcome[] = [];
    const valid: { index: number; report: ValidReport }[] = [];
    inputs.forEach((input, index) => {
      const validation = validateReport(input, { ...this.settings, now, brands });
      if (validation.ok) valid.push({ index, report: validation.report });
      else outcomes[index] = { index, reportId: null, duplicate: false, errors: validation.errors };
    });
    if (valid.length > 0) {
      const brandSlugs = await resolveClaimedBrands(this.graph, valid.map(({ report }) => report.claimedBrand));
      const rows = valid.map(({ index, report }, i) => toWriteRow(report, index, randomUUID(), brandSlugs[i]));
      const written = this.inSameTransaction
        ? await this.graph.writeThen('ingest/write-reports', { reports: rows }, this.inSameTransaction)
        : await this.graph.write('ingest/write-reports', { reports: rows });
      for (const row of written) {
        const index = row['index'] as number;
        outcomes[index] = { index, reportId: row['id'] as string, duplicate: !row['isNew'], errors: [] };
      }
      await this.afterWrite(written.filter((row) => row['isNew']).map((row) => row['id'] as string));
    }
    return outcomes;
  }

  /** Every item answers, none is written: a client must split the batch, not guess what landed. */
  private refuseBatch(size: number): SubmitOutcome[] {
    const error = {
      field: '',
      code: 'BATCH_TOO_LARGE',
      message: `a batch holds at most ${this.settings.batchMax} reports, got ${size}; nothing was written`,
    };
    return Array.from({ length: size }, (_, index) => ({ index, reportId: null, duplicate: false, errors: [error] }));
  }

  private async registeredBrands(): Promise<BrandNames[]> {
    const rows = await this.graph.read('brands/registered-brands');
    return rows as unknown as BrandNames[];
  }
}
