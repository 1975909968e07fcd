import DataLoader from 'dataloader';
import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { projectedEdges } from '../graph/values.js';
import type { StatementName } from '../graph/cypher-registry.js';
import { pageRequest, toConnection, type CursorShape, type FetchedEdge, type PageRequest } from './pagination.js';
import type { Connection } from './types/connection.type.js';

export type Props = Record<string, unknown>;

/** A node (or map) passed to resolvers as it came: its properties are the GraphQL types' to read. */
export const PROPS = z.record(z.string(), z.unknown());

/** A row of a keyed statement (keyedLoader, campaign loaders): `key, node`. */
export const KEYED_ROW = z.object({ key: z.string(), node: PROPS });

/** A row of a list statement (listLoader): `key, nodes`. */
const LIST_ROW = z.object({ key: z.string(), nodes: z.array(PROPS) });

/** A row of a listed statement (listedLoader): `key, node, lists`, each list by name. */
const LISTED_ROW = z.object({ key: z.string(), node: PROPS, lists: z.record(z.string(), z.array(PROPS)) });

/** A row of a page statement (pageLoader): `id, edges, totalCount`, and `parent` where the statement returns one. */
const PAGE_ROW = z.object({
  id: z.string(),
  /** A node is a map, or the list of the values of `$properties` (projectedEdges makes it a map). */
  edges: z.array(z.object({ node: z.unknown(), cursor: z.array(z.union([z.string(), z.number()])) })),
  totalCount: z.number(),
  parent: PROPS.optional(),
});

/**
 * A loader over a statement that takes `$keys` (and `params`) and returns `key, node` rows: one
 * UNWIND round trip per tick of the resolver tree, however many objects ask.
 */
