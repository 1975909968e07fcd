import { z } from 'zod';
import type { EvidenceService } from '../evidence/evidence.service.js';
import type { GraphExecutor } from '../graph/executor.js';
import type { CheckService } from '../scoring/check.service.js';
import { campaignObjects } from './campaign-collection.js';
import { IndicatorCollection } from './indicator-collection.js';
import { campaignCollection, indicatorsCollection, INDICATORS_COLLECTION_ID, type TaxiiCollection } from './taxii-collections.js';
import { isAfter, type TaxiiPage } from './taxii-paging.js';
import { matches, type TaxiiQuery } from './taxii-query.js';

/** A row of taxii/active-campaigns. */
const CAMPAIGN_ROW = z.object({ id: z.string(), size: z.number(), reportCount: z.number() });

type Found = { readonly collection: TaxiiCollection; readonly campaignId: string | null };

/**
 * The TAXII 2.1 collections, read-only and fed from the graph: the high-risk indicators, and one per
 * active campaign. Every page ends `settleMs` in the past, as the indicator feed's window does, so an
 * object whose transaction was still open is never dated before a place already given out.
 */
export class TaxiiService {
  private readonly indicators: IndicatorCollection;

  constructor(
    private readonly graph: GraphExecutor,
    checks: CheckService,
    private readonly evidence: EvidenceService,
    private readonly settings: { readonly settleMs: number; readonly windowReports: number },
  ) {
    this.indicators = new IndicatorCollection(graph, checks, settings.windowReports);
  }

  async collections(): Promise<TaxiiCollection[]> {
    return [indicatorsCollection(), ...(await this.campaigns()).map((found) => found.collection)];
  }

  /** One collection by its id; null when there is none (a retired campaign's included). */
  async collection(id: string): Promise<TaxiiCollection | null> {
    return (await this.find(id))?.collection ?? null;
  }

  /** A page of a collection's objects after the query's place, filtered; null for an unknown collection. */
  async objects(collectionId: string, query: TaxiiQuery, now = new Date()): Promise<TaxiiPage | null> {
    const found = await this.find(collectionId);
    if (!found) return null;
    const until = new Date(now.getTime() - this.settings.settleMs).toISOString();
    if (found.campaignId === null) return this.indicators.page(query, until);
    const all = (await campaignObjects(this.graph, this.evidence, found.campaignId, until)) ?? [];
    const eligible = all.filter((each) => isAfter(each, query.after) && matches(query, each));
    return { items: eligible.slice(0, query.limit), more: eligible.length > query.limit };
  }

  private async find(id: string): Promise<Found | null> {
    if (id === INDICATORS_COLLECTION_ID) return { collection: indicatorsCollection(), campaignId: null };
    return (await this.campaigns()).find((found) => found.collection.id === id) ?? null;
  }

  private async campaigns(): Promise<Found[]> {
    const rows = await this.graph.readAs('taxii/active-campaigns', CAMPAIGN_ROW);
    return rows.map((row) => ({ collection: campaignCollection(row), campaignId: row.id }));
  }
}
