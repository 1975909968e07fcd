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
  /** Only campaigns tied to another by evidence too weak to merge them. */
  readonly withBridges: boolean;
}

/** Campaigns for dashboards: listing and detection on demand. */
export class CampaignService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly detector: CampaignDetector,
  ) {}

  detect(): Promise<DetectionRun> {
    return this.detector.detect();
  }

  /** Active campaigns, largest first, keyset-paged. */
  async page(filter: CampaignFilter, page: { first: number; after: (string | number)[] | null }): Promise<CampaignPage> {
    const [row] = await this.graph.read('campaigns/campaigns-page', { ...filter, first: page.first, after: page.after });
    return { edges: (row?.['edges'] ?? []) as CampaignPage['edges'], totalCount: (row?.['totalCount'] ?? 0) as number };
  }
}
