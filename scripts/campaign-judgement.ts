// The raw pages behind docs/campaign-judgement.md (issue 15): a check of campaign detection that does
// not repeat the algorithm. Imports the real-data fixture (EtherScamDB's scams.yaml, as
// test/integration/real-campaigns.test.ts does) into a Neo4j of its own, detects, then asks the API,
// as an analyst would, why each of a sample of campaigns holds together (strongest links and the
// reports behind them) and what ties it to others too weakly to merge (bridges). A person reads the
// pages and judges each campaign; this script never judges.
//   npx tsx scripts/campaign-judgement.ts [--sample 50] [--engine gds|cypher] [--hub-degree 5] > pages.md
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { projectRoot } from '../src/config/project-root.js';
import { runService } from '../src/main.js';
import { freePort } from './neo4j/free-port.js';
import { startLocalNeo4j } from './neo4j/runtime.js';
import { importCommand } from './scamgraph/import-command.js';

const { values } = parseArgs({
  options: {
    sample: { type: 'string', default: '50' },
    engine: { type: 'string', default: 'gds' },
    // The real-data test's hub bound: on this data, wallets and free hosts named by 6 to 26 entries.
    'hub-degree': { type: 'string', default: '5' },
    file: { type: 'string', default: join(projectRoot(), 'test/fixtures/data/scams.yaml') },
  },
});
const sample = Number(values.sample);
const log = (line: string) => process.stderr.write(`${line}\n`);
const out = (line = '') => process.stdout.write(`${line}\n`);
const ADMIN_KEY = 'campaign-judgement-admin-key-0123456789';

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL answered errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

interface End {
  kind: string;
  key: string;
}
interface Link {
  from: End;
  to: End;
  weight: number;
  reports: number;
  reportIds: string[];
}
interface Campaign {
  id: string;
  size: number;
  reportCount: number;
  bridgeCount: number;
  domains: { name: string; isPlatform: boolean; isShortener: boolean; isFreeMail: boolean; campaign: { id: string } | null }[];
  wallets: { chain: string; address: string; campaign: { id: string } | null }[];
  strongestLinks: Link[];
  bridges: { campaignId: string; weight: number; links: Link[] }[];
}
interface Report {
  id: string;
  externalId: string | null;
  text: string | null;
  domains: { name: string }[];
  wallets: { address: string }[];
}

const LINK = 'from { kind key } to { kind key } weight reports reportIds';
const CAMPAIGN = `id size reportCount bridgeCount domains { name isPlatform isShortener isFreeMail campaign { id } } wallets { chain address campaign { id } }
  strongestLinks { ${LINK} } bridges { campaignId weight links { ${LINK} } }`;

