import type { Logger } from 'pino';
import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { ALERT } from './watch.js';
import { sendWebhook, type AttemptOutcome } from './webhook-sender.js';

export interface DispatchSettings {
  readonly pollMs: number;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly allowedHosts: readonly string[];
}

/**
 * Watches delivering at once per API process: a slow receiver holds its own watch's slot, never the others' turn.
 * A batch of 500 reports alerted about 200 watches in the alerts bench; 64 took four claims for them.
 */
const MAX_IN_FLIGHT = 256;
/** Alerts claimed per watch at once: a burst goes out in one claim and one record, in order. */
const BATCH = 50;
/**
 * Wake-ups this close together make one pass and one read per subscription. Ingest wakes the dispatcher
 * after every commit and each finished batch frees its watch's next alerts. Answered one by one (and 64
 * watches a claim), a batch of 500 reports took 7 claims, 5 records and 3 subscription reads, beside the
 * ingest they slow; now 4, 4 and 2 to 3 (Neo4j's query collector, `npm run bench -- --only alerts`).
 * It adds 25 ms at most to an alert's delivery, whose target is under a second.
 */
const COALESCE_MS = 25;

/** A row of monitoring/claim-deliveries: a watch's alerts claimed for delivery, in order, and its webhook. */
const CLAIMED = z.object({
  alerts: z.array(ALERT.omit({ delivery: true })),
  url: z.string(),
  secret: z.string(),
  target: z.string(),
  watchKind: z.string(),
});
type Claimed = z.infer<typeof CLAIMED>;
type ClaimedAlert = Claimed['alerts'][number];

/**
 * Delivers the outbox. Ingest wakes it after each commit; a poll every `pollMs` also finds alerts
 * other processes wrote, retries that fell due, and whatever a crash or restart left: an alert is
 * in the graph until delivered or dead, so nothing depends on this process's memory. Subscriptions
 * wait on the same wake-ups.
 */
export class AlertDispatcher {
  private readonly waiters = new Set<() => void>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  /** The coming wake-up, once asked for: of subscribers and delivery, or of delivery alone. */
  private coming: { timer: NodeJS.Timeout; subscribers: boolean } | null = null;
  private passing: Promise<void> | null = null;
  private again = false;
  /** Finished batches whose outcomes wait for the record being written (see record). */
  private readonly unrecorded: { outcomes: Outcome[]; resolve: () => void }[] = [];
  private recording: Promise<void> | null = null;
  private stopped = false;
  private delivering = false;

  constructor(
    private readonly graph: GraphExecutor,
    private readonly settings: DispatchSettings,
    private readonly logger: Logger,
  ) {}

