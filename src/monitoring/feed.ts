import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import type { CheckService } from '../scoring/check.service.js';
import type { Verdict } from '../scoring/verdict.js';
import { quote } from '../text/excerpt.js';

export const FEED_KINDS = ['phone', 'domain'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
const VERDICTS: readonly Verdict[] = ['HIGH_RISK', 'SUSPICIOUS', 'OFFICIAL', 'UNKNOWN'];
/** Reports read per page: each names a few indicators, so a page holds up to a few thousand. */
export const FEED_PAGE_MAX = 5_000;
const FIRST_POLL_HOURS = 24;

export interface FeedQuery {
  readonly kinds: readonly FeedKind[];
  readonly verdicts: readonly Verdict[];
  /** Where the last page ended; null: the last FIRST_POLL_HOURS hours. */
  readonly after: { readonly at: string; readonly id: string } | null;
  readonly limit: number;
}

export interface FeedItem {
  readonly kind: FeedKind;
  readonly value: string;
  readonly verdict: Verdict;
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface FeedPage {
  readonly items: readonly FeedItem[];
  /** Pass it back as `cursor` for the next page: the same query then answers only what changed since. */
  readonly cursor: string;
  /** True when this page stopped at `limit`: ask again at once. */
  readonly hasMore: boolean;
}

export class FeedQueryError extends Error {
  override name = 'FeedQueryError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const list = <T extends string>(raw: unknown, allowed: readonly T[], field: string, all: readonly T[]): T[] => {
  if (raw === undefined || raw === '') return [...all];
  const values = String(raw)
    .split(',')
    .map((value) => value.trim());
  const bad = values.find((value) => !(allowed as readonly string[]).includes(value));
  if (bad !== undefined) throw new FeedQueryError(field, `${field} takes ${allowed.join(', ')}, comma-separated; got ${quote(bad)}`);
  return values as T[];
};

/** A place in a stream ordered by time then id, as an opaque token: the feed's cursor, TAXII's `next`. */
export const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

/** The place an encodeCursor token names; null when absent; FeedQueryError(field) when it is not one. */
export function decodeCursor(raw: unknown, field = 'cursor'): FeedQuery['after'] {
  if (raw === undefined || raw === '') return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(String(raw).slice(0, 400), 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // answered below
  }
  throw new FeedQueryError(field, `${field} must be one a page of this server returned; got ${quote(raw)}`);
}

/** The query string of GET /feeds/indicators.<format>: kinds, verdicts (HIGH_RISK when absent), cursor, limit. */
export function parseFeedQuery(params: Record<string, unknown>): FeedQuery {
  const limit = params['limit'] === undefined ? 1_000 : Number(params['limit']);
  if (!Number.isInteger(limit) || limit < 1 || limit > FEED_PAGE_MAX)
    throw new FeedQueryError('limit', `limit must be 1 to ${FEED_PAGE_MAX}; got ${quote(params['limit'])}`);
  return {
    kinds: list(params['kinds'], FEED_KINDS, 'kinds', FEED_KINDS),
    verdicts: list(params['verdicts'], VERDICTS, 'verdicts', ['HIGH_RISK']),
    after: decodeCursor(params['cursor']),
    limit,
  };
}

/**
 * Indicators changed since a cursor, like abuse.ch's recent lists: those named by reports written
 * after it, with their verdict now, filtered by verdict. The window ends `settleMs` in the past: a
 * report's write time is its transaction's, and one still open then has committed by the time the
 * window reaches it (no ingest transaction outlives its request's deadline), so polling with each
 * page's cursor misses no report; an indicator named again comes again.
 */
/** The row of monitoring/feed-changes: how many reports it read, the last one (null when none), what they name. */
const FEED_ROW = z.object({
  read: z.number(),
  lastAt: z.string().nullable(),
  lastId: z.string().nullable(),
  phones: z.array(z.string()),
  domains: z.array(z.string()),
});

export class FeedService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly checks: CheckService,
    private readonly settleMs: number,
  ) {}

  async page(query: FeedQuery, now = new Date()): Promise<FeedPage> {
    const until = new Date(now.getTime() - this.settleMs).toISOString();
    const since = query.after ?? { at: new Date(now.getTime() - FIRST_POLL_HOURS * 3_600_000).toISOString(), id: '' };
    const [row] = await this.graph.readAs('monitoring/feed-changes', FEED_ROW, {
      since: since.at,
      sinceId: since.id,
      until,
      limit: query.limit,
      kinds: [...query.kinds],
    });
    const read = row?.read ?? 0;
    const items = (await checkedItems(this.checks, row?.phones ?? [], row?.domains ?? [])).filter((item) =>
      query.verdicts.includes(item.verdict),
    );
    // With nothing new up to `until`, everything before it has been read.
    // A page that read reports has a last one.
    const last = read > 0 && row && row.lastAt !== null && row.lastId !== null ? { at: row.lastAt, id: row.lastId } : null;
    const cursor = last ? encodeCursor(last.at, last.id) : encodeCursor(until, '');
    return { items, cursor, hasMore: read === query.limit };
  }
}

/** Phone numbers and domains as feed items: each with its verdict, score and reasons now (one batched check per kind). */
export async function checkedItems(checks: CheckService, phones: readonly string[], domains: readonly string[]): Promise<FeedItem[]> {
  const [numbers, domainChecks] = await Promise.all([
    phones.length > 0 ? checks.checkNumbers([...phones]) : [],
    domains.length > 0 ? checks.checkDomains(domains.map((domain) => ({ domain, hostname: domain }))) : [],
  ]);
  const item = (kind: FeedKind, value: string, check: { verdict: Verdict; score: number; reasons: readonly { code: string }[] }) => ({
    kind,
    value,
    verdict: check.verdict,
    score: check.score,
    reasons: check.reasons.map((reason) => reason.code),
  });
  return [
    ...numbers.map((check) => item('phone', check.e164 as string, check)),
    ...domainChecks.map((check) => item('domain', check.domain as string, check)),
  ];
}
