import { gql } from '../api.js';
import { day, facts, failure, h, show } from '../dom.js';
import { evidenceLinks } from '../evidence-links.js';
import { GraphView, neighbourhood, SUBGRAPH_FIELDS, type Subgraph } from '../graph-view.js';
import { nodeId, searchHref, type Indicator } from '../indicator.js';
import { sparkline } from '../sparkline.js';
import { scamTypes, type CampaignListing } from './campaigns.page.js';

const CAMPAIGN = `query Campaign($id: ID!) { campaign(id: $id) {
  id status size reportCount firstSeen lastSeen brands { slug name } scamTypes { scamType reports } reportsByWeek { week reports }
  channels { channel reports } mergedInto { id }
  phoneNumbers { e164 } domains { name } wallets { chain address } bankAccounts { scheme identifier }
} }`;

/** Members drawn around the first one; more than this and the rest are listed, not drawn. */
const MEMBERS_DRAWN = 12;

interface Campaign extends CampaignListing {
  readonly status: string;
  readonly channels: readonly { channel: string; reports: number }[];
  readonly mergedInto: { id: string } | null;
  readonly phoneNumbers: readonly { e164: string }[];
  readonly domains: readonly { name: string }[];
  readonly wallets: readonly { chain: string; address: string }[];
  readonly bankAccounts: readonly { scheme: string; identifier: string }[];
}

/** Members as (kind, value), phone numbers first, each list most reports first: the first is its largest phone number. */
const members = (campaign: Campaign): Indicator[] => [
  ...campaign.phoneNumbers.map((p) => ({ kind: 'phone', value: p.e164 })),
  ...campaign.domains.map((d) => ({ kind: 'domain', value: d.name })),
  ...campaign.wallets.map((w) => ({ kind: 'wallet', value: `${w.chain}:${w.address}` })),
  ...campaign.bankAccounts.map((a) => ({ kind: 'bank_account', value: `${a.scheme}:${a.identifier}` })),
];

/**
 * The campaign's graph: the two-hop neighbourhood of its largest member, with the one-hop
 * neighbourhoods of the other members merged in (one request, by aliases); members marked.
 */
async function drawCampaign(graph: GraphView, all: Indicator[]): Promise<void> {
  const [first, ...others] = all.slice(0, MEMBERS_DRAWN);
  if (!first) return;
  graph.draw(await neighbourhood(first.kind, first.value, 2, 150), nodeId(first));
  if (others.length > 0) {
    const variables = Object.fromEntries(others.flatMap((member, index) => [[`k${index}`, member.kind], [`v${index}`, member.value]]));
    const query = `query CampaignMembers(${others.map((_, i) => `$k${i}: String!, $v${i}: String!`).join(', ')}) {
      ${others.map((_, i) => `m${i}: neighbourhood(kind: $k${i}, value: $v${i}, hops: 1, limit: 30) { ${SUBGRAPH_FIELDS} }`).join('\n')} }`;
    const answers = Object.values(await gql<Record<string, Subgraph>>(query, variables));
    graph.merge({ nodes: answers.flatMap((a) => a.nodes), edges: answers.flatMap((a) => a.edges), truncated: answers.some((a) => a.truncated) }, nodeId(first));
  }
  graph.mark(all.map(nodeId), 'member');
}

export function campaignPage(id: string): HTMLElement {
  const graph = new GraphView();
  const side = h('aside', { class: 'side' }, 'Loading…');
  void graph.busy(async () => {
    try {
      const { campaign } = await gql<{ campaign: Campaign | null }>(CAMPAIGN, { id });
      if (!campaign) return show(side, failure(new Error(`no campaign ${id}`)));
      show(side, ...details(campaign));
      await drawCampaign(graph, members(campaign));
    } catch (error) {
      side.append(failure(error));
    }
  });
  return h('section', {}, h('h1', {}, 'Campaign ', h('code', {}, id)), h('div', { class: 'results' }, graph.element, side));
}

function details(campaign: Campaign): (Node | string)[] {
  const list = members(campaign);
  return [
    facts([
      ['Status', campaign.mergedInto ? `${campaign.status} into ${campaign.mergedInto.id}` : campaign.status],
      ['Indicators', campaign.size],
      ['Reports', campaign.reportCount],
      ['Brands', campaign.brands.map((b) => b.name).join(', ') || '—'],
      ['Scam types', scamTypes(campaign) || '—'],
      ['Channels', campaign.channels.map(({ channel, reports }) => `${channel} ${reports}`).join(', ') || '—'],
      ['First seen', day(campaign.firstSeen)],
      ['Last seen', day(campaign.lastSeen)],
      ['Reports per week', sparkline(campaign.reportsByWeek, 160, 32)],
    ]),
    evidenceLinks('campaign', campaign.id),
    h('h3', {}, `Numbers, domains, wallets and accounts (${list.length})`, list.length > MEMBERS_DRAWN ? h('small', {}, ` the first ${MEMBERS_DRAWN} drawn`) : ''),
    h('ul', { class: 'members' }, ...list.map((member) => h('li', {}, h('a', { href: searchHref(member) }, member.value), h('small', {}, ` ${member.kind}`)))),
  ];
}
