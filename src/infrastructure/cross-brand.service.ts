import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { projectedEdges } from '../graph/values.js';

export interface CrossBrandPage {
  readonly edges: { node: unknown; cursor: (string | number)[] }[];
  readonly totalCount: number;
}

/** The row of reads/cross-brand-numbers-page: a node is a map, or the values of `$properties` (projectedEdges makes it a map). */
const PAGE_ROW = z.object({
  edges: z.array(z.object({ node: z.unknown(), cursor: z.array(z.union([z.string(), z.number()])) })),
  totalCount: z.number(),
});

/** Numbers working across brands: the strongest sign of a shared operation, so ranked first. */
export class CrossBrandService {
  constructor(private readonly graph: GraphExecutor) {}

  /** `properties`: the numbers' properties to fetch; null: all. */
  async crossBrandNumbers(
    minBrands: number,
    page: { first: number; after: (string | number)[] | null },
    properties: readonly string[] | null,
  ): Promise<CrossBrandPage> {
    const [row] = await this.graph.readAs('reads/cross-brand-numbers-page', PAGE_ROW, {
      minBrands,
      first: page.first,
      after: page.after,
      properties,
    });
    return {
      edges: projectedEdges(row?.edges ?? [], properties),
      totalCount: row?.totalCount ?? 0,
    };
  }
}