export function keyedLoader(
  graph: GraphExecutor,
  statement: StatementName,
  params: Record<string, unknown> = {},
): DataLoader<string, Props | null> {
  return new DataLoader(async (keys) => {
    const rows = await graph.readAs(statement, KEYED_ROW, { ...params, keys: [...keys] });
    const byKey = new Map(rows.map((row) => [row.key, row.node]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Most related items a plain list field returns, strongest evidence first. */
export const LIST_LIMIT = 100;

/** Like keyedLoader, for statements returning `key, nodes`: a related list per key. */
export function listLoader(graph: GraphExecutor, statement: StatementName): DataLoader<string, Props[]> {
  return new DataLoader(async (keys) => {
    const rows = await graph.readAs(statement, LIST_ROW, { keys: [...keys], limit: LIST_LIMIT });
    const byKey = new Map(rows.map((row) => [row.key, row.nodes]));
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** What a key asks of a listed loader: the node, and which of its related lists. */
export interface ListedKey {
  readonly key: string;
  readonly lists: readonly string[];
}

/** A node with the related lists it was asked for. */
export interface Listed {
  readonly node: Props;
  readonly lists: Readonly<Record<string, Props[]>>;
}

type ListedLoader = DataLoader<ListedKey, Listed | null, string>;

/**
 * Nodes by key, each with related lists, over a statement that takes `$keys`, `$lists` and
 * `$limit` and returns `key, node, lists`: every key of a tick in one round trip, asking for
 * every list any of them wants.
 */
function listedLoader(graph: GraphExecutor, statement: StatementName): ListedLoader {
  return new DataLoader(
    async (wanted) => {
      const rows = await graph.readAs(statement, LISTED_ROW, {
        keys: [...new Set(wanted.map((each) => each.key))],
        lists: [...new Set(wanted.flatMap((each) => each.lists))],
        limit: LIST_LIMIT,
      });
      const byKey = new Map<string, Listed>(rows.map((row) => [row.key, { node: row.node, lists: row.lists }]));
      return wanted.map((each) => byKey.get(each.key) ?? null);
    },
    { cacheKeyFn: (each) => `${each.lists.join(',')}|${each.key}` },
  );
}

/**
 * A node fetched with the lists its query selects on it (look-ahead), in one round trip; each
 * list is then primed for its own field, which so costs nothing more.
 */
export async function nodeWithLists(loader: ListedLoader, key: string, lists: readonly string[]): Promise<Props | null> {
  const found = await loader.load({ key, lists: [...lists].sort() });
  if (found) for (const list of lists) loader.prime({ key, lists: [list] }, found);
  return found?.node ?? null;
}

/** One related list of a node; the same field on many nodes is one round trip. */
export async function relatedList(loader: ListedLoader, key: string, list: string): Promise<Props[]> {
  return (await loader.load({ key, lists: [list] }))?.lists[list] ?? [];
}

export interface PageKey extends PageRequest {
  readonly key: string;
  /** The node properties to fetch, for a statement that takes `$properties`; null: all. */
  readonly properties?: readonly string[] | null;
}

export interface FetchedPage {
  readonly edges: FetchedEdge[];
  readonly totalCount: number;
  /** The node the page hangs from; absent when there is none. */
  readonly parent?: Props | undefined;
}

/**
 * One page per parent, every parent of a request in one round trip (statements take `$pages`,
 * return `id, edges, totalCount` and may return `parent`). A statement that takes `$properties`
 * returns each node as the list of those values: the pages of a batch ask for all their keys want.
 */
function pageLoader(graph: GraphExecutor, statement: StatementName): DataLoader<PageKey, FetchedPage, string> {
  const projects = graph.statement(statement).parameters.has('properties');
  return new DataLoader(
    async (pages) => {
      const properties = projects ? unionOf(pages.map((page) => page.properties ?? null)) : undefined;
      const rows = await graph.readAs(statement, PAGE_ROW, {
        pages: pages.map(({ properties: _, ...page }) => ({ id: JSON.stringify(page), ...page })),
        limit: Math.max(...pages.map((page) => page.first)) + 1,
        ...(properties !== undefined ? { properties } : {}),
      });
      const byId = new Map<string, FetchedPage>(rows.map(({ id, ...page }) => [id, page]));
      return pages.map(({ properties: _, ...page }) => {
        const fetched = byId.get(JSON.stringify(page)) ?? { edges: [], totalCount: 0 };
        return properties ? { ...fetched, edges: projectedEdges(fetched.edges, properties) } : fetched;
      });
    },
    { cacheKeyFn: (page) => JSON.stringify(page) },
  );
}

/** Every property any of them asks for; null when one asks for all. */
const unionOf = (wanted: readonly (readonly string[] | null)[]): string[] | null =>
  wanted.includes(null) ? null : [...new Set(wanted.flatMap((properties) => properties ?? []))];

/** Made anew for every request, so no answer outlives it (DataLoader caches per instance). */
export function createLoaders(graph: GraphExecutor) {
  return {
    reportById: keyedLoader(graph, 'reads/report-by-ids'),
    reportLinks: keyedLoader(graph, 'reads/report-links'),
    phones: listedLoader(graph, 'reads/phone-numbers'),
    domains: listedLoader(graph, 'reads/domains'),
    brands: listedLoader(graph, 'reads/brands'),
    phoneReports: pageLoader(graph, 'reads/phone-reports-page'),
    brandCallbackNumbers: pageLoader(graph, 'reads/brand-callback-numbers-page'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A connection field's whole answer: checks first and after, loads the page batched, shapes it. */
export async function connectionFrom<T>(
  loader: DataLoader<PageKey, FetchedPage, string>,
  key: string,
  first: number | null,
  after: string | null,
  options: { shape?: CursorShape; properties?: readonly string[] | null } = {},
): Promise<Connection<T>> {
  const page = pageRequest(first, after, options.shape);
  const fetched = await loader.load({ key, ...page, properties: options.properties ?? null });
  return toConnection(fetched.edges, page.first, fetched.totalCount);
}

/**
 * The node a page hangs from, fetched with the page in one round trip (a root field that sees
 * its query select the page); undefined when the page arguments are bad, so the caller looks
 * the node up alone and the page field reports its own error.
 */
export async function parentWithPage(
  loader: DataLoader<PageKey, FetchedPage, string>,
  key: string,
  args: Readonly<Record<string, unknown>>,
  properties: readonly string[] | null,
): Promise<Props | null | undefined> {
  let page: PageRequest;
  try {
    page = pageRequest((args['first'] as number | undefined) ?? null, (args['after'] as string | undefined) ?? null);
  } catch {
    return undefined;
  }
  return (await loader.load({ key, ...page, properties })).parent ?? null;
}
