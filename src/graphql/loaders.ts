import DataLoader from 'dataloader';
import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { projectedEdges } from '../graph/values.js';
import type { StatementName } from '../graph/cypher-registry.js';
import { pageRequest, toConnection, type CursorShape, type FetchedEdge, type PageRequest } from './pagination.js';
import type { Brand } from './types/brand.type.js';
import type { Connection } from './types/connection.type.js';
import type { Domain, PhoneNumber } from './types/indicator.types.js';
import type { Report } from './types/report.type.js';

export type Props = Record<string, unknown>;

/** A node (or map) passed to resolvers as it came: its properties are the GraphQL types' to read. */
export const PROPS = z.record(z.string(), z.unknown());

/** A row of a keyed statement (keyedLoader, campaign loaders): `key, node`, the node of the shape given. */
export const keyedRow = <T>(node: z.ZodType<T>) => z.object({ key: z.string(), node });

/**
 * A node's properties (`n {.*}`) as the GraphQL type that reads them: checked to be a map with
 * its key property a string, so a statement answering another kind of node fails as a RowShapeError;
 * the other properties are the writes' to keep, and nullable fields read an absent one as null.
 */
export const nodeShape = <T extends object>(key: keyof T & string): z.ZodType<T> =>
  z.custom<T>(
    (value) => {
      const map = PROPS.safeParse(value);
      return map.success && typeof map.data[key] === 'string';
    },
    { message: `a node with a string ${key}` },
  );

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
export function keyedLoader<T>(
  graph: GraphExecutor,
  statement: StatementName,
  node: z.ZodType<T>,
  params: Record<string, unknown> = {},
): DataLoader<string, T | null> {
  const shape = keyedRow(node);
  return new DataLoader(async (keys) => {
    const rows = await graph.readAs(statement, shape, { ...params, keys: [...keys] });
    const byKey = new Map(rows.map((row) => [row.key, row.node]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Most related items a plain list field returns, strongest evidence first. */
export const LIST_LIMIT = 100;

/** Like keyedLoader, for statements returning `key, nodes` (each of the shape `node`): a related list per key. */
export function listLoader<N>(graph: GraphExecutor, statement: StatementName, node: z.ZodType<N>): DataLoader<string, N[]> {
  const row = z.object({ key: z.string(), nodes: z.array(node) });
  return new DataLoader(async (keys) => {
    const rows = await graph.readAs(statement, row, { keys: [...keys], limit: LIST_LIMIT });
    const byKey = new Map(rows.map((each) => [each.key, each.nodes]));
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** What a key asks of a listed loader: the node, and which of its related lists. */
export interface ListedKey {
  readonly key: string;
  readonly lists: readonly string[];
}

/** Each related list of a listed loader's node by name, its items of the list's own shape. */
type Lists = Record<string, readonly unknown[]>;

/** A node with the related lists it was asked for (the statement answers every list, empty unless asked). */
export interface Listed<N, L extends Lists> {
  readonly node: N;
  readonly lists: Readonly<L>;
}

type ListedLoader<N, L extends Lists> = DataLoader<ListedKey, Listed<N, L> | null, string>;

/**
 * Nodes by key, each with related lists, over a statement that takes `$keys`, `$lists` and
 * `$limit` and returns `key, node, lists` (of the shapes `node` and `lists`): every key of a tick
 * in one round trip, asking for every list any of them wants.
 */
function listedLoader<N, L extends Lists>(
  graph: GraphExecutor,
  statement: StatementName,
  node: z.ZodType<N>,
  lists: z.ZodType<L>,
): ListedLoader<N, L> {
  const row = z.object({ key: z.string(), node, lists });
  return new DataLoader(
    async (wanted) => {
      const rows = await graph.readAs(statement, row, {
        keys: [...new Set(wanted.map((each) => each.key))],
        lists: [...new Set(wanted.flatMap((each) => each.lists))],
        limit: LIST_LIMIT,
      });
      const byKey = new Map<string, Listed<N, L>>(rows.map((each) => [each.key, { node: each.node, lists: each.lists }]));
      return wanted.map((each) => byKey.get(each.key) ?? null);
    },
    { cacheKeyFn: (each) => `${each.lists.join(',')}|${each.key}` },
  );
}

/**
 * A node fetched with the lists its query selects on it (look-ahead), in one round trip; each
 * list is then primed for its own field, which so costs nothing more.
 */
export async function nodeWithLists<N, L extends Lists>(
  loader: ListedLoader<N, L>,
  key: string,
  lists: readonly (keyof L & string)[],
): Promise<N | null> {
  const found = await loader.load({ key, lists: [...lists].sort() });
  if (found) for (const list of lists) loader.prime({ key, lists: [list] }, found);
  return found?.node ?? null;
}

/** One related list of a node; the same field on many nodes is one round trip. */
export async function relatedList<N, L extends Lists, K extends keyof L & string>(
  loader: ListedLoader<N, L>,
  key: string,
  list: K,
): Promise<L[K] | []> {
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

const PHONE = nodeShape<PhoneNumber>('e164');
const DOMAIN = nodeShape<Domain>('name');
const BRAND = nodeShape<Brand>('slug');

/** Made anew for every request, so no answer outlives it (DataLoader caches per instance). */
export function createLoaders(graph: GraphExecutor) {
  return {
    reportById: keyedLoader(graph, 'reads/report-by-ids', nodeShape<Report>('id')),
    reportLinks: keyedLoader(graph, 'reads/report-links', PROPS),
    phones: listedLoader(graph, 'reads/phone-numbers', PHONE, z.object({ brands: z.array(BRAND), domains: z.array(DOMAIN) })),
    domains: listedLoader(graph, 'reads/domains', DOMAIN, z.object({ callbackNumbers: z.array(PHONE), brands: z.array(BRAND) })),
    brands: listedLoader(graph, 'reads/brands', BRAND, z.object({ domains: z.array(DOMAIN) })),
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
