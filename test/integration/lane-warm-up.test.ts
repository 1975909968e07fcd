import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultHome, startLocalNeo4j, type LocalNeo4j } from '../../scripts/neo4j/runtime.js';
import { freePort } from '../../scripts/neo4j/free-port.js';
import { loadConfig } from '../../src/config/config.js';
import { runService, type RunningService } from '../../src/main.js';
import { TEST_ADMIN_KEY, uniqueDomain, uniqueMobile } from '../helpers/app.js';

// Issue 19: the heavy-lane process draws the largest campaign's page through its own GraphQL path once
// serving and after each detection run, so an analyst's first search finds its code compiled
// (src/server/lane-warm-up.ts). A Neo4j of this file's own: the suite's holds other files' campaigns,
// and the first case needs a graph with none.
const HOME = defaultHome(`lane-warm-up-${process.pid}`);
const local = inject('neo4jServer') === 'local';
let neo4jServer: LocalNeo4j | undefined;

interface Started {
  readonly service: RunningService;
  /** What the parent logged of its lane's warm-ups, in order. */
  readonly warmUps: () => { campaign: string | null; nodes: number }[];
  readonly failures: () => unknown[];
  readonly gql: (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: unknown[] }>;
}
const running: RunningService[] = [];

async function start(): Promise<Started> {
  const lines: { msg: string; warmUp?: { campaign: string | null; nodes: number } }[] = [];
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'debug',
    NODE_ENV: 'test',
    SCAMGRAPH_ADMIN_KEY: TEST_ADMIN_KEY,
    HEAVY_LANE: 'process',
    REQUEST_DEADLINE_MS: '120000',
    ALERT_DELIVERY: 'false',
  });
  const service = await runService(config, (neo4jServer as LocalNeo4j).uri, { write: (line: string) => void lines.push(JSON.parse(line)) });
  running.push(service);
  return {
    service,
    warmUps: () => lines.flatMap((line) => (line.msg === 'heavy lane warmed up' && line.warmUp ? [line.warmUp] : [])),
    failures: () => lines.filter((line) => line.msg === 'heavy lane warm-up failed'),
    gql: async (query, variables = {}) => {
      const response = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: any; errors?: unknown[] };
    },
  };
}

const PICTURE = 'query($id: ID!) { campaign(id: $id) { picture { nodes { id } } } }';

beforeAll(async () => {
  if (!local) return;
  neo4jServer = await startLocalNeo4j({ port: await freePort(), home: HOME, heap: '1g', pageCache: '256m', wipeData: true });
}, 600_000);

afterAll(async () => {
  for (const service of running) await service.stop().catch(() => {});
  await neo4jServer?.stop();
  await rm(HOME, { recursive: true, force: true });
}, 120_000);

describe.skipIf(!local)("the heavy lane's warm-up", { timeout: 120_000 }, () => {
  let app: Started;

  it('draws nothing on a graph without campaigns, and the lane serves as before', async () => {
    app = await start();
    await expect.poll(() => app.warmUps(), { timeout: 60_000 }).toEqual([{ campaign: null, nodes: 0, ms: expect.any(Number) }]);
    expect(app.failures()).toEqual([]);
    const lane = await app.service.heavyLane();
    expect(lane?.pid).toBeGreaterThan(0);
    // A heavy query still runs there: the campaign page, of a campaign no graph has.
    const answer = await app.gql(PICTURE, { id: '00000000-0000-0000-0000-000000000000' });
    expect(answer).toEqual({ data: { campaign: null } });
    expect((await app.service.heavyLane())?.pid).toBe(lane?.pid);
  });

  it("draws the campaign a detection run made, in the lane, once the run's planning is done", async () => {
    const [p1, p2, domain] = [uniqueMobile(), uniqueMobile(), uniqueDomain()];
    const submitted = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', {
      r: [p1, p2].map((number) => ({ channel: 'SMS', callbackNumbers: [number], urls: [`https://${domain}/`] })),
    });
    expect(submitted.errors).toBeUndefined();
    expect((await app.gql('mutation { detectCampaigns { campaignCount } }')).data).toEqual({ detectCampaigns: { campaignCount: 1 } });
    const { data } = await app.gql('query($n: String!) { phoneNumber(number: $n) { campaign { id } } }', { n: p1 });
    const campaign = data.phoneNumber.campaign.id as string;
    const { nodes } = (await app.gql(PICTURE, { id: campaign })).data.campaign.picture;
    expect(nodes.length).toBeGreaterThan(0);
    await expect.poll(() => app.warmUps().length, { timeout: 60_000 }).toBe(2);
    expect(app.warmUps()[1]).toMatchObject({ campaign, nodes: nodes.length });
    expect(app.failures()).toEqual([]);
  });

  it('draws the largest campaign when a lane starts on a graph that has one; this process runs none of its statements', async () => {
    await app.service.stop();
    running.splice(running.indexOf(app.service), 1);
    const ran: string[] = [];
    const restarted = await start();
    const stopListening = restarted.service.graph.onQuery((name) => ran.push(name));
    try {
      const { data } = await restarted.gql('{ campaigns(first: 1) { edges { node { id size } } } }');
      const [largest] = data.campaigns.edges;
      await expect.poll(() => restarted.warmUps().length, { timeout: 60_000 }).toBe(1);
      expect(restarted.warmUps()[0]).toMatchObject({ campaign: largest.node.id, nodes: expect.any(Number) });
      expect(restarted.warmUps()[0]?.nodes).toBeGreaterThan(0);
      // The picture's statement ran in the lane process only: this one listed the campaigns, nothing more.
      expect(ran).not.toContain('campaigns/campaign-picture');
    } finally {
      stopListening();
    }
  });
});
