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

/** Webhook deliveries in flight per API process: a slow receiver holds one slot, never the others' turn. */
const MAX_IN_FLIGHT = 64;

/** A row of monitoring/claim-deliveries: an alert claimed for delivery, and its watch's webhook. */
const CLAIMED = z.object({
  alert: ALERT.omit({ delivery: true }),
  url: z.string(),
  secret: z.string(),
  target: z.string(),
  watchKind: z.string(),
});
type Claimed = z.infer<typeof CLAIMED>;

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
  private passing: Promise<void> | null = null;
  private again = false;
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
    for (const waiter of [...this.waiters]) waiter();
    this.waiters.clear();
    if (this.stopped || !this.delivering) return;
    if (this.passing) {
      this.again = true;
      return;
    }
    this.passing = this.pass().finally(() => {
      this.passing = null;
      if (this.again) {
        this.again = false;
        this.wake();
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
        leaseMs: this.settings.timeoutMs + 10_000,
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'could not claim alerts to deliver; the next poll tries again');
      return;
    }
    for (const claim of claimed) {
      const delivery: Promise<void> = this.deliver(claim).finally(() => {
        this.inFlight.delete(delivery);
        this.wake(); // the watch's next alert may go now
      });
      this.inFlight.add(delivery);
    }
  }

  private async deliver({ alert, url, secret, target, watchKind }: Claimed): Promise<void> {
    const body = JSON.stringify({
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
      attempt: alert.attempts,
    });
    const attempt = await sendWebhook({ url, secret, alertId: alert.id, body }, this.settings);
    await this.record(alert, attempt);
  }

  private async record(alert: Claimed['alert'], attempt: AttemptOutcome): Promise<void> {
    const now = Date.now();
    const delivered = attempt.outcome === 'DELIVERED';
    const dead = !delivered && alert.attempts >= this.settings.maxAttempts;
    const wait = this.settings.retryBaseMs * 2 ** (alert.attempts - 1) * (0.8 + Math.random() * 0.4);
    try {
      await this.graph.write('monitoring/record-attempt', {
        alertId: alert.id,
        at: new Date(now).toISOString(),
        outcome: attempt.outcome,
        httpStatus: attempt.httpStatus,
        error: attempt.error,
        tookMs: attempt.tookMs,
        delivery: delivered ? 'DELIVERED' : dead ? 'DEAD' : 'RETRYING',
        nextAttemptAt: new Date(delivered || dead ? now : now + wait).toISOString(),
      });
      if (dead)
        this.logger.warn(
          { alert: alert.id, attempts: alert.attempts, outcome: attempt.outcome },
          'alert dead-lettered: its webhook failed every attempt',
        );
    } catch (error) {
      // The lease runs out and the alert is sent again: at least once, never lost.
      this.logger.warn({ err: error, alert: alert.id }, 'could not record a delivery attempt; the alert will be sent again');
    }
  }
}
