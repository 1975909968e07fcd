import { BrandService } from '../../src/brands/brand.service.js';
import type { GraphExecutor } from '../../src/graph/executor.js';
import { BRANDS } from '../../src/synthetic/brands.data.js';

/**
 * A clean graph with the generator's brands registered, as a deployment would have them: relationships
 * first, then nodes (nodes with their relationships ran out of transaction memory at a million reports).
 */
export async function emptyGraph(graph: GraphExecutor): Promise<void> {
  await graph.autoCommit('maintenance/delete-relationships');
  await graph.autoCommit('maintenance/delete-everything');
  const brands = new BrandService(graph);
  for (const { slug, name, aliases, officialNumbers, officialDomains } of BRANDS)
    await brands.upsert({ slug, name, aliases, officialNumbers, officialDomains });
}
