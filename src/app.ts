import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { Metrics } from './observability/metrics.js';
import { CheckService } from './scoring/check.service.js';
import { ApiKeyService, type Caller } from './auth/api-key.service.js';
import { BrandService } from './brands/brand.service.js';
import { CampaignDetector } from './campaigns/campaign-detector.js';
import { CampaignService } from './campaigns/campaign.service.js';
import { joinAtIngest } from './campaigns/join-at-ingest.js';
import { DisruptionService } from './disruption/disruption.service.js';
import { EvidenceService } from './evidence/evidence.service.js';
import { ImportService } from './evidence/import.service.js';
import { Authenticator } from './server/authentication.js';
import type { Config } from './config/config.js';
import { loadCypherRegistry } from './graph/cypher-registry.js';
import { GraphExecutor, readsNeedBookmarks } from './graph/executor.js';
import { applyMigrations } from './graph/migrations.js';
import { buildServedSchema } from './graphql/schema.js';
import { createCampaignLoaders } from './graphql/campaign-loaders.js';
import { createDisruptionLoader } from './graphql/disruption-loader.js';
import { createLoaders } from './graphql/loaders.js';
import type { RequestContext } from './graphql/context.js';
import { IngestService } from './ingest/ingest.service.js';
import { startMonitoring } from './monitoring/monitoring.js';
import { CrossBrandService } from './infrastructure/cross-brand.service.js';
import { NeighbourhoodSummaryService } from './infrastructure/neighbourhood-summary.service.js';
import { NeighbourhoodService } from './infrastructure/neighbourhood.service.js';
import { AttachmentService } from './attachments/attachment.service.js';
import { ReviewService } from './review/review.service.js';
import { attachmentUploads } from './server/attachment-uploads.js';
import { evidenceDownloads } from './server/evidence-downloads.js';
import { feedDownloads } from './server/feed-downloads.js';
import { brandPages } from './server/brand-pages.js';
import { BrandPageService } from './monitoring/brand-page.js';
import { FeedService } from './monitoring/feed.js';
import { taxiiRoutes } from './server/taxii-routes.js';
import { TaxiiService } from './taxii/taxii.service.js';
import { HeavyLane } from './server/heavy-lane.js';
import { warmUpLane, type LaneWarmUp } from './server/lane-warm-up.js';
import { startHttpServer, type RunningServer } from './server/http-server.js';

export interface App {
  readonly graph: GraphExecutor;
  /** The heavy-lane process, when heavy queries run in one (HEAVY_LANE=process). */
  readonly heavyLane: () => Promise<{ pid: number; url: string } | undefined>;
  readonly server: RunningServer;
  /** Set on the first start without SCAMGRAPH_ADMIN_KEY: the admin key, to be shown once. */
  readonly firstAdminKey: string | null;
  /** Has Neo4j plan the explorer's statements ahead of the first search (NeighbourhoodSummaryService.warm). */
  readonly warm: () => Promise<void>;
  /** Draws the largest campaign's page through this process's GraphQL path (lane-warm-up.ts): the heavy lane runs it. */
  readonly warmUpLane: () => Promise<LaneWarmUp>;
}

