import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { DetectionLock } from '../../src/campaigns/detection-lock.js';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { createDriver } from '../../src/graph/driver.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { FREE_MAIL, PLATFORMS, URL_SHORTENERS } from '../../src/ingest/normalise/domain-traits.data.js';
import { normaliseUrl } from '../../src/ingest/normalise/url.js';
import { normaliseWallet } from '../../src/ingest/normalise/wallet.js';
import type { TestApp } from '../helpers/app.js';
import { detect, detectionEngines, startDetectionApp } from '../helpers/campaigns.js';
import { scamgraphImport, type ImportReport } from '../helpers/scamgraph-cli.js';

// The real-data check: import EtherScamDB's scams.yaml (scam domains and their wallets) as a
// user would, detect campaigns with each engine, and compare them with the connected components of the
// domain-wallet graph, hubs excepted, as computed here from the YAML alone (never from the database).
// Only what a url, domain or wallet *is* comes from the product (its normalisers give the canonical
// keys); the graph, the hubs and what makes a campaign are computed here. A report names its url as
// well as the url's domain, and urls link too, so they are nodes of the graph and compared as well.
const root = new URL('../../', import.meta.url).pathname;
const FILE = join(root, 'test/fixtures/data/scams.yaml');
const SOURCE = 'cryptoscamdb';
// The suite's hub bound (startDetectionApp's): every test file detects over the one shared graph, so all
// must agree on what a hub is. On this data it matters: wallets and free hosts named by 6 to 26 entries.
const HUB_DEGREE = 5;
// Leiden splits components above this size, and the issue wants campaigns equal to components: the test
// gives the bound it runs with and checks below that no component reaches it.
const SPLIT_SIZE = 10_000;
// A campaign has at least two linking indicators and two reports (README, "Campaigns").
const [MIN_MEMBERS, MIN_REPORTS] = [2, 2];

interface Entry {
  id?: unknown;
  name?: unknown;
  url?: unknown;
  coin?: unknown;
  addresses?: unknown;
}

/** The entries as reports, the way `--format cryptoscamdb` promises: keyed `<id>:<name>`, each naming its url, domain and wallets. */
function reportsOf(entries: readonly Entry[]): Map<string, Set<string>> {
  const reports = new Map<string, Set<string>>();
  for (const entry of entries) {
    const indicators = new Set<string>();
    // The url, or the name when the url is unusable.
    const url = [entry.url, entry.name].map((value) => normaliseUrl(String(value ?? ''))).find((result) => result.ok);
    if (url?.ok) indicators.add(`url:${url.value.url}`).add(`domain:${url.value.domain}`);
    // An address takes the entry's coin as chain where valid there, else the chain its format says.
    const lists: [unknown, unknown][] =
      typeof entry.addresses === 'object' && entry.addresses !== null && !Array.isArray(entry.addresses)
        ? Object.entries(entry.addresses)
        : [[entry.coin, entry.addresses]];
    for (const [coin, list] of lists) {
      for (const address of [list ?? []].flat()) {
        const onCoin = coin ? normaliseWallet({ chain: String(coin), address: String(address) }) : null;
        const wallet = onCoin?.ok ? onCoin : normaliseWallet({ address: String(address) });
        if (wallet.ok) indicators.add(`wallet:${wallet.value.chain}:${wallet.value.address}`);
      }
    }
    const key = `${String(entry.id)}:${String(entry.name)}`;
    if (indicators.size > 0 && !reports.has(key)) reports.set(key, indicators);
  }
  return reports;
}

