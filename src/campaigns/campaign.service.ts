import type { Logger } from 'pino';
import type { GraphExecutor } from '../graph/executor.js';
import type { CampaignDetector, DetectionRun } from './campaign-detector.js';

export interface CampaignPage {
  readonly edges: { node: unknown; cursor: (string | number)[] }[];
  readonly totalCount: number;
}

export interface CampaignFilter {
  readonly minSize: number;
  /** A brand slug: campaigns whose reports claim it. */
  readonly brand: string | null;
}

/** Campaigns for dashboards: listing, detection on demand, and assignment of new reports at ingest. */
export class CampaignService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly detector: CampaignDetector,
    private readonly logger: Logger,
  ) {}

  detect(): Promise<DetectionRun> {
    return this.detector.detect();
  }

  /** Active campaigns, largest first, keyset-paged. */
  async page(filter: CampaignFilter, page: { first: number; after: (string | number)[] | null }): Promise<CampaignPage> {
    const [row] = await this.graph.read('campaigns/campaigns-page', { ...filter, first: page.first, after: page.after });
    return { edges: (row?.['edges'] ?? []) as CampaignPage['edges'], totalCount: (row?.['totalCount'] ?? 0) as number };
  }

  /**
   * Called by ingest after each batch with the reports it created: each joins the one campaign its
   * known indicators are in, or marks the campaigns it bridges. Never fails the batch, which is
   * already written: a report this misses is placed by the next full run.
   */
  async joinNewReports(reportIds: readonly string[]): Promise<void> {
    if (reportIds.length === 0) return;
    try {
      await this.graph.write('campaigns/join-campaigns', { reportIds: [...reportIds] });
    } catch (error) {
      this.logger.warn({ err: error, reports: reportIds.length }, 'campaign assignment at ingest failed; the next detection run places these reports');
    }
  }
}
