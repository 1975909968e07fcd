import DataLoader from 'dataloader';
import type { GraphExecutor } from '../graph/executor.js';
import type { StatementName } from '../graph/cypher-registry.js';
import { pageRequest, toConnection, type CursorShape, type FetchedEdge, type PageRequest } from './pagination.js';
import type { Connection } from './types/connection.type.js';

export type Props = Record<string, unknown>;

/**
 * A loader over a statement that takes `$keys` (and `params`) and returns `key, node` rows: one
 * UNWIND round trip per tick of the resolver tree, however many objects ask.
 */
export function keyedLoader(graph: GraphExecutor, statement: StatementName, params: Record<string, unknown> = {}): DataLoader<string, Props | null> {
  return new DataLoader(async (keys) => {
    const rows = await graph.read(statement, { ...params, keys: [...keys] });
    const byKey = new Map(rows.map((row) => [row['key'] as string, row['node'] as Props]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Most related items a plain list field returns, strongest evidence first. */
export const LIST_LIMIT = 100;

/** Like keyedLoader, for statements returning `key, nodes`: a related list per key. */
export function listLoader(graph: GraphExecutor, statement: StatementName): DataLoader<string, Props[]> {
  return new DataLoader(async (keys) => {
    const rows = await graph.read(statement, { keys: [...keys], limit: LIST_LIMIT });
    const byKey = new Map(rows.map((row) => [row['key'] as string, row['nodes'] as Props[]]));
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

export interface PageKey extends PageRequest {
  readonly key: string;
}

export interface FetchedPage {
  readonly edges: FetchedEdge[];
  readonly totalCount: number;
}

/** One page per parent, every parent of a request in one round trip (statements take `$pages`). */
function pageLoader(graph: GraphExecutor, statement: StatementName): DataLoader<PageKey, FetchedPage, string> {
  return new DataLoader(
    async (pages) => {
      const rows = await graph.read(statement, {
        pages: pages.map((page) => ({ id: JSON.stringify(page), ...page })),
        limit: Math.max(...pages.map((page) => page.first)) + 1,
      });
      const byId = new Map(rows.map((row) => [row['id'] as string, row as unknown as FetchedPage]));
      return pages.map((page) => byId.get(JSON.stringify(page)) ?? { edges: [], totalCount: 0 });
    },
    { cacheKeyFn: (page) => JSON.stringify(page) },
  );
}

/** Made anew for every request, so no answer outlives it (DataLoader caches per instance). */
export function createLoaders(graph: GraphExecutor) {
  return {
    reportById: keyedLoader(graph, 'reads/report-by-ids'),
    reportLinks: keyedLoader(graph, 'reads/report-links'),
    phoneByE164: keyedLoader(graph, 'reads/phone-numbers-by-e164'),
    domainByName: keyedLoader(graph, 'reads/domains-by-name'),
    brandBySlug: keyedLoader(graph, 'reads/brands-by-slug'),
    phoneBrands: listLoader(graph, 'reads/phone-brands'),
    phoneDomains: listLoader(graph, 'reads/phone-domains'),
    domainCallbackNumbers: listLoader(graph, 'reads/domain-callback-numbers'),
    domainBrands: listLoader(graph, 'reads/domain-brands'),
    brandDomains: listLoader(graph, 'reads/brand-domains'),
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
  shape?: CursorShape,
): Promise<Connection<T>> {
  const page = pageRequest(first, after, shape);
  const fetched = await loader.load({ key, ...page });
  return toConnection(fetched.edges, page.first, fetched.totalCount);
}
