import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { CampaignFate } from '../campaigns/campaign-identity.js';
import type { ChangeOutbox } from '../disruption/disruption.service.js';
import type { FollowUpStatement, GraphExecutor } from '../graph/executor.js';
import type { PartOutbox } from '../ingest/batch-write.js';
import { AlertDispatcher } from './alert-dispatcher.js';
import { AlertService, type DeliveryAttempt } from './alert.service.js';
import { campaignAlerts, disruptionAlerts } from './change-alerts.js';
import { reportOutbox } from './report-outbox.js';
import { WatchService } from './watch.service.js';

export interface Monitoring {
  readonly watches: WatchService;
  readonly alerts: AlertService;
  /** Ingest's inSameTransaction: the outbox statements for what a part of a batch's new reports named. */
  readonly outbox: PartOutbox;
  /** The disruption service's: alerts for watches on an indicator whose status changed, in that change's transaction. */
  readonly disruptionOutbox: ChangeOutbox;
  /** Campaign detection's: alerts for watches on campaigns a run merged or split, in the transaction recording it. */
  readonly campaignOutbox: (fates: CampaignFate[]) => FollowUpStatement | null;
  /** A status change or detection run committed: its alerts go out now, not at the next poll. */
  wake(): void;
  /** Wraps ingest's afterWrite: once the batch has committed, its alerts go out at once. */
  afterIngest(next: (newReportIds: string[]) => Promise<void>): (newReportIds: string[]) => Promise<void>;
  /** Per request: delivery logs of the caller's alerts, in one round trip per request depth. */
  deliveryLoader(): DataLoader<{ owner: string; id: string }, DeliveryAttempt[], string>;
  stop(): Promise<void>;
}

/** Watches, the alert outbox and its delivery, wired from the configuration; the dispatcher starts polling. */
export function startMonitoring(graph: GraphExecutor, config: Config, logger: Logger): Monitoring {
  const dispatcher = new AlertDispatcher(
    graph,
    {
      pollMs: config.ALERT_POLL_MS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
      allowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
    },
    logger,
  );
  dispatcher.start(config.ALERT_DELIVERY);
  const alerts = new AlertService(graph, dispatcher);
  return {
    watches: new WatchService(graph, { maxPerKey: config.WATCHES_PER_KEY_MAX, allowedHosts: config.WEBHOOK_ALLOWED_HOSTS }),
    alerts,
    outbox: reportOutbox,
    disruptionOutbox: { inSameTransaction: disruptionAlerts, committed: () => dispatcher.wake() },
    campaignOutbox: campaignAlerts,
    wake: () => dispatcher.wake(),
    afterIngest: (next) => async (newReportIds) => {
      if (newReportIds.length > 0) dispatcher.wake();
      await next(newReportIds);
    },
    deliveryLoader: () =>
      new DataLoader(
        async (keys) => {
          const owner = keys[0]!.owner;
          const logs = await alerts.deliveries(
            owner,
            keys.map((key) => key.id),
          );
          return keys.map((key) => (key.owner === owner ? (logs.get(key.id) ?? []) : []));
        },
        { cacheKeyFn: (key) => `${key.owner}\u0000${key.id}` },
      ),
    stop: () => dispatcher.stop(),
  };
}
