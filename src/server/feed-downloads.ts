import { Router, type Response } from 'express';
import { allowedRoles } from '../auth/roles.js';
import { FeedQueryError, parseFeedQuery, type FeedPage, type FeedService } from '../monitoring/feed.js';
import { feedCsv, feedJson, feedStix } from '../monitoring/feed-formats.js';
import type { ErrorCode } from '../graphql/error-codes.js';
import type { Authenticator } from './authentication.js';
import { refusalOf, refuseAsGraphql } from './refusal.js';

/** Longest suffix first: "indicators.stix.json" is STIX, not plain JSON. */
const FORMATS: ReadonlyArray<readonly [string, string, (page: FeedPage) => string]> = [
  ['.stix.json', 'application/stix+json;version=2.1', (page) => feedStix(page)],
  ['.json', 'application/json', feedJson],
  ['.csv', 'text/csv; charset=utf-8', feedCsv],
];

const refuse = (response: Response, code: ErrorCode, message: string, extra: Record<string, unknown> = {}) =>
  refuseAsGraphql(response, { code, message }, extra);

/**
 * GET /feeds/indicators.<json|csv|stix.json>?kinds=phone,domain&verdicts=HIGH_RISK&cursor=…&limit=…:
 * what changed since the cursor, for a blocking system polling every minute with an ANALYST or
 * ADMIN key (401, 403 and 429 as GraphQL answers them). The next cursor is in X-Feed-Cursor and
 * in the Link header (rel="next"), and in the JSON body; X-Feed-Has-More: true means ask again now.
 */
export function feedDownloads(authenticator: Authenticator, feeds: FeedService): Router {
  const router = Router();
  router.get('/:file', async (request, response, next) => {
    try {
      const caller = await authenticator.caller(request.headers.authorization);
      if (!allowedRoles('query', 'checkNumbers').includes(caller.role)) {
        return refuse(response, 'FORBIDDEN', `feeds need an ANALYST or ADMIN key; this key is ${caller.role}`);
      }
      const format = FORMATS.find(([suffix]) => request.params.file === `indicators${suffix}`);
      if (!format) return refuse(response, 'NOT_FOUND', `ask for /feeds/indicators${FORMATS.map(([suffix]) => suffix).join(', ')}`);
      const [suffix, contentType, render] = format;
      const page = await feeds.page(parseFeedQuery(request.query as Record<string, unknown>));
      const nextQuery = new URLSearchParams({ ...(request.query as Record<string, string>), cursor: page.cursor });
      response
        .type(contentType)
        .setHeader('cache-control', 'private, no-store')
        .setHeader('x-feed-cursor', page.cursor)
        .setHeader('x-feed-has-more', String(page.hasMore))
        .setHeader('link', `</feeds/indicators${suffix}?${nextQuery}>; rel="next"`)
        .send(render(page));
    } catch (error) {
      if (error instanceof FeedQueryError) return refuse(response, 'INVALID_VALUE', error.message, { field: error.field });
      const refusal = refusalOf(error);
      if (refusal) return refuseAsGraphql(response, refusal);
      next(error);
    }
  });
  return router;
}
