import type { FormattedExecutionResult } from 'graphql';
import type { Caller } from '../auth/api-key.service.js';

/** Runs one operation through the process's own GraphQL path (RunningServer.execute), as `caller`. */
export type Execute = (query: string, variables: Record<string, unknown>, caller: Caller) => Promise<FormattedExecutionResult>;

/** What one warm-up did: the campaign it drew and the nodes of its picture, or null and 0 on a graph without campaigns. */
export interface LaneWarmUp {
  readonly campaign: string | null;
  readonly nodes: number;
  readonly ms: number;
}

/** The warm-up asks as an analyst would; it has no key, and is never charged or rate limited (the lane's limits are its parent's). */
const WARM_UP_CALLER: Caller = { keyId: 'heavy-lane-warm-up', role: 'ANALYST' };

/** V8 optimises over several runs (see warmUpLane's figures): three cost the lane about 0.7 s of CPU at its low priority. */
const PASSES = 3;

const LARGEST = 'query LaneWarmUpLargestCampaign { campaigns(first: 1) { edges { node { id } } } }';
/** The explorer's campaign page asks this (explorer/src/pages/campaign.page.ts, PICTURE_FIELDS in explorer/src/graph-data.ts). */
const CAMPAIGN_PAGE = `query LaneWarmUpCampaign($id: ID!) { campaign(id: $id) {
  id status size reportCount firstSeen lastSeen brands { slug name } scamTypes { scamType reports } reportsByWeek { week reports } undatedReportCount
  channels { channel reports } mergedInto { id }
  picture {
    truncated memberCount nodes { id kind label hub official reportCount firstSeen lastSeen }
    edgeColumns { source target kind reports } bridges { id size weight reports members }
  }
} }`;

/**
 * The heavy lane's first answer of a campaign's page costs it more CPU than later ones: V8 compiles,
 * then optimises, the execution, the resolvers, the row decoding and the picture's code. Measured on
 * a 2,003-node picture (dist/, Neo4j's plans and page cache warm, the lane's CPU from /proc, load 3.6
 * to 5.9): 370 to 380 ms for the first answer, 150 to 200 for the second and third, 110 to 140 from the
 * fourth. So the lane draws the largest campaign's page itself, through its own GraphQL path, PASSES
 * times before an analyst's first search: that search's answer then took 150 to 160 ms of its CPU
 * (220 to 230 after one pass). On a graph without campaigns nothing runs past the listing.
 */
export async function warmUpLane(execute: Execute): Promise<LaneWarmUp> {
  const started = performance.now();
  const listed = answered<{ campaigns: { edges: { node: { id: string } }[] } }>(await execute(LARGEST, {}, WARM_UP_CALLER));
  const campaign = listed.campaigns.edges[0]?.node.id ?? null;
  let nodes = 0;
  for (let pass = 0; campaign && pass < PASSES; pass++) {
    const page = answered<{ campaign: { picture: { nodes: unknown[] } | null } | null }>(
      await execute(CAMPAIGN_PAGE, { id: campaign }, WARM_UP_CALLER),
    );
    nodes = page.campaign?.picture?.nodes.length ?? 0;
  }
  return { campaign, nodes, ms: Math.round(performance.now() - started) };
}

function answered<T>(result: FormattedExecutionResult): T {
  if (result.errors?.length || !result.data) throw new Error(`the warm-up query failed: ${result.errors?.[0]?.message ?? 'no data'}`);
  return result.data as T;
}