/** Campaigns as the product defines them, by union-find over the reports' shared indicators. */
function expectedCampaigns(reports: ReadonlyMap<string, ReadonlySet<string>>): { campaigns: string[][]; hubs: number; largest: number } {
  const degree = new Map<string, number>();
  for (const indicators of reports.values()) for (const key of indicators) degree.set(key, (degree.get(key) ?? 0) + 1);
  const curated = new Set([...URL_SHORTENERS, ...PLATFORMS, ...FREE_MAIL].map((name) => `domain:${name}`));
  const isHub = (key: string) => curated.has(key) || (degree.get(key) ?? 0) > HUB_DEGREE;

  const parent = new Map<string, string>();
  const find = (key: string): string => {
    if (!parent.has(key)) parent.set(key, key);
    const next = parent.get(key) as string;
    if (next === key) return key;
    const top = find(next);
    parent.set(key, top);
    return top;
  };
  for (const indicators of reports.values()) {
    const linking = [...indicators].filter((key) => !isHub(key));
    for (const key of linking.slice(1)) parent.set(find(key), find(linking[0] as string));
  }
  const members = new Map<string, string[]>();
  const reportCount = new Map<string, number>();
  for (const key of parent.keys()) members.set(find(key), [...(members.get(find(key)) ?? []), key]);
  for (const indicators of reports.values()) {
    for (const top of new Set([...indicators].filter((key) => parent.has(key)).map(find)))
      reportCount.set(top, (reportCount.get(top) ?? 0) + 1);
  }
  const components = [...members].filter(([top, keys]) => keys.length >= MIN_MEMBERS && (reportCount.get(top) ?? 0) >= MIN_REPORTS);
  return {
    campaigns: components.map(([, keys]) => keys.sort()),
    hubs: [...degree.keys()].filter(isHub).length,
    largest: Math.max(0, ...[...members.values()].map((keys) => keys.length)),
  };
}

/** Each imported indicator and its campaign (null: none), read back from the graph. */
async function membership(driver: Driver): Promise<Map<string, string | null>> {
  const { records } = await driver.executeQuery(
    `MATCH (:Report {source: $source})-[:LINKS_TO|NAMES_DOMAIN|PAY_TO]->(i)
     WITH DISTINCT i
     OPTIONAL MATCH (i)-[:IN_CAMPAIGN]->(c:Campaign)
     RETURN CASE WHEN i:Url THEN 'url:' + i.url WHEN i:Domain THEN 'domain:' + i.name
                 ELSE 'wallet:' + i.chain + ':' + i.address END AS key, c.id AS campaign`,
    { source: SOURCE },
  );
  return new Map(records.map((record) => [record.get('key') as string, record.get('campaign') as string | null]));
}

/** A partition as a set of member lists, each sorted and joined: equal partitions give equal sets. */
const asSet = (groups: readonly string[][]) => new Set(groups.map((keys) => [...keys].sort().join(' ')));

/** What one partition has that the other lacks, a few of each, for a failure message a person can act on. */
function partitionDiff(expected: readonly string[][], found: readonly string[][]) {
  const [want, got] = [asSet(expected), asSet(found)];
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((group) => !b.has(group));
  const [missing, unexpected] = [only(want, got), only(got, want)];
  return {
    missing: missing.length,
    unexpected: unexpected.length,
    someMissing: missing.slice(0, 5),
    someUnexpected: unexpected.slice(0, 5),
  };
}

const entries = parse(readFileSync(FILE, 'utf8')) as Entry[];
const reports = reportsOf(entries);
const expected = expectedCampaigns(reports);
const engines = await detectionEngines();
let driver: Driver;
let importReport: ImportReport;
const found: Record<string, string[][]> = {};

beforeAll(async () => {
  // The product's driver settings (numbers as numbers), which GraphExecutor expects.
  driver = createDriver({ uri: inject('neo4jUri'), user: inject('neo4jUser') || 'neo4j', password: inject('neo4jPassword') });
  const reportPath = join(mkdtempSync(join(tmpdir(), 'scamgraph-real-')), 'scams.import-report.json');
  importReport = await scamgraphImport(FILE, '--format', 'cryptoscamdb', '--report', reportPath);
}, 300_000);

