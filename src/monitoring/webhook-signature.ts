import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers every webhook request carries (README: verifying a webhook). */
export const SIGNATURE_HEADER = 'x-scamgraph-signature';
export const TIMESTAMP_HEADER = 'x-scamgraph-timestamp';
export const ALERT_ID_HEADER = 'x-scamgraph-alert-id';
/** A receiver should refuse a request whose timestamp is further than this from its own clock (a replay). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the timestamp is inside what is signed, so
 * an old request replayed with a fresh timestamp fails, and one replayed as it was is too old.
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

export type Verification = { ok: true } | { ok: false; reason: 'MISSING_HEADERS' | 'BAD_SIGNATURE' | 'TOO_OLD' };

/**
 * What a receiver runs on the raw body before parsing it: the signature must match (compared in
 * constant time) and the timestamp be within `toleranceSeconds` of `nowSeconds`. Deduplicating on
 * the alert id (delivery is at least once) is the receiver's part.
 */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Verification {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return { ok: false, reason: 'MISSING_HEADERS' };
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'TOO_OLD' };
  return { ok: true };
}
