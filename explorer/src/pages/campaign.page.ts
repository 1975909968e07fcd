import { gql } from '../api.js';
import { facts, failure, h, seenDay, show } from '../dom.js';
import { evidenceLinks } from '../evidence-links.js';
import { edgesOf, type EdgeColumns } from '../edge-columns.js';
import { asSummaryNode, PICTURE_FIELDS, type PictureNode } from '../graph-data.js';
import { bridgeEdge, GraphView } from '../graph-view.js';
import { searchHref, fromNodeId } from '../indicator.js';
import { timeline } from '../timeline.js';
import { scamTypes, type CampaignListing } from './campaigns.page.js';

const CAMPAIGN = `query Campaign($id: ID!) { campaign(id: $id) {
  id status size reportCount firstSeen lastSeen brands { slug name } scamTypes { scamType reports } reportsByWeek { week reports } undatedReportCount
  channels { channel reports } mergedInto { id }
  picture { ${PICTURE_FIELDS} }
} }`;

interface Bridge {
  readonly id: string;
  readonly size: number;
  readonly weight: number;
  readonly reports: number;
  readonly members: readonly string[];
}
interface Campaign extends CampaignListing {
  readonly status: string;
  readonly undatedReportCount: number;
  readonly channels: readonly { channel: string; reports: number }[];
  readonly mergedInto: { id: string } | null;
  readonly picture: { truncated: boolean; memberCount: number; nodes: PictureNode[]; edgeColumns: EdgeColumns; bridges: Bridge[] } | null;
}

/** Bridges drawn as collapsed neighbours: one node per other campaign, a dashed line from each member linked to it. */
function bridgeElements(bridges: readonly Bridge[]) {
  return bridges.flatMap((bridge) => [
    {
      group: 'nodes' as const,
      data: {
        id: `campaign:${bridge.id}`,
        kind: 'campaign',
        hub: false,
        official: false,
        short: `campaign ${bridge.id.slice(0, 8)} (${bridge.size})`,
        full: `campaign ${bridge.id}`,
        title: `bridge to campaign ${bridge.id} (${bridge.size} indicators): ${bridge.reports} reports, weight ${bridge.weight.toFixed(1)}; click to open it`,
      },
    },
    ...bridge.members.map((member) => ({
      group: 'edges' as const,
      data: bridgeEdge(`${member}|bridge|${bridge.id}`, { source: member, target: `campaign:${bridge.id}`, kind: 'BRIDGE' }),
    })),
  ]);
}

export function campaignPage(id: string): HTMLElement {
  const weeks = h('div', { class: 'timeline-slot' });
  const graph = new GraphView(weeks);
  const side = h('aside', { class: 'side' }, 'Loading…');
  void graph.busy(async () => {
    try {
      const { campaign } = await gql<{ campaign: Campaign | null }>(CAMPAIGN, { id });
      if (!campaign) return show(side, failure(new Error(`no campaign ${id}`)));
      show(side, ...details(campaign));
      show(
        weeks,
        timeline(campaign.reportsByWeek, (range) => graph.filterByTime(range), campaign.undatedReportCount),
      );
      const picture = campaign.picture;
      if (!picture) return;
      graph.draw(
        {
          nodes: picture.nodes.map(asSummaryNode),
          edges: edgesOf(picture.edgeColumns, picture.nodes),
          groups: [],
          truncated: picture.truncated,
        },
        null,
        bridgeElements(picture.bridges),
        new Set(picture.nodes.filter((node) => !node.hub && !node.official).map((node) => node.id)),
      );
    } catch (error) {
      side.append(failure(error));
    }
  });
  return h('section', {}, h('h1', {}, 'Campaign ', h('code', {}, id)), h('div', { class: 'results' }, graph.element, side));
}

function details(campaign: Campaign): (Node | string)[] {
  const nodes = campaign.picture?.nodes ?? [];
  const hubs = nodes.filter((node) => node.hub);
  const officials = nodes.filter((node) => node.official);
  const list = (items: readonly PictureNode[]) =>
    h(
      'ul',
      { class: 'members' },
      ...items.map((node) =>
        h(
          'li',
          {},
          h('a', { href: searchHref(fromNodeId(node.id)) }, node.label),
          h('small', {}, ` ${node.kind}, ${node.reportCount} reports`),
        ),
      ),
    );
  return [
    facts([
      ['Status', campaign.mergedInto ? `${campaign.status} into ${campaign.mergedInto.id}` : campaign.status],
      ['Indicators', campaign.size],
      ['Reports', campaign.reportCount],
      ['Brands', campaign.brands.map((b) => b.name).join(', ') || '—'],
      ['Scam types', scamTypes(campaign) || '—'],
      ['Channels', campaign.channels.map(({ channel, reports }) => `${channel} ${reports}`).join(', ') || '—'],
      ['First seen', seenDay(campaign.firstSeen)],
      ['Last seen', seenDay(campaign.lastSeen)],
      ['Bridges', campaign.picture?.bridges.length ?? 0],
    ]),
    evidenceLinks('campaign', campaign.id),
    officials.length > 0 ? h('h3', {}, `Official channels its reports name (${officials.length})`) : '',
    officials.length > 0 ? list(officials) : '',
    hubs.length > 0 ? h('h3', {}, `Hubs it uses (${hubs.length}): shared with other operations, linking none`) : '',
    hubs.length > 0 ? list(hubs) : '',
    h(
      'h3',
      {},
      `Members (${campaign.picture?.memberCount ?? campaign.size})`,
      campaign.picture?.truncated ? h('small', {}, ' the most reported drawn') : '',
    ),
    list(nodes.filter((node) => !node.hub && !node.official).slice(0, 100)),
  ];
}