/** Wires the service over an open driver: migrations, domain services, GraphQL over HTTP. */
export async function startApp(config: Config, driver: Driver, uri: string, logger: Logger): Promise<App> {
  const metrics = new Metrics();
  const graph = new GraphExecutor(driver, loadCypherRegistry(), config.NEO4J_DATABASE, readsNeedBookmarks(uri));
  await applyMigrations(graph);
  const monitoring = startMonitoring(graph, config, logger);
  const detector = new CampaignDetector(
    graph,
    {
      engine: config.CAMPAIGN_ENGINE,
      hubDegree: config.CAMPAIGN_HUB_DEGREE,
      splitSize: config.CAMPAIGN_SPLIT_SIZE,
      lockWaitMs: config.CAMPAIGN_LOCK_WAIT_SECONDS * 1000,
    },
    (run) => {
      metrics.detectionRuns.inc({ engine: run.engine });
      metrics.detectionDuration.observe({ engine: run.engine }, run.tookMs / 1000);
      logger.info({ run }, 'campaign detection finished');
      monitoring.wake(); // alerts of the merges and splits it recorded
      // A run rewrites memberships across the graph: Neo4j plans the explorer's statements again on the
      // first query after such a change, so plan them now rather than in an analyst's first search.
      // The heavy lane then draws a campaign (lane-warm-up.ts): a graph empty when it started has its first one now.
      neighbourhoodSummary
        .warm()
        .catch((error: unknown) => logger.warn({ err: error }, "planning the explorer's statements after detection failed"))
        .finally(() => heavyLane?.warm());
    },
    undefined,
    monitoring.campaignOutbox,
  );
  graph.onRetry((statement) => metrics.writeRetries.inc({ statement }));
  const stopSchedule = config.CAMPAIGN_SCHEDULE_MINUTES > 0 ? detector.schedule(config.CAMPAIGN_SCHEDULE_MINUTES, logger) : () => {};
  const campaigns = new CampaignService(graph, detector);
  const ingest = new IngestService(
    graph,
    {
      batchMax: config.BATCH_MAX,
      textExcerptMax: config.TEXT_EXCERPT_MAX,
      defaultSource: 'api',
      writeBatch: config.INGEST_WRITE_BATCH,
      writers: config.INGEST_WRITERS,
    },
    monitoring.afterIngest(
      joinAtIngest(graph, (err, reports) =>
        logger.warn({ err, reports }, 'campaign assignment at ingest failed; the next detection run places these reports'),
      ),
    ),
    monitoring.outbox,
  );
  const apiKeys = new ApiKeyService(graph, config.SCAMGRAPH_ADMIN_KEY, config.API_KEY_CACHE_MS);
  const authenticator = new Authenticator(apiKeys, config.RATE_LIMIT_PER_MINUTE);
  const firstAdminKey = await apiKeys.firstAdminKey();
  const brands = new BrandService(graph);
  const crossBrand = new CrossBrandService(graph);
  const checks = new CheckService(graph, { halfLifeDays: config.SCORE_HALF_LIFE_DAYS });
  const neighbourhood = new NeighbourhoodService(graph, { hubDegree: config.HUB_DEGREE });
  const neighbourhoodSummary = new NeighbourhoodSummaryService(graph, neighbourhood);
  const evidence = new EvidenceService(graph, checks);
  const imports = new ImportService(ingest, config.BATCH_MAX);
  const disruption = new DisruptionService(graph, checks, monitoring.disruptionOutbox);
  const attachments = new AttachmentService({
    dir: config.ATTACHMENTS_DIR,
    maxBytes: config.ATTACHMENT_MAX_BYTES,
    maxPixels: config.ATTACHMENT_MAX_PIXELS,
    maxPages: config.ATTACHMENT_MAX_PAGES,
    maxParts: config.ATTACHMENT_MAX_PARTS,
    timeoutMs: config.ATTACHMENT_READ_TIMEOUT_MS,
    memoryMb: config.ATTACHMENT_READ_MEMORY_MB,
  });
  const reviews = new ReviewService(graph, checks, attachments, ingest);
  const heavyLane = config.HEAVY_LANE === 'process' ? new HeavyLane(config, uri, logger) : undefined;
  await heavyLane?.start();
  const contextOf = (caller: Caller, requestId: string): RequestContext => ({
    requestId,
    metrics,
    caller,
    apiKeys,
    loaders: createLoaders(graph),
    ingest,
    brands,
    crossBrand,
    neighbourhood,
    neighbourhoodSummary,
    checks,
    reviews,
    campaigns,
    campaignLoaders: createCampaignLoaders(graph),
    evidence,
    imports,
    disruption,
    disruptionByKey: createDisruptionLoader(disruption),
    watches: monitoring.watches,
    alerts: monitoring.alerts,
    alertDeliveries: monitoring.deliveryLoader(),
  });
  const server = await startHttpServer({
    host: config.HOST,
    port: config.PORT,
    graphqlPath: config.GRAPHQL_PATH,
    development: config.NODE_ENV === 'development',
    bodyLimit: config.BODY_LIMIT,
    schema: await buildServedSchema(),
    costLimits: {
      maxDepth: config.QUERY_MAX_DEPTH,
      maxComplexity: config.QUERY_MAX_COMPLEXITY,
      maxAliases: config.QUERY_MAX_ALIASES,
      maxDirectives: config.QUERY_MAX_DIRECTIVES,
      budgetPerMinute: config.COST_BUDGET_PER_MINUTE,
      heavyFrom: config.HEAVY_FROM,
      heavySlots: config.HEAVY_SLOTS,
      heavyWaitMs: config.REQUEST_DEADLINE_MS,
    },
    maxInFlightPerKey: config.MAX_IN_FLIGHT_PER_KEY,
    readShares: { perKey: config.READS_PER_KEY, heavy: config.HEAVY_READS },
    requestDeadlineMs: config.REQUEST_DEADLINE_MS,
    logger,
    metrics,
    context: async (authorization, requestId) => contextOf(await authenticator.caller(authorization), requestId),
    isReady: () => graph.ping(2_000),
    evidenceDownloads: evidenceDownloads(authenticator, evidence),
    feeds: feedDownloads(authenticator, new FeedService(graph, checks, config.FEED_SETTLE_MS)),
    taxii: taxiiRoutes(
      authenticator,
      new TaxiiService(graph, checks, evidence, { settleMs: config.FEED_SETTLE_MS, windowReports: config.TAXII_WINDOW_REPORTS }),
      logger,
    ),
    brandPages: brandPages(new BrandPageService(graph, checks), config.BRAND_PAGE_RATE_PER_MINUTE),
    attachmentUploads: attachmentUploads(authenticator, attachments),
    ...(heavyLane ? { heavyLane } : {}),
    ...(config.HEAVY_LANE_TOKEN ? { laneToken: config.HEAVY_LANE_TOKEN } : {}),
  });
  // A scheduled run in progress finishes before the caller closes the driver.
  const stop = async () => {
    stopSchedule();
    await server.stop();
    await heavyLane?.stop();
    await detector.idle();
    await monitoring.stop();
  };
  return {
    graph,
    server: { ...server, stop },
    firstAdminKey,
    heavyLane: async () => heavyLane?.running(),
    warm: () => neighbourhoodSummary.warm(),
    warmUpLane: () => warmUpLane((query, variables, caller) => server.execute(query, variables, contextOf(caller, 'heavy-lane-warm-up'))),
  };
}
