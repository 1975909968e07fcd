import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiKeyService, Caller } from '../auth/api-key.service.js';
import { refusal } from '../graphql/errors.js';

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
    if (!key) throw refusal('UNAUTHENTICATED', 'send an API key as "Authorization: Bearer <key>"');
    const caller = await this.keys.verify(key);
    if (!caller) throw refusal('UNAUTHENTICATED', 'this API key is unknown or revoked');
    try {
      await this.limiter.consume(caller.keyId);
    } catch (spent) {
      if (!(spent instanceof RateLimiterRes)) throw spent;
      const retryAfterSeconds = Math.ceil(spent.msBeforeNext / 1000);
      throw refusal('RATE_LIMITED', `too many requests for this key; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
    return caller;
  }
}
