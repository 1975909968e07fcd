import type { GraphExecutor } from '../graph/executor.js';

export interface CrossBrandPage {
  readonly edges: { node: unknown; cursor: (string | number)[] }[];
  readonly totalCount: number;
}

/** Numbers working across brands: the strongest sign of a shared operation, so ranked first. */
export class CrossBrandService {
  constructor(private readonly graph: GraphExecutor) {}

  async crossBrandNumbers(minBrands: number, page: { first: number; after: (string | number)[] | null }): Promise<CrossBrandPage> {
    const [row] = await this.graph.read('reads/cross-brand-numbers-page', { minBrands, first: page.first, after: page.after });
    return { edges: (row?.['edges'] ?? []) as CrossBrandPage['edges'], totalCount: (row?.['totalCount'] ?? 0) as number };
  }
}
