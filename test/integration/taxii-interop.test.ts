import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCER } from '../../src/evidence/stix-ids.js';
import { campaignCollectionId, INDICATORS_COLLECTION_ID } from '../../src/taxii/taxii-collections.js';
import { startTestApp, TEST_ADMIN_KEY, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { interopToolsMissing, runInteropCheck, runInteropClient, unexplained, type StixCheck } from '../helpers/interop-python.js';
import { testDriver } from '../helpers/neo4j.js';

// The TAXII server polled by the OASIS client, taxii2-client (test/interop/check_taxii.py), as a
// threat-intel platform polls it; what it reads then goes through the OASIS validator and stix2
// (test/interop/check_stix.py) as bundles, to show the collections' objects stand on their own.

interface TaxiiPoll {
  title: string;
  apiRoots: string[];
  versions: string[];
  collections: { id: string; title: string; canRead: boolean; canWrite: boolean }[];
  since: any[];
  sinceMore: boolean;
  definitions: any[];
  pageSizes: number[];
  paged: any[];
  one: any[];
  manifest: { id: string; date_added: string; version: string; media_type: string }[];
  bearerTitle: string;
  wrongKey: number;
}

const MISSING = interopToolsMissing();
let app: TestApp;
const driver = testDriver();
const tag = uniqueId().slice(0, 8);
const campaignId = `taxii-interop-${tag}`;
const [risky, site] = [uniqueMobile(), uniqueDomain()];
let since = '';
let poll: TaxiiPoll;

const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects });

beforeAll(async () => {
  if (MISSING) return;
  // The collections' window ends FEED_SETTLE_MS in the past: none here, so they hold what was just written.
  app = await startTestApp({ FEED_SETTLE_MS: '0' });
  since = new Date(Date.now() - 1).toISOString();
  const submitted = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { field code } } }', {
    r: ['A', 'B', 'A', 'B'].map((brand, i) => ({
      source: `taxii-interop-${tag}`,
      channel: i === 2 ? 'EMAIL' : 'SMS',
      claimedBrand: `Taxbank ${brand} ${tag}`,
      text: `Taxbank: your refund is waiting. Call ${risky} or visit https://${site}/${i}`,
      callbackNumbers: [risky],
      urls: [`https://${site}/${i}`],
    })),
  });
  expect(submitted.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
  await driver.executeQuery(
    `CREATE (c:Campaign {id: $id, size: 2, reportCount: 4, status: 'ACTIVE', createdAt: datetime()})
     WITH c MATCH (r:Report {source: $source}) CREATE (r)-[:IN_CAMPAIGN]->(c)`,
    { id: campaignId, source: `taxii-interop-${tag}` },
  );
  const plan = {
    discovery: `${new URL(app.url).origin}/taxii2/`,
    key: TEST_ADMIN_KEY,
    indicators: INDICATORS_COLLECTION_ID,
    campaign: campaignCollectionId(campaignId),
    since,
    limit: 3,
  };
  [poll] = (await runInteropClient<TaxiiPoll>('check_taxii.py', [JSON.stringify(plan)])) as [TaxiiPoll];
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await driver.close();
});

describe('the TAXII server polled by taxii2-client', () => {
  it('discovery, the API root and its collections, over Basic and Bearer; a wrong key refused with 401', (context) => {
    if (MISSING) return context.skip(MISSING);
    expect(poll.title).toBe('scamgraph');
    expect(poll.apiRoots).toEqual([`${new URL(app.url).origin}/taxii2/scamgraph/`]);
    expect(poll.versions).toEqual(['application/taxii+json;version=2.1']);
    expect(poll.collections).toEqual(
      expect.arrayContaining([
        { id: INDICATORS_COLLECTION_ID, title: 'scamgraph high-risk indicators', canRead: true, canWrite: false },
        { id: campaignCollectionId(campaignId), title: `scamgraph campaign ${campaignId}`, canRead: true, canWrite: false },
      ]),
    );
    expect(poll.bearerTitle).toBe('scamgraph');
    expect(poll.wrongKey).toBe(401);
  });

  it('objects since a time, every page of a campaign by limit, one object and the manifest', (context) => {
    if (MISSING) return context.skip(MISSING);
    expect(poll.since.map((object) => object.name)).toEqual(expect.arrayContaining([risky, site]));
    expect(poll.definitions.map((object) => object.id)).toContain(PRODUCER.id);
    expect(poll.pageSizes.length).toBeGreaterThan(2);
    expect(poll.pageSizes.every((size) => size <= 3)).toBe(true);
    const ids = poll.paged.map((object) => object.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('report--'))).toHaveLength(4);
    expect(poll.one).toEqual([poll.paged.at(-1)]);
    expect(poll.manifest.map((entry) => entry.id)).toEqual(ids);
    for (const entry of poll.manifest) expect(entry.media_type).toBe('application/stix+json;version=2.1');
  });

  it('what the collections served passes the OASIS validator and stix2 as bundles', (context) => {
    if (MISSING) return context.skip(MISSING);
    const ours = poll.since.filter((object) => [risky, site].includes(object.name));
    const checks = runInteropCheck<StixCheck>('check_stix.py', [bundle([...poll.definitions, ...ours]), bundle(poll.paged)]);
    for (const check of checks) {
      expect({ errors: check.errors, parseError: check.parseError, extensionProblems: check.extensionProblems }).toEqual({
        errors: [],
        parseError: null,
        extensionProblems: [],
      });
      expect(unexplained(check).map((warning) => warning.message)).toEqual([]);
    }
  });
});
