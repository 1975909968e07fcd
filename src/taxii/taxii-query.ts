import { decodeCursor, FeedQueryError } from '../monitoring/feed.js';
import { quote } from '../text/excerpt.js';
import { TaxiiRefusedError } from './taxii-error.js';
import { AFTER_EVERY_ID, toDateAdded, type DatedObject, type Place, type StixObject } from './taxii-paging.js';

/** Most objects one page holds, and the size of a page when the client names none. */
export const TAXII_PAGE_MAX = 1_000;

export interface TaxiiQuery {
  /** Where this page starts: after added_after and after the place `next` names, whichever is later. */
  readonly after: Place | null;
  readonly limit: number;
  readonly ids: ReadonlySet<string> | null;
  readonly types: ReadonlySet<string> | null;
  readonly specVersions: ReadonlySet<string> | null;
  /** Timestamps an object's version must be one of; null: any (last, first and all are the one version held). */
  readonly versions: ReadonlySet<string> | null;
}

const later = (a: Place | null, b: Place | null): Place | null =>
  a === null ? b : b === null ? a : a.at > b.at || (a.at === b.at && a.id > b.id) ? a : b;

const set = (raw: unknown): ReadonlySet<string> | null =>
  raw === undefined
    ? null
    : new Set(
        String(raw)
          .split(',')
          .map((value) => value.trim()),
      );

/**
 * The query string of GET …/objects/ and …/manifest/: added_after, limit (above TAXII_PAGE_MAX
 * answers TAXII_PAGE_MAX, as §3.4.1 lets a server), next, match[id], match[type],
 * match[spec_version] and match[version]. A collection holds one version of each object, its
 * last, so version "last", "first" and "all" all answer it; other match[] filters are ignored, so
 * a client asking for one gets more, never less, than it asked for.
 */
export function parseTaxiiQuery(params: Record<string, unknown>): TaxiiQuery {
  const limit = params['limit'] === undefined ? TAXII_PAGE_MAX : Number(params['limit']);
  if (!Number.isInteger(limit) || limit < 1)
    throw new TaxiiRefusedError('INVALID_VALUE', `limit must be a positive integer; got ${quote(params['limit'])}`);
  const rawAfter = params['added_after'];
  if (rawAfter !== undefined && Number.isNaN(Date.parse(String(rawAfter))))
    throw new TaxiiRefusedError('INVALID_VALUE', `added_after must be a timestamp (RFC 3339); got ${quote(rawAfter)}`);
  const addedAfter = rawAfter === undefined ? null : { at: toDateAdded(String(rawAfter)), id: AFTER_EVERY_ID };
  let next: Place | null;
  try {
    next = decodeCursor(params['next'], 'next');
  } catch (error) {
    if (error instanceof FeedQueryError) throw new TaxiiRefusedError('INVALID_CURSOR', error.message);
    throw error;
  }
  const versions = [...(set(params['match[version]']) ?? [])].filter((version) => !['last', 'first', 'all'].includes(version));
  const badVersion = versions.find((version) => Number.isNaN(Date.parse(version)));
  if (badVersion !== undefined)
    throw new TaxiiRefusedError('INVALID_VALUE', `match[version] takes last, first, all or timestamps; got ${quote(badVersion)}`);
  return {
    after: later(addedAfter, next),
    limit: Math.min(limit, TAXII_PAGE_MAX),
    ids: set(params['match[id]']),
    types: set(params['match[type]']),
    specVersions: set(params['match[spec_version]']),
    versions: versions.length > 0 ? new Set(versions.map(toDateAdded)) : null,
  };
}

/** Whether an object passes the query's match[] filters (not its place: the source applies that). */
export function matches(query: TaxiiQuery, { object }: DatedObject): boolean {
  return (
    (query.ids === null || query.ids.has(object.id)) &&
    (query.types === null || query.types.has(object.type)) &&
    (query.specVersions === null || query.specVersions.has(String(object['spec_version'] ?? '2.0'))) &&
    (query.versions === null || query.versions.has(toDateAdded(versionOf(object) ?? '')))
  );
}

/** An object's version (TAXII 2.1 §3.4.2): its `modified`, else its `created`; an SCO has neither and matches no timestamp. */
export const versionOf = (object: StixObject): string | undefined =>
  (object['modified'] as string | undefined) ?? (object['created'] as string | undefined);
