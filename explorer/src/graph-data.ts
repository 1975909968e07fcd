import { gql } from './api.js';

export interface SummaryNode {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly hub: boolean;
  readonly degree: number;
  readonly official: boolean;
  readonly reportCount: number;
  readonly sharedReports: number | null;
  readonly days: number | null;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
}
export interface SummaryEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: string;
  readonly reports: number;
}
export interface FoldedGroup {
  readonly id: string;
  readonly around: string;
  readonly kind: string;
  readonly count: number;
  readonly reports: number;
  /** The cursor of the group's first page not drawn yet (null: start from the first). */
  readonly after: string | null;
}
/** What the graph draws: a summarised neighbourhood, a page of a folded group, or a campaign's picture. */
export interface Picture {
  readonly nodes: readonly SummaryNode[];
  readonly edges: readonly SummaryEdge[];
  readonly groups: readonly FoldedGroup[];
  readonly truncated: boolean;
}

/** What a node of any picture says; a neighbourhood's nodes say more (NODE): a campaign has no centre to share reports with. */
const PICTURE_NODE = 'id kind label hub official reportCount firstSeen lastSeen';
const NODE = `${PICTURE_NODE} degree sharedReports days`;
const EDGE = 'source target kind reports';
export const SUMMARY_FIELDS = `truncated nodes { ${NODE} } edges { ${EDGE} } groups { id around kind count reports after }`;
/**
 * A campaign's picture without the fields that are the same on every node of it (degree 0, sharedReports
 * and days null), its edges column by column with their ends as indexes into its nodes (edgesOf): on a
 * 2,000-node campaign the answer went from 1.40 to 0.63 MB: its edges' ids were half of it, and 6,000 of its
 * fields said nothing.
 */
export const PICTURE_FIELDS = `truncated memberCount nodes { ${PICTURE_NODE} } edgeColumns { source target kind reports } bridges { id size weight reports members }`;
/** A node of a campaign's picture, as PICTURE_FIELDS asks for it. */
export type PictureNode = Omit<SummaryNode, 'degree' | 'sharedReports' | 'days'>;
/** As a neighbourhood's node: no degree counted, nothing shared with a centre. */
export const asSummaryNode = (node: PictureNode): SummaryNode => ({ ...node, degree: 0, sharedReports: null, days: null });

/** The API's summarised neighbourhood of one node: strongest neighbours, the rest folded by kind; the reports too with `withReports`. */
export async function summary(kind: string, value: string, limit: number, withReports = false): Promise<Picture> {
  const query = `query Summary($kind: String!, $value: String!, $limit: Int!, $withReports: Boolean) {
    neighbourhoodSummary(kind: $kind, value: $value, limit: $limit, withReports: $withReports) { ${SUMMARY_FIELDS} } }`;
  return (await gql<{ neighbourhoodSummary: Picture }>(query, { kind, value, limit, withReports })).neighbourhoodSummary;
}

export interface GroupPage {
  readonly totalCount: number;
  readonly nodes: readonly SummaryNode[];
  readonly edges: readonly SummaryEdge[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The next page of one folded group. */
export async function groupPage(
  kind: string,
  value: string,
  group: string,
  first: number,
  after: string | null,
): Promise<GroupPage | null> {
  const query = `query Group($kind: String!, $value: String!, $group: String!, $first: Int!, $after: String) {
    neighbourhoodGroup(kind: $kind, value: $value, group: $group, first: $first, after: $after) {
      totalCount nodes { ${NODE} } edges { ${EDGE} } pageInfo { hasNextPage endCursor } } }`;
  return (await gql<{ neighbourhoodGroup: GroupPage | null }>(query, { kind, value, group, first, after })).neighbourhoodGroup;
}
