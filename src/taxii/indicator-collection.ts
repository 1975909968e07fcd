import { z } from 'zod';
import { extensionDefinitions } from '../evidence/stix-extensions.js';
import { FIXED_CREATED, PRODUCER, stixIndicatorId } from '../evidence/stix-ids.js';
import type { GraphExecutor } from '../graph/executor.js';
import { checkedItems, type FeedKind } from '../monitoring/feed.js';
import { feedIndicator } from '../monitoring/feed-formats.js';
import type { CheckService } from '../scoring/check.service.js';
import { matches, TAXII_PAGE_MAX, type TaxiiQuery } from './taxii-query.js';
import { AFTER_EVERY_ID, byPlace, dated, isAfter, toDateAdded, type DatedObject, type Place, type TaxiiPage } from './taxii-paging.js';

/**
 * Reads one page makes at most (5,000 rows at the largest batch): a page of a stretch of lower verdicts
 * stops there with what it has (fewer than `limit`, maybe none), `more` and a `next` after the last row
 * read, rather than run into the request's deadline.
 * Measured: 10,000 indicators, none HIGH_RISK, took 2.5 to 5.4 s to walk whole, mostly checks.
 */
const READS_PER_PAGE = 5;

/** Rows read at least per round: a small page of mostly lower verdicts should not take many round trips. */
const MIN_BATCH = 100;

/** An indicator and when a report last named it. */
const CHANGE_ROW = z.object({ kind: z.enum(['phone', 'domain']), value: z.string(), changedAt: z.string() });

/** The row of taxii/indicator-changes: the changes of one window of reports, where it ends, and whether that is `until`. */
const WINDOW_ROW = z.object({ changes: z.array(CHANGE_ROW), windowEnd: z.string(), toTheEnd: z.boolean() });

/**
 * The producer and the indicator extension's definition: what every indicator refers to, so the
 * collection's objects validate on their own. They never change, so they were added once, at the
 * fixed time the packs give them, before any indicator.
 */
function definitions(): DatedObject[] {
  const sample = feedIndicator({ kind: 'domain', value: 'example.com', verdict: 'HIGH_RISK', score: 0, reasons: [] }, FIXED_CREATED);
  return [PRODUCER, ...extensionDefinitions([sample], PRODUCER.id)]
    .map((object) => dated(object as DatedObject['object'], FIXED_CREATED))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

/**
 * The high-risk indicators collection: the indicator feed's STIX indicators of the phone numbers
 * and domains judged HIGH_RISK now, each dated by the newest report naming it, so `added_after`
 * answers what reports changed since. An indicator named again is added again, as a new version
 * (its `modified` is that time). The verdict is today's, so an indicator whose score fell is
 * skipped; pages are filled from further reads until `limit` or the end of the collection.
 */
export class IndicatorCollection {
  private readonly fixed = definitions();

  constructor(
    private readonly graph: GraphExecutor,
    private readonly checks: CheckService,
    /** Reports a read's window holds (TAXII_WINDOW_REPORTS): a few rows each, so a batch of rows mostly fits in one. */
    private readonly windowReports: number,
  ) {}

  async page(query: TaxiiQuery, until: string): Promise<TaxiiPage> {
    if (query.ids !== null) return this.byIds(query, query.ids, until);
    const items = this.fixed.filter((each) => isAfter(each, query.after) && matches(query, each)).slice(0, query.limit);
    if (items.length === query.limit) return { items, more: true };
    if (query.types?.has('indicator') === false) return { items, more: false };
    let since: Place = query.after && query.after.at > FIXED_CREATED ? query.after : { at: FIXED_CREATED, id: AFTER_EVERY_ID };
    // Reads go on from the last row read, not the last kept: a row judged below HIGH_RISK is read once.
    const batch = Math.min(TAXII_PAGE_MAX, Math.max(query.limit, MIN_BATCH));
    for (let reads = 1; ; reads++) {
      // The statement answers one row, always.
      const [window = { changes: [], windowEnd: until, toTheEnd: true }] = await this.graph.readAs('taxii/indicator-changes', WINDOW_ROW, {
        since: since.at,
        sinceKey: since.id,
        until,
        limit: batch,
        reports: this.windowReports,
      });
      const rows = window.changes;
      const last = rows.at(-1);
      // A full batch ends at its last row; a shorter one holds every change up to the window's end.
      since =
        rows.length === batch && last
          ? { at: toDateAdded(last.changedAt), id: `${last.kind}:${last.value}` }
          : { at: toDateAdded(window.windowEnd), id: AFTER_EVERY_ID };
      const found = await this.highRisk(rows, query);
      const room = query.limit - items.length;
      items.push(...found.slice(0, room));
      if (found.length > room) return { items, more: true };
      if (rows.length < batch && window.toTheEnd) return { items, more: false };
      if (items.length === query.limit) return { items, more: true };
      if (reads === READS_PER_PAGE) return { items, more: true, end: since };
    }
  }

  /**
   * Objects asked for by id (`objects/<id>/`, `match[id]`): the numbers and domains holding those ids, found
   * by their index (taxii/indicators-by-id), and the fixed objects. Walking the collection for them read every
   * report ever written: 4.6 to 7.2 s a request on the 100,000-report bench graph, and it grows with the graph.
   */
  private async byIds(query: TaxiiQuery, ids: ReadonlySet<string>, until: string): Promise<TaxiiPage> {
    const rows = await this.graph.readAs('taxii/indicators-by-id', CHANGE_ROW, { ids: [...ids], until });
    const found = [...this.fixed.filter((each) => matches(query, each)), ...(await this.highRisk(rows, query))]
      .filter((each) => isAfter(each, query.after))
      .sort(byPlace);
    return { items: found.slice(0, query.limit), more: found.length > query.limit };
  }

  /** The rows' indicators that pass the query's filters and are HIGH_RISK now, in the rows' order; only those checked. */
  private async highRisk(rows: readonly z.infer<typeof CHANGE_ROW>[], query: TaxiiQuery): Promise<DatedObject[]> {
    const probe = (kind: FeedKind, value: string, changedAt: string): DatedObject => ({
      object: { type: 'indicator', spec_version: '2.1', id: stixIndicatorId(kind, value), modified: toDateAdded(changedAt) },
      dateAdded: toDateAdded(changedAt),
      key: `${kind}:${value}`,
    });
    const wanted = rows.filter((row) => matches(query, probe(row.kind, row.value, row.changedAt)));
    const valuesOf = (kind: FeedKind) => wanted.filter((row) => row.kind === kind).map((row) => row.value);
    const judged = new Map(
      (await checkedItems(this.checks, valuesOf('phone'), valuesOf('domain'))).map((item) => [`${item.kind}:${item.value}`, item]),
    );
    return wanted.flatMap((row) => {
      const item = judged.get(`${row.kind}:${row.value}`);
      if (item?.verdict !== 'HIGH_RISK') return [];
      const dateAdded = toDateAdded(row.changedAt);
      return [{ object: feedIndicator(item, dateAdded), dateAdded, key: `${row.kind}:${row.value}` }];
    });
  }
}
