import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { DRAWN_BY_LABEL, drawnNode, seenOf } from './graph-node.js';
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

/** The row of campaigns/campaign-picture: lists, not maps (cheaper to decode; the statement says why); ends by element id. */
const PICTURE_ROW = z.object({
  memberTotal: z.number(),
  /** [source, target, reports] */
  links: z.array(z.tuple([z.string(), z.string(), z.number()])),
  bridges: z.array(BRIDGE),
  /** [hub or official channel, member, reports, days, roles] */
  attachedLinks: z.array(z.tuple([z.string(), z.string(), z.number(), z.number(), z.array(z.string())])),
  /** [id, label, reportCount, evidence, official, firstSeen, lastSeen, values of DRAWN_BY_LABEL[label]] */
  nodes: z.array(
    z.tuple([
      z.string(),
      z.string(),
      z.number(),
      z.string().nullable(),
      z.boolean(),
      z.string().nullable(),
      z.string().nullable(),
      z.array(z.unknown()),
    ]),
  ),
});

/**
 * One campaign as one picture: its members linked by shared evidence (edge width by reports), the
 * hubs and official channels its reports name marked as what they are, and its bridges to other
 * campaigns. One round trip; null when there is no such campaign.
 */
export async function campaignPicture(graph: GraphExecutor, id: string, limit: number, hubDegree: number): Promise<CampaignPicture | null> {
  const [row] = await graph.readAs('campaigns/campaign-picture', PICTURE_ROW, { id, limit, drawn: DRAWN_BY_LABEL });
  if (!row) return null;
  const nodes = new Map<string, SummaryNode>();
  for (const [elementId, label, reportCount, evidence, official, firstSeen, lastSeen, values] of row.nodes) {
    if (nodes.has(elementId)) continue;
    const properties: Record<string, unknown> = { firstSeen, lastSeen };
    const keys = DRAWN_BY_LABEL[label] ?? [];
    values.forEach((value, i) => value !== null && (properties[keys[i] as string] = value));
    const drawn = drawnNode(label, properties, 0, hubDegree);
    nodes.set(elementId, {
      ...drawn,
      ...seenOf(properties),
      hub: drawn.hub || evidence === 'hub',
      reportCount,
      sharedReports: null,
      days: null,
      official,
    });
  }
  const idOf = (elementId: string) => nodes.get(elementId)?.id;
  const edges: SummaryEdge[] = [];
  for (const [from, to, reports] of row.links) {
    const [source, target] = [idOf(from), idOf(to)];
    if (source && target) edges.push({ source, target, kind: 'SHARED_EVIDENCE', reports, days: null });
  }
  for (const [from, to, reports, days, roles] of row.attachedLinks) {
    const [source, target] = [idOf(from), idOf(to)];
    if (source && target) edges.push({ source, target, kind: edgeKind(roles, roles), reports, days });
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

/** A picture's edges column by column, their ends as indexes into its nodes (Campaign.picture's edgeColumns). */
export function edgeColumns(picture: {
  readonly nodes: readonly { id: string }[];
  readonly edges: readonly Pick<SummaryEdge, 'source' | 'target' | 'kind' | 'reports'>[];
}): {
  source: number[];
  target: number[];
  kind: string[];
  reports: number[];
} {
  const index = new Map(picture.nodes.map((node, i) => [node.id, i]));
  // Every edge's ends are drawn nodes (campaignPicture keeps no other), so each has an index.
  const at = (id: string) => index.get(id) as number;
  return {
    source: picture.edges.map((edge) => at(edge.source)),
    target: picture.edges.map((edge) => at(edge.target)),
    kind: picture.edges.map((edge) => edge.kind),
    reports: picture.edges.map((edge) => edge.reports),
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
