import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { DRAWN_PROPERTIES, kindOfLabel, labelOfKind, seenOf, type DrawnNode } from './graph-node.js';
import { campaignPicture, type CampaignPicture } from './campaign-picture.js';
import { DRAWN_ROW, type NeighbourhoodService, type StartNode } from './neighbourhood.service.js';

/**
 * A row of reads/neighbourhood-summary: one neighbour, what it shares with the start, and its label's
 * totals. The official flags are null where the node has neither number nor name (`null IN officials`).
 */
const SUMMARY_ROW = DRAWN_ROW.extend({
  startOfficial: z.boolean().nullable(),
  total: z.number(),
  totalReports: z.number(),
  reports: z.number(),
  days: z.number(),
  roles: z.array(z.string()),
  startRoles: z.array(z.string()),
  reportCount: z.number(),
  official: z.boolean().nullable(),
});
type SummaryRow = z.infer<typeof SUMMARY_ROW>;

/** A row of reads/neighbourhood-summary-links: reports shared by two drawn neighbours. */
const LINK_ROW = z.object({
  source: z.string(),
  target: z.string(),
  reports: z.number(),
  days: z.number(),
  sourceRoles: z.array(z.string()),
  targetRoles: z.array(z.string()),
});

export interface SummaryNode extends DrawnNode {
  /** Reports naming the node, in all. */
  readonly reportCount: number;
  /** Reports it shares with the summary's start, and on how many days; null on the start itself. */
  readonly sharedReports: number | null;
  readonly days: number | null;
  /** A brand's own number or domain: the real channel, spoofed or named, never scam infrastructure. */
  readonly official: boolean;
  /** When reports first and last named it (all its reports, not only those shared). */
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
}

/** Two nodes named by the same reports: the reports folded into one weighted edge. */
export interface SummaryEdge {
  readonly source: string;
  readonly target: string;
  /** The weaker end's strongest role: a callback number beside a spoofed caller ID is a CALLER_ID edge. */
  readonly kind: string;
  readonly reports: number;
  /** Distinct days of those reports; null where not counted (a campaign's links). */
  readonly days: number | null;
}

/** Neighbours of one kind left out of the drawing: "+ 187 more domains". */
export interface FoldedGroup {
  /** "more:domain:<around>": a stable id to draw the group under. */
  readonly id: string;
  readonly around: string;
  readonly kind: string;
  readonly count: number;
  /** Reports those neighbours share with `around`, summed over them. */
  readonly reports: number;
  /** Neighbours of this kind drawn already: the group's pages begin past them. */
  readonly drawn: number;
}

export interface NeighbourhoodSummary {
  readonly nodes: SummaryNode[];
  readonly edges: SummaryEdge[];
  readonly groups: FoldedGroup[];
  /** True whenever anything was left out: then `groups` says what. */
  readonly truncated: boolean;
}

export interface NeighbourPage {
  readonly around: string;
  readonly kind: string;
  readonly totalCount: number;
  readonly nodes: SummaryNode[];
  readonly edges: SummaryEdge[];
}

/** Strongest role first: what the scammers control, then what they borrow, then what anyone can spoof. */
const ROLE_STRENGTH = ['CALLBACK_NUMBER', 'PAY_TO', 'CONTACT_EMAIL', 'LINKS_TO', 'NAMES_DOMAIN', 'IMPERSONATES', 'SENDER_ID', 'CALLER_ID'];
const rank = (roles: readonly string[]) =>
  Math.min(...roles.map((role) => ROLE_STRENGTH.indexOf(role)).filter((at) => at >= 0), ROLE_STRENGTH.length - 1);
export const edgeKind = (a: readonly string[], b: readonly string[]) => ROLE_STRENGTH[Math.max(rank(a), rank(b))] as string;

/** The explorer's search draws 40 nodes (explorer/src/pages/search.page.ts): warm() asks as it does. */
const WARM_LIMIT = 40;
/** And a campaign's picture its 2,000 members (Campaign.picture's default limit). */
const WARM_PICTURE = 2_000;

interface Neighbour {
  readonly elementId: string;
  readonly label: string;
  readonly node: SummaryNode;
  readonly edge: { readonly kind: string; readonly reports: number; readonly days: number };
}

/**
 * A bounded, truthful picture around any node, however busy: its strongest neighbours by shared
 * evidence, reports folded into weighted edges between them, the rest folded into per-kind groups
 * with their totals. Three round trips: the start, its neighbours, the links among those drawn.
 */
