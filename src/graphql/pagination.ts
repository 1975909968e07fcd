import { ScamgraphError } from './errors.js';
import type { Connection } from './types/connection.type.js';

export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

export type CursorKey = (string | number)[];

/** Cursors are opaque to clients: the sort key of the last edge, so pages stay stable as data grows. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((part) => typeof part === 'string' || typeof part === 'number')) return key;
  } catch {
    // fall through: any undecodable cursor gets the same answer
  }
  throw new ScamgraphError('INVALID_CURSOR', 'after is not a cursor this API gave out');
}

export interface PageRequest {
  readonly first: number;
  readonly after: CursorKey | null;
}

/** Checks `first` and `after`; a page larger than PAGE_MAX is refused, not silently cut. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? PAGE_DEFAULT;
  if (!Number.isInteger(size) || size < 0 || size > PAGE_MAX) {
    throw new ScamgraphError('PAGE_TOO_LARGE', `first must be between 0 and ${PAGE_MAX}, got ${size}`);
  }
  return { first: size, after: after ? decodeCursor(after) : null };
}

export interface FetchedEdge {
  readonly node: unknown;
  readonly cursor: CursorKey;
}

/** A page fetched with one extra edge: the extra one only says there is a next page. */
export function toConnection<T>(fetched: readonly FetchedEdge[], first: number, totalCount: number): Connection<T> {
  const edges = fetched.slice(0, first).map((edge) => ({ cursor: encodeCursor(edge.cursor), node: edge.node as T }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: fetched.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
