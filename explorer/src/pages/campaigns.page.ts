import { gql } from '../api.js';
import { h, seenDay } from '../dom.js';
import { pagedTable, row } from '../paged-table.js';
import { sparkline } from '../sparkline.js';

const PAGE = 20;
const CAMPAIGNS = `query Campaigns($first: Int!, $after: String, $brand: String) {
  campaigns(first: $first, after: $after, brand: $brand) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { node { id size reportCount firstSeen lastSeen brands { slug name } scamTypes { scamType reports } reportsByWeek { week reports } } }
  } }`;

export interface CampaignListing {
  readonly id: string;
  readonly size: number;
  readonly reportCount: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly brands: readonly { slug: string; name: string }[];
  readonly scamTypes: readonly { scamType: string | null; reports: number }[];
  readonly reportsByWeek: readonly { week: string; reports: number }[];
}

export const scamTypes = (campaign: Pick<CampaignListing, 'scamTypes'>) =>
  campaign.scamTypes.map(({ scamType, reports }) => `${scamType ?? 'unstated'} ${reports}`).join(', ');

/** Campaigns: largest first (the API's order), optionally those claiming one brand; a row opens its graph. */
export function campaignsPage(params: URLSearchParams): HTMLElement {
  const brand = params.get('brand')?.trim() || null;
  const input = h('input', { name: 'brand', value: brand ?? '', placeholder: 'brand slug', 'aria-label': 'Brand' }) as HTMLInputElement;
  const filter = h(
    'form',
    {
      onsubmit: (event) => {
        event.preventDefault();
        location.hash = input.value.trim() ? `#/campaigns?${new URLSearchParams({ brand: input.value.trim() })}` : '#/campaigns';
      },
    },
    input,
    ' ',
    h('button', { type: 'submit' }, 'Filter'),
  );
  const table = pagedTable(
    ['Campaign', 'Size', 'Reports', 'Brands', 'Scam types', 'First seen', 'Last seen', 'Reports per week'],
    async (after) => {
      const { campaigns } = await gql<{
        campaigns: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: CampaignListing }[] };
      }>(CAMPAIGNS, { first: PAGE, after, brand });
      const rows = campaigns.edges.map(({ node }) =>
        row(
          { 'data-campaign-id': node.id },
          h('a', { href: `#/campaign/${node.id}` }, node.id.slice(0, 8)),
          node.size,
          node.reportCount,
          node.brands.map((b) => b.name).join(', '),
          scamTypes(node),
          seenDay(node.firstSeen),
          seenDay(node.lastSeen),
          sparkline(node.reportsByWeek),
        ),
      );
      return { rows, totalCount: campaigns.totalCount, pageInfo: campaigns.pageInfo };
    },
  );
  return h('section', {}, h('h1', {}, brand ? `Campaigns claiming ${brand}` : 'Campaigns'), filter, table);
}
