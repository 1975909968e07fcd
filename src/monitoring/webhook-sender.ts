import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolvePublic } from './webhook-address.js';
import { ALERT_ID_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature.js';

export interface WebhookRequest {
  readonly url: string;
  readonly secret: string;
  readonly alertId: string;
  readonly body: string;
}

/** One attempt as the delivery log keeps it. */
export interface AttemptOutcome {
  readonly outcome: 'DELIVERED' | 'HTTP_ERROR' | 'REDIRECT' | 'TIMEOUT' | 'REFUSED_ADDRESS' | 'NETWORK_ERROR';
  readonly httpStatus: number | null;
  readonly error: string | null;
  readonly tookMs: number;
}

const ERROR_CHARS = 200;

/**
 * One signed POST. A 2xx delivers; a redirect is not followed (the receiver's address is the one
 * checked); the connection goes to an address checked at this very lookup, so a host that turned
 * private since the watch was made is refused. Never throws: every failure is an outcome.
 */
export async function sendWebhook(
  request: WebhookRequest,
  options: { timeoutMs: number; allowedHosts: readonly string[] },
): Promise<AttemptOutcome> {
  const started = Date.now();
  const timestamp = Math.floor(started / 1000);
  const url = new URL(request.url);
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolvePublic(hostname, options.allowedHosts).then(
      (addresses) => (lookupOptions.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family)),
      (error: Error) => callback(Object.assign(error, { code: 'REFUSED_ADDRESS' }) as NodeJS.ErrnoException, '', 0),
    );
  };
  const done = (outcome: AttemptOutcome['outcome'], httpStatus: number | null, error: string | null): AttemptOutcome => ({
    outcome,
    httpStatus,
    error: error === null ? null : error.slice(0, ERROR_CHARS),
    tookMs: Date.now() - started,
  });
  return new Promise<AttemptOutcome>((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        lookup,
        timeout: options.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'scamgraph-webhooks/1',
          [ALERT_ID_HEADER]: request.alertId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(request.secret, timestamp, request.body),
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on('end', () =>
          resolve(
            status >= 200 && status < 300
              ? done('DELIVERED', status, null)
              : status >= 300 && status < 400
                ? done('REDIRECT', status, `redirect to ${response.headers.location ?? '?'} not followed`)
                : done('HTTP_ERROR', status, `HTTP ${status}`),
          ),
        );
        response.on('error', (error) => resolve(done('NETWORK_ERROR', status, error.message)));
      },
    );
    // The whole attempt, not only idle time, is bounded: a receiver trickling bytes is as slow as a silent one.
    const deadline = setTimeout(
      () => outgoing.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'TIMEOUT' })),
      options.timeoutMs,
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'TIMEOUT' })),
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      resolve(
        done(
          error.code === 'TIMEOUT' ? 'TIMEOUT' : error.code === 'REFUSED_ADDRESS' ? 'REFUSED_ADDRESS' : 'NETWORK_ERROR',
          null,
          `${error.code ?? 'ERROR'}: ${error.message}`,
        ),
      );
    });
    outgoing.on('close', () => clearTimeout(deadline));
    outgoing.end(request.body);
  });
}