export class NeighbourhoodSummaryService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly neighbourhood: NeighbourhoodService,
  ) {}

  async around(start: StartNode, limit: number, withReports: boolean): Promise<NeighbourhoodSummary> {
    const found = await this.neighbourhood.lookUp(start);
    if (!found) return { nodes: [], edges: [], groups: [], truncated: false };
    const rows = await this.neighbours(found.elementId, withReports, null, 0, Math.max(limit - 1, 0));
    const startNode: SummaryNode = {
      ...found.node,
      ...found.seen,
      reportCount: found.reportCount,
      sharedReports: null,
      days: null,
      official: rows[0]?.startOfficial === true,
    };
    const candidates = rows.map((row) => this.neighbour(row)).sort(stronger);
    const kept = candidates.slice(0, limit - 1);
    const groups = foldedGroups(startNode.id, rows, kept);
    const byElement = new Map([[found.elementId, startNode.id], ...kept.map((n) => [n.elementId, n.node.id] as const)]);
    const links = await this.graph.readAs('reads/neighbourhood-summary-links', LINK_ROW, {
      ids: kept.map((n) => n.elementId),
      expand: kept.filter((n) => !n.node.hub).map((n) => n.elementId),
    });
    return {
      nodes: [startNode, ...kept.map((n) => n.node)],
      edges: [
        ...kept.map((n) => ({ source: startNode.id, target: n.node.id, ...n.edge })),
        ...links.map((row) => ({
          // The statement answers links between the ids it is given only, all in byElement.
          source: byElement.get(row.source) as string,
          target: byElement.get(row.target) as string,
          kind: edgeKind(row.sourceRoles, row.targetRoles),
          reports: row.reports,
          days: row.days,
        })),
      ],
      groups,
      // Links between two drawn hubs are never walked (reads/neighbourhood-summary-links): with two or
      // more hubs drawn, such a link may be missing from the picture, so it says it may leave things out.
      truncated: groups.length > 0 || kept.filter((n) => n.node.hub).length >= 2,
    };
  }

  /** One folded group, from `skip` on, strongest first; null when the start node does not exist. */
  async group(start: StartNode, kind: string, withReports: boolean, skip: number, take: number): Promise<NeighbourPage | null> {
    const found = await this.neighbourhood.lookUp(start);
    const label = labelOfKind(kind);
    if (!found || !label) return null;
    const rows = await this.neighbours(found.elementId, withReports, label, skip, take);
    const page = rows.map((row) => this.neighbour(row));
    return {
      around: found.node.id,
      kind,
      totalCount: rows[0] ? rows[0].total : await this.total(found.elementId, withReports, label),
      nodes: page.map((n) => n.node),
      edges: page.map((n) => ({ source: found.node.id, target: n.node.id, ...n.edge })),
    };
  }

  /**
   * Plans the statements of a search and of a campaign's page before an analyst's first search needs
   * them: each runs once, with parameters of the types a search sends, on a node and a campaign that do
   * not exist. Neo4j keeps a plan until the graph's statistics move far from those it was made on; a
   * plan made at start-up was 1.5 to 2 s of the first search's time on two busy cores (three statements,
   * in series), and is kept through an ingest of a few thousand reports into a graph of as many.
   */
  async warm(): Promise<void> {
    // An element id no node has, as long as a real one: Neo4j plans again for strings and lists of another size.
    const nobody = '4:00000000-0000-0000-0000-000000000000:0';
    const drawn = Array.from({ length: WARM_LIMIT - 1 }, () => nobody);
    await this.neighbourhood.lookUp({ kind: 'phone', key: '', qualifier: null });
    await this.neighbours(nobody, false, null, 0, WARM_LIMIT - 1);
    await this.graph.read('reads/neighbourhood-summary-links', { ids: drawn, expand: drawn });
    // The campaign page asks for the campaign and its counts beside its picture (explorer/src/pages/campaign.page.ts).
    const noCampaign = '00000000-0000-0000-0000-000000000000';
    await this.graph.read('campaigns/campaigns-by-id', { keys: [noCampaign] });
    await this.graph.read('campaigns/campaign-report-breakdown', { keys: [noCampaign] });
    // Its brands come with its infrastructure; a plan is made per parameter type, so any limit will do.
    await this.graph.read('campaigns/campaign-infrastructure', { keys: [noCampaign], limit: 1 });
    await this.campaign(noCampaign, WARM_PICTURE);
  }

  /** A campaign as one picture (campaign-picture.ts), hubs marked by the same bound as here. */
  campaign(id: string, limit: number): Promise<CampaignPicture | null> {
    return campaignPicture(this.graph, id, limit, this.neighbourhood.hubDegree);
  }

  /** A page past the end has no rows to carry the group's total: ask for its first row. */
  private async total(elementId: string, withReports: boolean, label: string): Promise<number> {
    const [row] = await this.neighbours(elementId, withReports, label, 0, 1);
    return row?.total ?? 0;
  }

  private neighbours(elementId: string, withReports: boolean, onlyLabel: string | null, skip: number, take: number): Promise<SummaryRow[]> {
    return this.graph.readAs('reads/neighbourhood-summary', SUMMARY_ROW, {
      start: elementId,
      withReports,
      onlyLabel,
      skip,
      take,
      drawn: DRAWN_PROPERTIES,
    });
  }

  private neighbour(row: SummaryRow): Neighbour {
    const drawn = this.neighbourhood.draw(row);
    const { reports, days } = row;
    return {
      elementId: row.id,
      label: row.label,
      node: {
        ...drawn,
        ...seenOf(Object.fromEntries(row.properties)),
        reportCount: row.reportCount,
        sharedReports: reports,
        days,
        official: row.official === true,
      },
      edge: { kind: edgeKind(row.startRoles, row.roles), reports, days },
    };
  }
}

// Ties keep the statement's order (a stable sort): the same order a folded group's pages follow.
const stronger = (a: Neighbour, b: Neighbour) =>
  b.edge.reports - a.edge.reports || (b.edge.days ?? 0) - (a.edge.days ?? 0) || b.node.reportCount - a.node.reportCount;

/** Per label, what the drawing left out: the label's totals less what was kept of it. */
function foldedGroups(around: string, rows: readonly SummaryRow[], kept: readonly Neighbour[]): FoldedGroup[] {
  const totals = new Map(rows.map((row) => [row.label, { count: row.total, reports: row.totalReports }]));
  return [...totals].flatMap(([label, total]) => {
    const shown = kept.filter((n) => n.label === label);
    const count = total.count - shown.length;
    const kind = kindOfLabel(label);
    return count > 0
      ? [
          {
            id: `more:${kind}:${around}`,
            around,
            kind,
            count,
            reports: total.reports - shown.reduce((sum, n) => sum + n.edge.reports, 0),
            drawn: shown.length,
          },
        ]
      : [];
  });
}
