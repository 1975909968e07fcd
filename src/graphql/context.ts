import type { ApiKeyService, Caller } from '../auth/api-key.service.js';
import type { BrandService } from '../brands/brand.service.js';
import type { CampaignService } from '../campaigns/campaign.service.js';
import type { DisruptionService } from '../disruption/disruption.service.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import type { ImportService } from '../evidence/import.service.js';
import type { IngestService } from '../ingest/ingest.service.js';
import type { CrossBrandService } from '../infrastructure/cross-brand.service.js';
import type { NeighbourhoodSummaryService } from '../infrastructure/neighbourhood-summary.service.js';
import type { NeighbourhoodService } from '../infrastructure/neighbourhood.service.js';
import type { AlertService } from '../monitoring/alert.service.js';
import type { Monitoring } from '../monitoring/monitoring.js';
import type { WatchService } from '../monitoring/watch.service.js';
import type { Metrics } from '../observability/metrics.js';
import type { ReviewService } from '../review/review.service.js';
import type { CheckService } from '../scoring/check.service.js';
import type { CampaignLoaders } from './campaign-loaders.js';
import type { createDisruptionLoader } from './disruption-loader.js';
import type { Loaders } from './loaders.js';

/** What every resolver may use; built once per request. */
export interface RequestContext {
  readonly requestId: string;
  readonly caller: Caller;
  readonly apiKeys: ApiKeyService;
  readonly loaders: Loaders;
  readonly metrics: Metrics;
  readonly ingest: IngestService;
  readonly brands: BrandService;
  readonly crossBrand: CrossBrandService;
  readonly neighbourhood: NeighbourhoodService;
  readonly neighbourhoodSummary: NeighbourhoodSummaryService;
  readonly checks: CheckService;
  readonly reviews: ReviewService;
  readonly campaigns: CampaignService;
  readonly campaignLoaders: CampaignLoaders;
  readonly evidence: EvidenceService;
  readonly imports: ImportService;
  readonly disruption: DisruptionService;
  readonly disruptionByKey: ReturnType<typeof createDisruptionLoader>;
  readonly watches: WatchService;
  readonly alerts: AlertService;
  readonly alertDeliveries: ReturnType<Monitoring['deliveryLoader']>;
}
