import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export const ALERT_FIELDS = 'id watchId event subjectKind subjectValue role reportId from to campaignIds resembles delivery';

export interface AlertSubscription {
  readonly alerts: Record<string, any>[];
  /** When each of `alerts` arrived (Date.now()), index for index: what the alerts benchmark times. */
  readonly arrivedAt: number[];
  readonly errors: unknown[];
  /** Resolves once `count` alerts have arrived (all of them), or rejects after `timeoutMs` saying how many did. */
  until(count: number, timeoutMs?: number): Promise<Record<string, any>[]>;
  close(): Promise<void>;
}

/** A real graphql-ws client on the server's GraphQL path, subscribed to `alertAdded` with `key`. */
export function subscribeToAlerts(
  httpUrl: string,
  key: string | null,
  variables: { after?: string; watchId?: string } = {},
): AlertSubscription {
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: false,
    // A refused connection reaches the subscription's error callback below; graphql-ws would also print it whole.
    onNonLazyError: () => {},
  });
  const alerts: Record<string, any>[] = [];
  const arrivedAt: number[] = [];
  const errors: unknown[] = [];
  let wake = () => {};
  client.subscribe<{ alertAdded: Record<string, any> }>(
    { query: `subscription($after: ID, $watchId: ID) { alertAdded(after: $after, watchId: $watchId) { ${ALERT_FIELDS} } }`, variables },
    {
      next: (result) => {
        if (result.data) {
          alerts.push(result.data.alertAdded);
          arrivedAt.push(Date.now());
        }
        if (result.errors) errors.push(...result.errors);
        wake();
      },
      error: (error) => {
        errors.push(error);
        wake();
      },
      complete: () => {},
    },
  );
  return {
    alerts,
    arrivedAt,
    errors,
    async until(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (alerts.length < count && errors.length === 0) {
        if (Date.now() > deadline)
          throw new Error(`${alerts.length} of ${count} alerts arrived within ${timeoutMs} ms: ${JSON.stringify(alerts)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
      return alerts;
    },
    close: () => client.dispose() as Promise<void>,
  };
}
