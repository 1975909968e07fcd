import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
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

/** A bridge of campaigns/campaign-picture: a drawn member's link to another campaign. */
const BRIDGE = z.object({ campaign: z.string(), size: z.number().nullable(), member: z.string(), weight: z.number(), reports: z.number() });

/** The row of campaigns/campaign-picture; nodes, links and members by element id. */
const PICTURE_ROW = z.object({
  memberTotal: z.number(),
  links: z.array(z.object({ source: z.string(), target: z.string(), reports: z.number() })),
  bridges: z.array(BRIDGE),
  attachedLinks: z.array(
    z.object({ source: z.string(), target: z.string(), reports: z.number(), days: z.number(), roles: z.array(z.string()) }),
  ),
  nodes: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      reportCount: z.number(),
      evidence: z.string().nullable(),
      official: z.boolean(),
      /** [key, value] of the drawn properties the node holds. */
      properties: z.array(z.tuple([z.string(), z.unknown()])),
    }),
  ),
});

/**
 * One campaign as one picture: its members linked by shared evidence (edge width by reports), the
 * hubs and official channels its reports name marked as what they are, and its bridges to other
 * campaigns. One round trip; null when there is no such campaign.
 */
export async function campaignPicture(graph: GraphExecutor, id: string, limit: number, hubDegree: number): Promise<CampaignPicture | null> {
  const [row] = await graph.readAs('campaigns/campaign-picture', PICTURE_ROW, { id, limit, drawn: DRAWN_PROPERTIES });
  if (!row) return null;
  const nodes = new Map<string, SummaryNode>();
  for (const node of row.nodes) {
    if (nodes.has(node.id)) continue;
    const properties = Object.fromEntries(node.properties);
    const drawn = drawnNode(node.label, properties, 0, hubDegree);
    const hub = drawn.hub || node.evidence === 'hub';
    nodes.set(node.id, {
      ...drawn,
      ...seenOf(properties),
      hub,
      reportCount: node.reportCount,
      sharedReports: null,
      days: null,
      official: node.official,
    });
  }
  const idOf = (elementId: string) => nodes.get(elementId)?.id;
  const edges: SummaryEdge[] = [];
  for (const link of row.links) {
    const [source, target] = [idOf(link.source), idOf(link.target)];
    if (source && target) edges.push({ source, target, kind: 'SHARED_EVIDENCE', reports: link.reports, days: null });
  }
  for (const link of row.attachedLinks) {
    const [source, target] = [idOf(link.source), idOf(link.target)];
    if (source && target) edges.push({ source, target, kind: edgeKind(link.roles, link.roles), reports: link.reports, days: link.days });
  }
  const memberCount = row.memberTotal;
  return {
    nodes: [...nodes.values()],
    edges,
    bridges: bridges(row.bridges, idOf),
    memberCount,
    truncated: memberCount > limit,
  };
}

function bridges(rows: readonly z.infer<typeof BRIDGE>[], idOf: (elementId: string) => string | undefined): BridgedCampaign[] {
  const byCampaign = new Map<string, { id: string; size: number; weight: number; reports: number; members: Set<string> }>();
  for (const row of rows) {
    const id = row.campaign;
    const bridge = byCampaign.get(id) ?? {
      id,
      size: row.size ?? 0,
      weight: 0,
      reports: 0,
      members: new Set<string>(),
    };
    bridge.weight += row.weight;
    bridge.reports += row.reports;
    const member = idOf(row.member);
    if (member) bridge.members.add(member);
    byCampaign.set(id, bridge);
  }
  return [...byCampaign.values()].sort((a, b) => b.weight - a.weight).map((bridge) => ({ ...bridge, members: [...bridge.members] }));
}
