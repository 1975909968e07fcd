import { gql } from '../api.js';
import { h, seenDay } from '../dom.js';
import { searchHref } from '../indicator.js';
import { pagedTable, row } from '../paged-table.js';

const PAGE = 25;
const CROSS_BRAND = `query CrossBrandNumbers($first: Int!, $after: String) {
  crossBrandNumbers(minBrands: 2, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { node { e164 brandCount brands { name } callbacks: reportCount(role: CALLBACK) firstSeen lastSeen campaign { id } } }
  } }`;

interface CrossBrandNumber {
  readonly e164: string;
  readonly brandCount: number;
  readonly brands: readonly { name: string }[];
  readonly callbacks: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly campaign: { id: string } | null;
}

/** Cross-brand numbers: callback numbers working for two or more brands, most brands first (the API's order). */
export function crossBrandPage(): HTMLElement {
  const table = pagedTable(
    ['Number', 'Brands', 'Impersonating', 'Callback reports', 'First seen', 'Last seen', 'Campaign'],
    async (after) => {
      const { crossBrandNumbers } = await gql<{
        crossBrandNumbers: {
          totalCount: number;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
          edges: { node: CrossBrandNumber }[];
        };
      }>(CROSS_BRAND, { first: PAGE, after });
      const rows = crossBrandNumbers.edges.map(({ node }) =>
        row(
          { 'data-number': node.e164, 'data-brand-count': String(node.brandCount) },
          h('a', { href: searchHref({ kind: 'phone', value: node.e164 }) }, node.e164),
          node.brandCount,
          node.brands.map((brand) => brand.name).join(', '),
          node.callbacks,
          seenDay(node.firstSeen),
          seenDay(node.lastSeen),
          node.campaign ? h('a', { href: `#/campaign/${node.campaign.id}` }, node.campaign.id.slice(0, 8)) : '—',
        ),
      );
      return { rows, totalCount: crossBrandNumbers.totalCount, pageInfo: crossBrandNumbers.pageInfo };
    },
  );
  return h(
    'section',
    {},
    h('h1', {}, 'Cross-brand numbers'),
    h('p', {}, 'Callback numbers given for two or more brands: one line working for several brands is an operation, not a brand.'),
    table,
  );
}
