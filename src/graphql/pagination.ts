import { ScamgraphError } from './errors.js';
import type { Connection } from './types/connection.type.js';

export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

export type CursorKey = (string | number)[];

/** Cursors are opaque to clients: the sort key of the last edge, so pages stay stable as data grows. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each part of a connection's cursor holds. Given, a forged cursor of another shape is
 * INVALID_CURSOR here instead of a database error (Cypher's datetime() refuses what it cannot parse).
 */
export type CursorShape = readonly ('string' | 'number' | 'datetime')[];

/** A date-time as toString() of a UTC Neo4j datetime writes it, with every field in range. */
function isDateTime(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

const fits = (part: unknown, kind: CursorShape[number]): boolean =>
  kind === 'number'
    ? typeof part === 'number' && Number.isFinite(part)
    : typeof part === 'string' && (kind === 'string' || isDateTime(part));

export function decodeCursor(cursor: string, shape?: CursorShape): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const valid =
      Array.isArray(key) &&
      (shape
        ? key.length === shape.length && key.every((part, i) => fits(part, shape[i]!))
        : key.every((part) => typeof part === 'string' || typeof part === 'number'));
    if (valid) return key as CursorKey;
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
export function pageRequest(first: number | null | undefined, after: string | null | undefined, shape?: CursorShape): PageRequest {
  const size = first ?? PAGE_DEFAULT;
  if (!Number.isInteger(size) || size < 0 || size > PAGE_MAX) {
    throw new ScamgraphError('PAGE_TOO_LARGE', `first must be between 0 and ${PAGE_MAX}, got ${size}`);
  }
  return { first: size, after: after ? decodeCursor(after, shape) : null };
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
