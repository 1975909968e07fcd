import type { GraphExecutor } from '../graph/executor.js';
import { projectedEdges } from '../graph/values.js';

export interface CrossBrandPage {
  readonly edges: { node: unknown; cursor: (string | number)[] }[];
  readonly totalCount: number;
}

/** Numbers working across brands: the strongest sign of a shared operation, so ranked first. */
export class CrossBrandService {
  constructor(private readonly graph: GraphExecutor) {}

  /** `properties`: the numbers' properties to fetch; null: all. */
  async crossBrandNumbers(
    minBrands: number,
    page: { first: number; after: (string | number)[] | null },
    properties: readonly string[] | null,
  ): Promise<CrossBrandPage> {
    const [row] = await this.graph.read('reads/cross-brand-numbers-page', { minBrands, first: page.first, after: page.after, properties });
    return {
      edges: projectedEdges((row?.['edges'] ?? []) as CrossBrandPage['edges'], properties),
      totalCount: (row?.['totalCount'] ?? 0) as number,
    };
  }
}
