import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { resolveClaimedBrands } from '../brands/claimed-brand.js';
import { REGISTERED_BRAND } from '../brands/registered-brand.js';
import { DeadlineExceededError, timeLeft } from '../graph/deadline.js';
import type { GraphExecutor, Params } from '../graph/executor.js';
import { WorkPool } from '../server/work-pool.js';
import type { BrandNames } from './extraction/extract-indicators.js';
import type { InputError, ReportInput } from './report-input.js';
import { indicatorLinks, mergedRows, reportRows, type PartOutbox } from './batch-write.js';
import { toWriteRow, type WriteRow } from './report-rows.js';
import { validateReport, type UndatedAs } from './validate-report.js';

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
  /** Reports per statement inside a submission's transaction: the next part is validated while the database writes this one. */
  readonly writeBatch: number;
  /** Write transactions at once per process: more only queue on the same node locks (and deadlock) on a busy graph. */
  readonly writers: number;
}

/** How one submission's items are read. */
export interface SubmitOptions {
  /** What an item without reportedAt or receivedAt is dated: 'receipt' (the API's default) or 'unknown' (imports). */
  readonly undated?: UndatedAs;
}

/** No deadline (the import command, scripts): wait for a writer as long as a timer can. */
const NO_DEADLINE_MS = 2 ** 31 - 1;

/**
 * Validates every item and writes the valid ones in one transaction per submission: an invalid
 * item writes nothing and does not stop its neighbours; a resubmitted (source, externalId) is a
 * duplicate and writes nothing twice. The transaction runs the write statement once per
 * `writeBatch` items, validating and extracting the next part while the database writes the
 * current one; submissions take turns for the process's `writers`, after validating their
 * first part, so one is validated while another writes.
 */
export class IngestService {
  private readonly writers: WorkPool;

  constructor(
    private readonly graph: GraphExecutor,
    private readonly settings: IngestSettings,
    /** Runs after each written batch with the ids of the reports it created (campaign assignment). */
    private readonly afterWrite: (newReportIds: string[]) => Promise<void> = async () => {},
    /** Runs in the batch's own transaction (the alert outbox, src/monitoring): it commits with the reports or not at all. */
    private readonly inSameTransaction?: PartOutbox,
  ) {
    this.writers = new WorkPool(settings.writers);
  }

  async submit(inputs: readonly ReportInput[], options: SubmitOptions = {}): Promise<SubmitOutcome[]> {
    if (inputs.length > this.settings.batchMax) return this.refuseBatch(inputs.length);
    const now = new Date();
    const brands = inputs.some((input) => input.text && !input.claimedBrand) ? await this.registeredBrands() : [];
    const outcomes: SubmitOutcome[] = [];
    const size = this.settings.writeBatch;
    const parts: Promise<Params | null>[] = [];
    // Every valid item's row by its index: the indicators of the new ones are written after their reports.
    const rows = new Map<number, WriteRow>();
    // Memoised: the transaction asks for part i+1 while part i writes, and a retried transaction re-sends them.
    const read = { now, brands, undated: options.undated ?? 'receipt' } as const;
    const part = (i: number) => (parts[i] ??= this.rows(inputs.slice(i * size, (i + 1) * size), i * size, read, outcomes, rows));
    const links = indicatorLinks(rows, this.inSameTransaction);
    const count = Math.ceil(inputs.length / size);
    // Only invalid items: nothing to write, no turn to wait for.
    if ((await part(0)) === null && count <= 1) return outcomes;
    const release = await this.writers.acquire(timeLeft() ?? NO_DEADLINE_MS);
    if (!release) throw new DeadlineExceededError('the request ran out of time waiting for a turn to write');
    let written;
    try {
      written = mergedRows(await this.graph.writeEach('ingest/merge-reports', count, part, [links]));
    } finally {
      release();
    }
    for (const { index, id, isNew } of written) outcomes[index] = { index, reportId: id, duplicate: !isNew, errors: [] };
    await this.afterWrite(written.filter((row) => row.isNew).map((row) => row.id));
    return outcomes;
  }

  /**
   * The write rows of one part (null: none valid), its invalid items answered in `outcomes`. It starts on the next
   * event-loop turn, so that the statement the caller just sent leaves before validation holds the loop.
   */
  private async rows(
    inputs: readonly ReportInput[],
    offset: number,
    read: { now: Date; brands: readonly BrandNames[]; undated: UndatedAs },
    outcomes: SubmitOutcome[],
    rows: Map<number, WriteRow>,
  ) {
    await nextTurn();
    const valid = [];
    for (const [i, input] of inputs.entries()) {
      const index = offset + i;
      const validation = validateReport(input, { ...this.settings, ...read });
      if (validation.ok) valid.push({ index, report: validation.report });
      else outcomes[index] = { index, reportId: null, duplicate: false, errors: validation.errors };
    }
    if (valid.length === 0) return null;
    const brandSlugs = await resolveClaimedBrands(
      this.graph,
      valid.map(({ report }) => report.claimedBrand),
    );
    const written = valid.map(({ index, report }, i) => toWriteRow(report, index, randomUUID(), brandSlugs[i]));
    for (const row of written) rows.set(row.index, row);
    return reportRows(written);
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
    return this.graph.readAs('brands/registered-brands', REGISTERED_BRAND);
  }
}