// The graph is shared with every other test file: take what this file wrote out again, under the
// detection lock, so no run elsewhere reads it half deleted.
afterAll(async () => {
  const graph = new GraphExecutor(driver, loadCypherRegistry(), undefined);
  const lock = new DetectionLock(graph);
  const holder = `real-campaigns-cleanup-${randomUUID()}`;
  if (!(await lock.acquire(holder, 600_000))) throw new Error('cleanup could not take the detection lock in 10 minutes');
  try {
    const { records } = await driver.executeQuery(
      `MATCH (:Report {source: $source})-[:LINKS_TO|NAMES_DOMAIN|PAY_TO]->(i)
       OPTIONAL MATCH (i)-[:IN_CAMPAIGN]->(c:Campaign)
       RETURN collect(DISTINCT CASE WHEN NOT i:Domain THEN elementId(i) END) AS urlsAndWallets,
              collect(DISTINCT CASE WHEN i:Domain THEN elementId(i) END) AS domains, collect(DISTINCT elementId(c)) AS campaigns`,
      { source: SOURCE },
    );
    const session = driver.session();
    try {
      await session.run('MATCH (r:Report {source: $source}) CALL (r) { DETACH DELETE r } IN TRANSACTIONS OF 1000 ROWS', { source: SOURCE });
      // Urls before their domains, members before their campaigns; anything still used elsewhere stays.
      for (const ids of ['urlsAndWallets', 'domains', 'campaigns']) {
        await session.run(
          `UNWIND $ids AS id
           MATCH (n) WHERE elementId(n) = id
             AND NOT EXISTS { (n)<-[:LINKS_TO|NAMES_DOMAIN|PAY_TO|CONTACT_EMAIL|ON_DOMAIN|AT_DOMAIN|IN_CAMPAIGN]-() }
           CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`,
          { ids: records[0]?.get(ids) ?? [] },
        );
      }
    } finally {
      await session.close();
    }
  } finally {
    await lock.release(holder);
    await driver.close();
  }
}, 600_000);

describe('scams.yaml imported with --format cryptoscamdb', () => {
  it('writes one report per entry with a usable url or address, and every indicator the YAML names', async () => {
    const { summary } = importReport;
    expect(summary).toMatchObject({ rows: entries.length, rejected: entries.length - reports.size, stopped: null });
    // A re-run over a graph that already holds them finds them all duplicates.
    expect((summary['accepted'] ?? 0) + (summary['duplicate'] ?? 0)).toBe(reports.size);
    const { records } = await driver.executeQuery('MATCH (r:Report {source: $source}) RETURN count(r) AS reports', { source: SOURCE });
    expect(records[0]?.get('reports')).toBe(reports.size);
    const named = new Set([...reports.values()].flatMap((indicators) => [...indicators]));
    expect(new Set((await membership(driver)).keys())).toEqual(named);
  });

  it('has components small enough that Leiden never splits one', () => {
    expect(expected.largest).toBeLessThanOrEqual(SPLIT_SIZE);
    // Sanity: real clusters, and hubs that would glue them.
    expect(expected.campaigns.length).toBeGreaterThan(100);
    expect(expected.hubs).toBeGreaterThan(10);
  });
});

describe.each(engines)('campaigns of scams.yaml, %s engine', (engine) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startDetectionApp(engine, { CAMPAIGN_HUB_DEGREE: String(HUB_DEGREE), CAMPAIGN_SPLIT_SIZE: String(SPLIT_SIZE) });
    expect((await detect(app)).engine).toBe(engine);
    const byCampaign = new Map<string, string[]>();
    for (const [key, campaign] of await membership(driver))
      if (campaign) byCampaign.set(campaign, [...(byCampaign.get(campaign) ?? []), key]);
    found[engine] = [...byCampaign.values()];
  }, 300_000);
  afterAll(() => app?.stop());

  // Since issue 15 a campaign is a community, not a component: a component held together by one entry
  // (one report) naming two groups' wallets is shown as two campaigns and a bridge. So each campaign
  // lies inside one component of the YAML's graph, and nearly every component is found whole.
  it('never puts indicators of two components of the domain-wallet graph in one campaign', () => {
    const componentOf = new Map(expected.campaigns.flatMap((keys, index) => keys.map((key) => [key, index] as const)));
    const spanning = (found[engine] ?? []).filter((keys) => new Set(keys.map((key) => componentOf.get(key) ?? -1)).size > 1);
    expect(spanning).toEqual([]);
  });

  it('finds at least 98% of the components whole, hubs excepted', () => {
    const { missing } = partitionDiff(expected.campaigns, found[engine] ?? []);
    expect(missing).toBeLessThanOrEqual(Math.floor(expected.campaigns.length * 0.02));
  });
});

describe.skipIf(engines.length < 2)('campaigns of scams.yaml, both engines', () => {
  // Leiden (GDS) may split a core component the Cypher engine keeps whole: on this data 2 of 458.
  it('agree on all but 1% of the campaigns', () => {
    const { missing, unexpected } = partitionDiff(found['gds'] ?? [], found['cypher'] ?? []);
    expect(Math.max(missing, unexpected)).toBeLessThanOrEqual(Math.ceil(expected.campaigns.length * 0.01));
  });
});
