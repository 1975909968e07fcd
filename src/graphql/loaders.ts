import DataLoader from 'dataloader';
import type { GraphExecutor } from '../graph/executor.js';
import type { StatementName } from '../graph/cypher-registry.js';

export type Props = Record<string, unknown>;

/**
 * A loader over a statement that takes `$keys` and returns `key, node` rows: one UNWIND round
 * trip per tick of the resolver tree, however many objects ask.
 */
function keyedLoader(graph: GraphExecutor, statement: StatementName): DataLoader<string, Props | null> {
  return new DataLoader(async (keys) => {
    const rows = await graph.read(statement, { keys: [...keys] });
    const byKey = new Map(rows.map((row) => [row['key'] as string, row['node'] as Props]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Made anew for every request, so no answer outlives it (DataLoader caches per instance). */
export function createLoaders(graph: GraphExecutor) {
  return {
    reportById: keyedLoader(graph, 'reads/report-by-ids'),
    reportLinks: keyedLoader(graph, 'reads/report-links'),
    phoneByE164: keyedLoader(graph, 'reads/phone-numbers-by-e164'),
    domainByName: keyedLoader(graph, 'reads/domains-by-name'),
    brandBySlug: keyedLoader(graph, 'reads/brands-by-slug'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
