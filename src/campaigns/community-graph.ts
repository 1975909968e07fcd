import { z } from 'zod';
import type { Community, Tie } from './community-merge.js';

/** The community graph as the merge step reads it: five lists, from the three community-* statements (or a dump of them). */
export const COMMUNITY_LINKS_ROW = z.object({
  evidence: z.array(z.object({ label: z.string(), evidence: z.number() })),
  weights: z.array(z.object({ a: z.string(), b: z.string(), weight: z.number() })),
  stories: z.array(
    z.object({
      label: z.string(),
      story: z.string(),
      period: z.number().nullable(),
      /** The reports name no other community (absent in dumps written before it: taken as true). */
      own: z.boolean().optional(),
      reports: z.number(),
    }),
  ),
  reports: z.array(z.object({ a: z.string(), b: z.string(), reportIds: z.array(z.string()) })),
  /** How many reports naming a community's members have each message template (absent in dumps written before it). */
  templates: z.array(z.object({ label: z.string(), template: z.string(), reports: z.number() })).optional(),
});
export type CommunityLinksRow = z.infer<typeof COMMUNITY_LINKS_ROW>;

/** campaigns/community-evidence's rows and campaigns/community-weights' rows: the first two lists as they are. */
export const COMMUNITY_EVIDENCE_ROW = COMMUNITY_LINKS_ROW.shape.evidence.element;
export const COMMUNITY_WEIGHT_ROW = COMMUNITY_LINKS_ROW.shape.weights.element;

/**
 * campaigns/community-stories' rows: a story row when `story` is set (a community's reports telling
 * it, per day: [day, own, reports]), a template row when `template` is (its reports with that message
 * template), else a pair row (`other` set, days empty).
 */
export const COMMUNITY_STORY_ROW = z.object({
  label: z.string(),
  other: z.string().nullable(),
  story: z.string().nullable(),
  template: z.string().nullable(),
  reports: z.number(),
  days: z.array(z.tuple([z.number().nullable(), z.boolean().nullable(), z.number()])),
  reportIds: z.array(z.string()),
});

/** The stories statement's rows unfolded into the last three lists. */
export function storiesAndReports(
  rows: readonly z.infer<typeof COMMUNITY_STORY_ROW>[],
): Required<Pick<CommunityLinksRow, 'stories' | 'reports' | 'templates'>> {
  const stories: CommunityLinksRow['stories'] = [];
  const reports: CommunityLinksRow['reports'] = [];
  const templates: NonNullable<CommunityLinksRow['templates']> = [];
  for (const { label, other, story, template, reports: count, days, reportIds } of rows) {
    if (other !== null) reports.push({ a: label, b: other, reportIds });
    else if (template !== null) templates.push({ label, template, reports: count });
    else if (story !== null)
      for (const [period, own, perDay] of days) stories.push({ label, story, period, own: own ?? true, reports: perDay });
  }
  return { stories, reports, templates };
}

/**
 * The communities (evidence and stories) and the ties between them (link weight and a sample of the
 * reports naming both), joined on their labels. A pair named by reports but with no link between its members
 * (two leaves of one report whose link faded to nothing) is a tie of weight 0.
 */
export function communityGraph(row: CommunityLinksRow | undefined): { communities: Community[]; ties: Tie[] } {
  if (!row) return { communities: [], ties: [] };
  const profiles = new Map<string, Record<string, number>>();
  const periods = new Map<string, Record<number, number>>();
  const add = <K extends string | number>(into: Map<string, Record<K, number>>, label: string, key: K, reports: number) => {
    const counts = into.get(label) ?? ({} as Record<K, number>);
    counts[key] = (counts[key] ?? 0) + reports;
    into.set(label, counts);
  };
  const shared = new Map<string, Record<number, number>>();
  for (const { label, story, period, own = true, reports } of row.stories) {
    add(profiles, label, story, reports);
    if (period !== null) add(own ? periods : shared, label, period, reports);
  }
  // A community whose every report names another too (a leaf named beside its operation) is dated by those.
  for (const [label, counts] of shared) if (!periods.has(label)) periods.set(label, counts);
  const scripts = new Map<string, Record<string, number>>();
  for (const { label, template, reports } of row.templates ?? []) add(scripts, label, template, reports);
  const communities = row.evidence.map(({ label, evidence }) => ({
    label,
    evidence,
    profile: profiles.get(label) ?? {},
    periods: periods.get(label) ?? {},
    scripts: scripts.get(label) ?? {},
  }));
  const ties = new Map<string, { a: string; b: string; weight: number; reportIds: string[] }>();
  const tie = (a: string, b: string) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${x}\u0000${y}`;
    const found = ties.get(key) ?? { a: x, b: y, weight: 0, reportIds: [] };
    ties.set(key, found);
    return found;
  };
  for (const { a, b, weight } of row.weights) tie(a, b).weight += weight;
  for (const { a, b, reportIds } of row.reports) tie(a, b).reportIds = reportIds;
  return { communities, ties: [...ties.values()] };
}
