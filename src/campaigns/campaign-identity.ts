/** How many members of an earlier campaign (null: none) a community found by this run holds. */
export interface Overlap {
  readonly label: string;
  readonly campaignId: string | null;
  readonly members: number;
}

export interface CommunityReports {
  readonly label: string;
  readonly reports: number;
}

/** An active campaign before this run; size is its linking members then. */
export interface EarlierCampaign {
  readonly id: string;
  readonly size: number;
}

/**
 * A community is a campaign from two linking indicators and two reports up: an indicator linked to
 * nothing is a singleton, and one report naming two indicators is a report, not yet an operation.
 */
export const MIN_MEMBERS = 2;
export const MIN_REPORTS = 2;

export interface PlannedCampaign {
  readonly label: string;
  readonly id: string;
  readonly created: boolean;
  /** For a new campaign: the earlier campaign it took most members from. */
  readonly splitFrom: string | null;
}

/** ACTIVE campaigns hold members; the others are kept so a dashboard can follow what became of them. */
export const CAMPAIGN_STATUSES = ['ACTIVE', 'MERGED', 'SPLIT', 'DISSOLVED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type Retirement =
  | { readonly id: string; readonly status: 'MERGED'; readonly mergedInto: string }
  | { readonly id: string; readonly status: 'SPLIT' | 'DISSOLVED'; readonly mergedInto: null };

export interface IdentityPlan {
  readonly campaigns: PlannedCampaign[];
  readonly retired: Retirement[];
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Gives this run's communities ids that last. An earlier campaign lives on in the community holding
 * more than half of its members (at most one can). A community that several earlier campaigns live on
 * in keeps the id of the one it holds most members of (then the larger, then the smaller id); the
 * others are MERGED into it. A community no earlier campaign lives on in gets a new id and records the
 * campaign it took most members from (splitFrom). An earlier campaign living on nowhere is SPLIT when
 * some of its members are in campaigns still, DISSOLVED when none are.
 */
export function planIdentities(
  overlaps: readonly Overlap[],
  reports: readonly CommunityReports[],
  earlier: readonly EarlierCampaign[],
  newId: () => string,
): IdentityPlan {
  const reportCount = new Map(reports.map((row) => [row.label, row.reports]));
  const size = new Map<string, number>();
  const shares = new Map<string, Map<string, number>>(); // earlier campaign -> label -> members
  for (const { label, campaignId, members } of overlaps) {
    size.set(label, (size.get(label) ?? 0) + members);
    if (campaignId === null) continue;
    const share = shares.get(campaignId) ?? new Map<string, number>();
    shares.set(campaignId, share.set(label, members));
  }
  const labels = [...size.keys()]
    .filter((label) => (size.get(label) ?? 0) >= MIN_MEMBERS && (reportCount.get(label) ?? 0) >= MIN_REPORTS)
    .sort(byKey);
  const isCampaign = new Set(labels);
  const share = (id: string, label: string) => shares.get(id)?.get(label) ?? 0;

  const heirs = new Map<string, EarlierCampaign[]>(); // label -> earlier campaigns living on in it
  for (const campaign of [...earlier].sort((a, b) => byKey(a.id, b.id))) {
    const held = [...(shares.get(campaign.id) ?? [])].filter(([label]) => isCampaign.has(label));
    const best = held.sort(([a, x], [b, y]) => y - x || byKey(a, b))[0];
    if (best && best[1] * 2 > campaign.size) heirs.set(best[0], [...(heirs.get(best[0]) ?? []), campaign]);
  }

  const campaigns: PlannedCampaign[] = [];
  const retired: Retirement[] = [];
  for (const label of labels) {
    const [keeper, ...merged] = (heirs.get(label) ?? []).sort(
      (a, b) => share(b.id, label) - share(a.id, label) || b.size - a.size || byKey(a.id, b.id),
    );
    if (keeper) {
      campaigns.push({ label, id: keeper.id, created: false, splitFrom: null });
      retired.push(...merged.map(({ id }) => ({ id, status: 'MERGED' as const, mergedInto: keeper.id })));
      continue;
    }
    const origin = earlier
      .filter(({ id }) => share(id, label) > 0)
      .sort((a, b) => share(b.id, label) - share(a.id, label) || byKey(a.id, b.id))[0];
    campaigns.push({ label, id: newId(), created: true, splitFrom: origin?.id ?? null });
  }

  const livesOn = new Set([...heirs.values()].flat().map(({ id }) => id));
  for (const { id } of earlier) {
    if (livesOn.has(id)) continue;
    const scattered = labels.some((label) => share(id, label) > 0);
    retired.push({ id, status: scattered ? 'SPLIT' : 'DISSOLVED', mergedInto: null });
  }
  return { campaigns, retired };
}

/** What became of an earlier campaign this run, for watches on it (src/monitoring). */
export interface CampaignFate {
  readonly id: string;
  /** MERGED into another; SPLIT: retired as SPLIT, or kept while a new campaign split from it. */
  readonly status: 'MERGED' | 'SPLIT';
  /** MERGED: the campaign it merged into. SPLIT: this run's campaigns holding its members (itself too, if kept), most first. */
  readonly into: readonly string[];
}

/** The merges and splits of `plan` (a dissolved campaign went nowhere; a kept one nothing split from has no news). */
export function fatesOf(plan: IdentityPlan, overlaps: readonly Overlap[]): CampaignFate[] {
  const idOf = new Map(plan.campaigns.map(({ label, id }) => [label, id]));
  const into = (id: string) =>
    overlaps
      .filter((overlap) => overlap.campaignId === id && idOf.has(overlap.label))
      .sort((a, b) => b.members - a.members || byKey(a.label, b.label))
      .map((overlap) => idOf.get(overlap.label)!);
  const retired = plan.retired.flatMap((campaign): CampaignFate[] =>
    campaign.status === 'MERGED'
      ? [{ id: campaign.id, status: 'MERGED', into: [campaign.mergedInto] }]
      : campaign.status === 'SPLIT'
        ? [{ id: campaign.id, status: 'SPLIT', into: into(campaign.id) }]
        : [],
  );
  const kept = new Set(plan.campaigns.filter((campaign) => !campaign.created).map((campaign) => campaign.id));
  const splitFromKept = [...new Set(plan.campaigns.flatMap(({ splitFrom }) => (splitFrom && kept.has(splitFrom) ? [splitFrom] : [])))];
  return [...retired, ...splitFromKept.sort(byKey).map((id): CampaignFate => ({ id, status: 'SPLIT', into: into(id) }))];
}
