import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiKeyService, Caller } from '../auth/api-key.service.js';

const httpError = (code: string, status: number, message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, http: { status }, ...extra } });

/**
 * Who is calling, from `Authorization: Bearer <key>`, within their rate: UNAUTHENTICATED (401)
 * without a valid key, RATE_LIMITED (429, with retryAfterSeconds) over the per-key rate.
 */
export class Authenticator {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly keys: ApiKeyService,
    requestsPerMinute: number,
  ) {
    this.limiter = new RateLimiterMemory({ points: requestsPerMinute, duration: 60 });
  }

  async caller(authorization: string | undefined): Promise<Caller> {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!key) throw httpError('UNAUTHENTICATED', 401, 'send an API key as "Authorization: Bearer <key>"');
    const caller = await this.keys.verify(key);
    if (!caller) throw httpError('UNAUTHENTICATED', 401, 'this API key is unknown or revoked');
    try {
      await this.limiter.consume(caller.keyId);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfterSeconds = Math.ceil(refusal.msBeforeNext / 1000);
      throw httpError('RATE_LIMITED', 429, `too many requests for this key; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
    return caller;
  }
}