  /** Polls for subscribers; with `deliver`, this process also sends webhooks (ALERT_DELIVERY). */
  start(deliver: boolean): void {
    this.delivering = deliver;
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** New alerts may be there: subscribers read, and a delivery pass runs (once, however many wake it). */
  wake(): void {
    this.soon(true);
  }

  /** One wake-up for every call within COALESCE_MS; `subscribers`: new alerts, not only freed ones. */
  private soon(subscribers: boolean): void {
    if (this.coming) {
      this.coming.subscribers ||= subscribers;
      return;
    }
    const coming = {
      subscribers,
      timer: setTimeout(() => {
        this.coming = null;
        if (coming.subscribers) {
          for (const waiter of [...this.waiters]) waiter();
          this.waiters.clear();
        }
        this.deliverMore();
      }, COALESCE_MS),
    };
    this.coming = coming;
  }

  /** A delivery pass, and subscribers left alone: a finished batch frees its watch's next alerts but writes none. */
  private deliverMore(): void {
    if (this.stopped || !this.delivering) return;
    if (this.passing) {
      this.again = true;
      return;
    }
    this.passing = this.pass().finally(() => {
      this.passing = null;
      if (this.again) {
        this.again = false;
        this.deliverMore();
      }
    });
  }

  /** Resolves at the next wake-up (at the latest the next poll). Take it before reading, so none slips between. */
  nextWake(): Promise<void> {
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  /** Stops claiming; deliveries in flight finish (an interrupted one would be retried anyway). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    if (this.coming) clearTimeout(this.coming.timer);
    for (const waiter of this.waiters) waiter();
    await this.passing;
    await Promise.all(this.inFlight);
  }

  private async pass(): Promise<void> {
    const room = MAX_IN_FLIGHT - this.inFlight.size;
    if (room <= 0) return;
    let claimed: Claimed[];
    try {
      claimed = await this.graph.writeAs('monitoring/claim-deliveries', CLAIMED, {
        limit: room,
        batch: BATCH,
        leaseMs: this.leaseMs(),
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'could not claim alerts to deliver; the next poll tries again');
      return;
    }
    // Watches at once, each its own batch in order: a slow receiver holds up only its own watch's alerts.
    for (const claim of claimed) {
      const delivery: Promise<void> = this.deliverBatch(claim).finally(() => {
        this.inFlight.delete(delivery);
        this.soon(false); // the watch's next alerts may go now
      });
      this.inFlight.add(delivery);
    }
  }

  /** The lease of a batch: sends start within one timeout of the batch's start, and the last may take one more. */
  private leaseMs(): number {
    return 2 * this.settings.timeoutMs + 10_000;
  }

  /**
   * Sends a watch's batch in order. A failure that will be retried stops it (the alerts behind wait for
   * that one); a dead letter does not (the next may go). No send starts once a timeout has passed since
   * the batch began, so the lease still covers the last. Every outcome, sent or not, is recorded at once.
   */
  private async deliverBatch(claim: Claimed): Promise<void> {
    const started = Date.now();
    const outcomes: Outcome[] = [];
    for (const alert of claim.alerts) {
      if (this.stopped || Date.now() - started > this.settings.timeoutMs) break;
      const attempt = await sendWebhook(
        { url: claim.url, secret: claim.secret, alertId: alert.id, body: webhookBody(alert, claim) },
        this.settings,
      );
      const outcome = this.outcome(alert, attempt);
      outcomes.push(outcome);
      if (outcome.delivery === 'RETRYING') break;
    }
    const sent = new Set(outcomes.map((outcome) => outcome.alertId));
    for (const alert of claim.alerts) if (!sent.has(alert.id)) outcomes.push(UNSENT(alert.id));
    await this.record(outcomes);
  }

  private outcome(alert: ClaimedAlert, attempt: AttemptOutcome): Outcome {
    const now = Date.now();
    const number = alert.attempts + 1;
    const delivered = attempt.outcome === 'DELIVERED';
    const dead = !delivered && number >= this.settings.maxAttempts;
    const wait = this.settings.retryBaseMs * 2 ** (number - 1) * (0.8 + Math.random() * 0.4);
    if (dead)
      this.logger.warn(
        { alert: alert.id, attempts: number, outcome: attempt.outcome },
        'alert dead-lettered: its webhook failed every attempt',
      );
    return {
      alertId: alert.id,
      at: new Date(now).toISOString(),
      outcome: attempt.outcome,
      httpStatus: attempt.httpStatus,
      error: attempt.error,
      tookMs: attempt.tookMs,
      delivery: delivered ? 'DELIVERED' : dead ? 'DEAD' : 'RETRYING',
      nextAttemptAt: new Date(delivered || dead ? now : now + wait).toISOString(),
    };
  }

  /**
   * Records a batch's outcomes, together with those of every batch that finished while the last record
   * was being written: one transaction (and one commit to disk) for many watches, not one each, which on
   * a busy database is what delivery costs ingest. Resolves once they are recorded (or could not be).
   */
  private record(outcomes: Outcome[]): Promise<void> {
    const recorded = new Promise<void>((resolve) => this.unrecorded.push({ outcomes, resolve }));
    this.recording ??= this.flush().finally(() => (this.recording = null));
    return recorded;
  }

  private async flush(): Promise<void> {
    while (this.unrecorded.length > 0) {
      const batches = this.unrecorded.splice(0);
      const outcomes = batches.flatMap((batch) => batch.outcomes);
      try {
        await this.graph.write('monitoring/record-attempts', { record: { outcomes } });
      } catch (error) {
        // The leases run out and the batches are sent again: at least once, never lost.
        this.logger.warn(
          { err: error, alerts: outcomes.map((outcome) => outcome.alertId) },
          'could not record delivery attempts; the alerts will be sent again',
        );
      }
      for (const batch of batches) batch.resolve();
    }
  }
}

/** One alert's line in monitoring/record-attempts: an attempt and what follows it, or (all null) given back unsent. */
interface Outcome {
  alertId: string;
  at: string | null;
  outcome: AttemptOutcome['outcome'] | null;
  httpStatus: number | null;
  error: string | null;
  tookMs: number | null;
  delivery: 'DELIVERED' | 'RETRYING' | 'DEAD' | null;
  nextAttemptAt: string | null;
}

const UNSENT = (alertId: string): Outcome => ({
  alertId,
  at: null,
  outcome: null,
  httpStatus: null,
  error: null,
  tookMs: null,
  delivery: null,
  nextAttemptAt: null,
});

/** The POST body receivers verify and parse (README, monitoring); `attempt` counts this one. */
function webhookBody(alert: ClaimedAlert, { target, watchKind }: Claimed): string {
  return JSON.stringify({
    id: alert.id,
    event: alert.event,
    watch: { id: alert.watchId, kind: watchKind, target },
    subject: { kind: alert.subjectKind, value: alert.subjectValue, role: alert.role },
    reportId: alert.reportId,
    // What changed, for the events that say (null otherwise): README, monitoring.
    from: alert.from ?? null,
    to: alert.to ?? null,
    campaignIds: alert.campaignIds ?? null,
    resembles: alert.resembles ?? null,
    createdAt: alert.createdAt,
    attempt: alert.attempts + 1,
  });
}
