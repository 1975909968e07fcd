import type { GraphExecutor, Row } from '../graph/executor.js';
import { DRAWN_PROPERTIES, drawnNode, seenOf } from './graph-node.js';
import { edgeKind, type SummaryEdge, type SummaryNode } from './neighbourhood-summary.service.js';

/** Another campaign a drawn member is linked to, too weakly to merge: drawn collapsed, its links dashed. */
export interface BridgedCampaign {
  readonly id: string;
  readonly size: number;
  /** Its links from drawn members, weight and reports summed. */
  readonly weight: number;
  readonly reports: number;
  /** The drawn members linked to it. */
  readonly members: string[];
}

export interface CampaignPicture {
  readonly nodes: SummaryNode[];
  readonly edges: SummaryEdge[];
  readonly bridges: BridgedCampaign[];
  /** Members in all; more than drawn when the limit left some out. */
  readonly memberCount: number;
  readonly truncated: boolean;
}

/**
 * One campaign as one picture: its members linked by shared evidence (edge width by reports), the
 * hubs and official channels its reports name marked as what they are, and its bridges to other
 * campaigns. One round trip; null when there is no such campaign.
 */
export async function campaignPicture(graph: GraphExecutor, id: string, limit: number, hubDegree: number): Promise<CampaignPicture | null> {
  const [row] = await graph.read('campaigns/campaign-picture', { id, limit, drawn: DRAWN_PROPERTIES });
  if (!row) return null;
  const nodes = new Map<string, SummaryNode>();
  for (const node of row['nodes'] as Row[]) {
    if (nodes.has(node['id'] as string)) continue;
    const properties = Object.fromEntries(node['properties'] as [string, unknown][]);
    const drawn = drawnNode(node['label'] as string, properties, 0, hubDegree);
    const hub = drawn.hub || node['evidence'] === 'hub';
    nodes.set(node['id'] as string, {
      ...drawn,
      ...seenOf(properties),
      hub,
      reportCount: node['reportCount'] as number,
      sharedReports: null,
      days: null,
      official: node['official'] === true,
    });
  }
  const idOf = (elementId: unknown) => nodes.get(elementId as string)?.id;
  const edges: SummaryEdge[] = [];
  for (const link of row['links'] as Row[]) {
    const [source, target] = [idOf(link['source']), idOf(link['target'])];
    if (source && target) edges.push({ source, target, kind: 'SHARED_EVIDENCE', reports: link['reports'] as number, days: null });
  }
  for (const link of row['attachedLinks'] as Row[]) {
    const [source, target] = [idOf(link['source']), idOf(link['target'])];
    const roles = link['roles'] as string[];
    if (source && target)
      edges.push({ source, target, kind: edgeKind(roles, roles), reports: link['reports'] as number, days: link['days'] as number });
  }
  const memberCount = row['memberTotal'] as number;
  return {
    nodes: [...nodes.values()],
    edges,
    bridges: bridges(row['bridges'] as Row[], idOf),
    memberCount,
    truncated: memberCount > limit,
  };
}

function bridges(rows: readonly Row[], idOf: (elementId: unknown) => string | undefined): BridgedCampaign[] {
  const byCampaign = new Map<string, { id: string; size: number; weight: number; reports: number; members: Set<string> }>();
  for (const row of rows) {
    const id = row['campaign'] as string;
    const bridge = byCampaign.get(id) ?? {
      id,
      size: (row['size'] as number | null) ?? 0,
      weight: 0,
      reports: 0,
      members: new Set<string>(),
    };
    bridge.weight += row['weight'] as number;
    bridge.reports += row['reports'] as number;
    const member = idOf(row['member']);
    if (member) bridge.members.add(member);
    byCampaign.set(id, bridge);
  }
  return [...byCampaign.values()].sort((a, b) => b.weight - a.weight).map((bridge) => ({ ...bridge, members: [...bridge.members] }));
}
