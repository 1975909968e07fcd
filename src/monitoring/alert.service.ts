import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { quote } from '../text/excerpt.js';
import type { AlertDispatcher } from './alert-dispatcher.js';
import { alertStream } from './alert-stream.js';
import { MonitoringRefusedError } from './monitoring-errors.js';
import { ALERT_ROW, alertSeq, type Alert } from './watch.js';

/** One webhook attempt, as monitoring/alert-deliveries lists them per alert. */
const ATTEMPT = z.object({
  number: z.number(),
  at: z.date(),
  outcome: z.string(),
  httpStatus: z.number().nullable(),
  error: z.string().nullable(),
  tookMs: z.number(),
});
export type DeliveryAttempt = z.infer<typeof ATTEMPT>;
const DELIVERIES_ROW = z.object({ id: z.string(), attempts: z.array(ATTEMPT) });
const HEAD_ROW = z.object({ seq: z.number() });

/** A key's alerts: paged, streamed, and each one's delivery log. */
export class AlertService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly dispatcher: AlertDispatcher,
  ) {}

  async after(owner: string, afterId: string | null, first: number, watchId: string | null): Promise<Alert[]> {
    const rows = await this.graph.readAs('monitoring/alerts-after', ALERT_ROW, {
      owner,
      after: this.seqOf(owner, afterId, 0),
      watchId,
      limit: first,
    });
    return rows.map((row) => row.alert);
  }

  /** From the alert after `afterId`, or (without one) from the next alert to come. */
  async stream(owner: string, afterId: string | null, watchId: string | null): Promise<AsyncGenerator<Alert>> {
    const after = afterId === null ? await this.head(owner) : this.seqOf(owner, afterId, 0);
    return alertStream(this.graph, this.dispatcher, owner, after, watchId);
  }

  async deliveries(owner: string, ids: readonly string[]): Promise<Map<string, DeliveryAttempt[]>> {
    const rows = await this.graph.readAs('monitoring/alert-deliveries', DELIVERIES_ROW, { owner, ids: [...ids] });
    return new Map(rows.map((row) => [row.id, row.attempts]));
  }

  private async head(owner: string): Promise<number> {
    const [row] = await this.graph.readAs('monitoring/alert-stream-head', HEAD_ROW, { owner });
    return row?.seq ?? 0;
  }

  private seqOf(owner: string, id: string | null, otherwise: number): number {
    if (id === null) return otherwise;
    const seq = alertSeq(owner, id);
    if (seq === null)
      throw new MonitoringRefusedError('INVALID_VALUE', 'after', `after must be the id of one of this key's alerts; got ${quote(id)}`);
    return seq;
  }
}