async function pages(url: string): Promise<void> {
  const run = await gql<{ detectCampaigns: { engine: string; campaignCount: number; tookMs: number } }>(
    url,
    'mutation { detectCampaigns { engine campaignCount tookMs } }',
  );
  log(`detected ${run.detectCampaigns.campaignCount} campaigns with ${run.detectCampaigns.engine} in ${run.detectCampaigns.tookMs} ms`);
  const all: Campaign[] = [];
  for (let after: string | null = null; ;) {
    const { campaigns }: { campaigns: { edges: { node: Campaign }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } } = await gql(
      url,
      `query($after: String) { campaigns(first: 100, after: $after) { edges { node { ${CAMPAIGN} } } pageInfo { endCursor hasNextPage } } }`,
      { after },
    );
    all.push(...campaigns.edges.map((edge) => edge.node));
    if (!campaigns.pageInfo.hasNextPage) break;
    after = campaigns.pageInfo.endCursor;
  }
  // Ids are new on every empty graph; the smallest member names a campaign across re-runs. Evenly spaced
  // over that order, so the sample takes large and small campaigns alike and no one chooses them.
  const member = (indicator: { campaign: { id: string } | null }, campaign: Campaign) => indicator.campaign?.id === campaign.id;
  const name = (campaign: Campaign) =>
    [
      ...campaign.domains.filter((d) => member(d, campaign)).map((d) => d.name),
      ...campaign.wallets.filter((w) => member(w, campaign)).map((w) => w.address.toLowerCase()),
    ].sort()[0] ?? campaign.id;
  const ordered = all.sort((x, y) => name(x).localeCompare(name(y)));
  const picked = ordered
    .filter(
      (_, index) => Math.floor((index * sample) / ordered.length) !== Math.floor(((index - 1) * sample) / ordered.length) || index === 0,
    )
    .slice(0, sample);
  const bridged = all.filter((campaign) => campaign.bridgeCount > 0).length;
  out(
    `# Campaign pages: ${picked.length} of ${all.length} campaigns (${run.detectCampaigns.engine}, ${bridged} of them with bridges), scams.yaml`,
  );
  // The sample rarely meets a bridge on this data; every campaign with one follows it, so the weak links are read too.
  const withBridges = all.filter((campaign) => campaign.bridgeCount > 0 && !picked.includes(campaign));
  for (const [index, campaign] of [...picked, ...withBridges].entries()) {
    if (index === picked.length) out(`\n# Every other campaign with bridges (${withBridges.length}), beyond the sample`);
    const reportIds = [
      ...new Set(
        [...campaign.strongestLinks.slice(0, 3), ...campaign.bridges.flatMap((bridge) => bridge.links)].flatMap((link) => link.reportIds),
      ),
    ];
    const reports = await reportsByIds(url, reportIds);
    const byId = new Map(reports.filter((report): report is Report => report !== null).map((report) => [report.id, report]));
    out(
      `\n## ${index + 1}. ${name(campaign)} (${campaign.size} indicators, ${campaign.reportCount} reports, ${campaign.bridgeCount} bridges)`,
    );
    // A domain or wallet listed but linking another campaign or none is a hub the reports use, not a member.
    const role = (indicator: { campaign: { id: string } | null }, hub: string) =>
      indicator.campaign?.id === campaign.id ? '' : ` (${hub}, not a member)`;
    const hubKind = (d: Campaign['domains'][number]) =>
      d.isPlatform ? 'platform' : d.isShortener ? 'shortener' : d.isFreeMail ? 'free mail' : 'hub';
    out(`- domains: ${campaign.domains.map((d) => `${d.name}${role(d, hubKind(d))}`).join(', ') || '-'}`);
    out(`- wallets: ${campaign.wallets.map((w) => `${w.chain}:${w.address}${role(w, 'hub')}`).join(', ') || '-'}`);
    out('- strongest links:');
    for (const link of campaign.strongestLinks.slice(0, 3)) out(`  - ${describe(link)}; ${reportsOf(link, byId)}`);
    for (const bridge of campaign.bridges) {
      const other = all.find((candidate) => candidate.id === bridge.campaignId);
      out(`- weak link to ${other ? name(other) : bridge.campaignId} (weight ${bridge.weight.toFixed(2)}):`);
      for (const link of bridge.links) out(`  - ${describe(link)}; ${reportsOf(link, byId)}`);
    }
  }
}

/** The reports behind the links, in one request (aliased report(id:) fields). */
async function reportsByIds(url: string, ids: string[]): Promise<(Report | null)[]> {
  if (ids.length === 0) return [];
  const fields = ids.map((id, i) => `r${i}: report(id: ${JSON.stringify(id)}) { id externalId text domains { name } wallets { address } }`);
  return Object.values(await gql<Record<string, Report | null>>(url, `{ ${fields.join('\n')} }`));
}

const describe = (link: Link) =>
  `${link.from.kind} ${link.from.key} -- ${link.to.kind} ${link.to.key}: weight ${link.weight.toFixed(2)}, ${link.reports} reports`;

function reportsOf(link: Link, byId: Map<string, Report>): string {
  return link.reportIds
    .map((id) => {
      const report = byId.get(id);
      return report ? `entry ${report.externalId ?? id}${report.text ? ` "${report.text.slice(0, 80).replace(/\s+/g, ' ')}"` : ''}` : id;
    })
    .join('; ');
}

const home = join(projectRoot(), '.neo4j', 'campaign-judgement');
const neo4j = await startLocalNeo4j({ port: await freePort(), home, heap: '2g', pageCache: '512m', log });
try {
  // Import once per home: the marker names the file imported.
  const marker = join(home, 'imported.txt');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== values.file) {
    process.env['NEO4J_URI'] = neo4j.uri;
    const code = await importCommand([values.file, '--format', 'cryptoscamdb', '--report', join(home, 'import-report.json')]);
    if (code !== 0) throw new Error(`scamgraph import exited with ${code}`);
    writeFileSync(marker, values.file);
  }
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: neo4j.uri,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SCAMGRAPH_ADMIN_KEY: ADMIN_KEY,
    CAMPAIGN_ENGINE: values.engine,
    CAMPAIGN_HUB_DEGREE: values['hub-degree'],
    ALERT_DELIVERY: 'false',
    COST_BUDGET_PER_MINUTE: '1000000000',
    REQUEST_DEADLINE_MS: '300000',
  });
  const service = await runService(config, neo4j.uri, process.stderr as never);
  try {
    await pages(service.url);
  } finally {
    await service.stop();
  }
} finally {
  await neo4j.stop();
}
