// Counts stay exact when several clients write overlapping reports at once: every count ingest
// keeps (per indicator, per brand, per shared-infrastructure link) equals what serial submission of
// the same reports gives and a recount from the relationships themselves, and no report is lost or
// written twice.
import fc from 'fast-check';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { unregisteredSlug } from '../../src/brands/brand-key.js';
import { plain } from '../helpers/graph-snapshot.js';
import { testDriver } from '../helpers/neo4j.js';

const SUBMIT = 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { index duplicate errors { code } report { id } } }';

// Each kept count beside the same figure recounted from relationships, for the nodes and links of one run.
const COUNTS = /* cypher */ `
  CALL {
    MATCH (n) WHERE (n:PhoneNumber AND n.e164 IN $numbers) OR (n:Domain AND n.name IN $domains) OR (n:Brand AND n.slug IN $brands)
    OPTIONAL MATCH (r:Report)-->(n)
    WITH n, count(DISTINCT r) AS reports, min(r.receivedAt) AS first, max(r.receivedAt) AS last
    RETURN coalesce(n.e164, n.name, n.slug) AS key,
      [n.reportCount, n.firstSeen, n.lastSeen, n.callbackCount, n.callerIdCount, n.brandCount, n.domainCount, n.callbackNumberCount] AS kept,
      [reports, first, last,
       CASE WHEN n:PhoneNumber THEN COUNT { ()-[:CALLBACK_NUMBER]->(n) } END,
       CASE WHEN n:PhoneNumber THEN COUNT { ()-[:CALLER_ID]->(n) } END,
       CASE WHEN n:Brand THEN n.brandCount ELSE COUNT { (n)-[:CALLBACK_FOR|DOMAIN_FOR]->() } END,
       CASE WHEN n:PhoneNumber THEN COUNT { (n)-[:CALLBACK_WITH]->() } WHEN n:Brand THEN COUNT { ()-[:DOMAIN_FOR]->(n) } ELSE n.domainCount END,
       CASE WHEN n:PhoneNumber THEN n.callbackNumberCount ELSE COUNT { ()-[:CALLBACK_FOR|CALLBACK_WITH]->(n) } END] AS recounted
    UNION ALL
    MATCH (a)-[x:CALLBACK_FOR|CALLBACK_WITH|DOMAIN_FOR]->(b)
    WHERE coalesce(a.e164, a.name) IN $numbers + $domains
    CALL (a, b, x) {
      MATCH (r:Report)-->(a), (r)-->(b)
      WHERE (type(x) <> 'CALLBACK_FOR' AND type(x) <> 'CALLBACK_WITH') OR (r)-[:CALLBACK_NUMBER]->(a)
      RETURN count(DISTINCT r) AS reports, max(r.receivedAt) AS last
    }
    RETURN type(x) + ' ' + coalesce(a.e164, a.name) + ' ' + coalesce(b.name, b.slug) AS key, [x.reports, x.lastSeen] AS kept, [reports, last] AS recounted
  }
  RETURN key, kept, recounted ORDER BY key
`;

const REPORTS = 'MATCH (r:Report) WHERE r.source = $source RETURN count(r) AS reports, count(DISTINCT r.externalId) AS ids';

let app: TestApp;
let driver: Driver;
beforeAll(async () => {
  // Four writers per process: the batches of the four clients run in the database at once, as they would from four API processes.
  app = await startTestApp({ INGEST_WRITERS: '4', INGEST_WRITE_BATCH: '7' });
  driver = testDriver();
});
afterAll(async () => {
  await driver?.close();
  await app?.stop();
});

async function submit(reports: Record<string, unknown>[]) {
  const response = await app.gql(SUBMIT, { r: reports });
  expect(response.errors).toBeUndefined();
  return response.data!['submitReports'] as { duplicate: boolean; errors: unknown[] }[];
}

async function counts(numbers: string[], domains: string[], brands: string[]) {
  const { records } = await driver.executeQuery(COUNTS, { numbers, domains, brands }, { routing: neo4j.routing.READ });
  return records.map((record) => plain(record.toObject()) as { key: string; kept: unknown[]; recounted: unknown[] });
}

/** The names one world's reports use: two worlds built from one seed differ in these alone. */
function names() {
  return {
    numbers: Array.from({ length: 4 }, uniqueMobile),
    domains: Array.from({ length: 3 }, uniqueDomain),
    brands: Array.from({ length: 2 }, () => `Brand ${uniqueId().slice(0, 8)}`),
    source: `concurrency-${uniqueId()}`,
  };
}
type Names = ReturnType<typeof names>;

/**
 * Four clients' batches over a few numbers, domains and brands that every client keeps naming (the
 * same nodes, the same links). Client c's report k has its own externalId; some are sent by the next
 * client too, the very same report, so that client's copy is a duplicate whichever lands first.
 */
function world(seed: number, perClient: number, { numbers, domains, brands, source }: Names) {
  const pick = <T>(list: T[], at: number) => list[at % list.length] as T;
  let next = seed;
  const random = () => (next = (next * 1_103_515_245 + 12_345) % 2 ** 31);
  const own = Array.from({ length: 4 }, (_, c) =>
    Array.from({ length: perClient }, (_, k) => ({
      source,
      externalId: `c${c}-r${k}`,
      channel: 'SMS',
      receivedAt: new Date(Date.UTC(2026, 0, 1 + (random() % 300))).toISOString(),
      claimedBrand: pick(brands, random()),
      callbackNumbers: [pick(numbers, random()), pick(numbers, random())],
      callerIds: random() % 3 === 0 ? [pick(numbers, random())] : [],
      urls: [`https://${pick(domains, random())}/x${random() % 5}`],
    })),
  );
  return own.map((batch, c) => [...batch, ...own[(c + 3) % 4]!.filter(() => random() % 3 === 0)]);
}

/** One world's counts under the other's names: numbers, domains, brand names and slugs by position. */
function renamed(rows: Awaited<ReturnType<typeof counts>>, from: Names, to: Names) {
  const names = [
    ...from.numbers.map((number, i) => [number, to.numbers[i]!] as const),
    ...from.domains.map((domain, i) => [domain, to.domains[i]!] as const),
    ...from.brands.map((brand, i) => [brand, to.brands[i]!] as const),
    ...from.brands.map((brand, i) => [unregisteredSlug(brand), unregisteredSlug(to.brands[i]!)] as const),
  ];
  const rename = (key: string) => names.reduce((renamed, [name, other]) => renamed.replaceAll(name, other), key);
  return rows.map((row) => ({ ...row, key: rename(row.key) })).sort((a, b) => (a.key < b.key ? -1 : 1));
}

async function brandSlugs(source: string) {
  return (
    await driver.executeQuery('MATCH (r:Report {source: $source})-[:IMPERSONATES]->(b) RETURN collect(DISTINCT b.slug) AS slugs', {
      source,
    })
  ).records[0]?.get('slugs') as string[];
}

describe('four clients writing overlapping reports at once', () => {
  it('end with the counts serial submission gives, each equal to a recount from the graph, nothing lost or doubled', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 8, max: 30 }), async (seed, perClient) => {
        const atOnce = names();
        const clientBatches = world(seed, perClient, atOnce);
        const written = await Promise.all(clientBatches.map((batch) => submit(batch)));
        expect(written.flat().filter((outcome) => outcome.errors.length > 0)).toEqual([]);
        expect(written.flat().filter((outcome) => !outcome.duplicate)).toHaveLength(4 * perClient);
        const { records } = await driver.executeQuery(REPORTS, { source: atOnce.source });
        expect(plain(records[0]?.toObject())).toEqual({ reports: 4 * perClient, ids: 4 * perClient });

        const rows = await counts(atOnce.numbers, atOnce.domains, await brandSlugs(atOnce.source));
        expect(rows.length).toBeGreaterThan(atOnce.numbers.length);
        for (const row of rows) expect({ key: row.key, counts: row.kept }).toEqual({ key: row.key, counts: row.recounted });

        // The same world under other names, one client after another: the same counts.
        const oneByOne = names();
        for (const batch of world(seed, perClient, oneByOne)) await submit(batch);
        const serial = await counts(oneByOne.numbers, oneByOne.domains, await brandSlugs(oneByOne.source));
        expect(renamed(rows, atOnce, oneByOne)).toEqual(renamed(serial, oneByOne, oneByOne));

        // The same batches again, one client after another: all duplicates, no count moves.
        for (const batch of clientBatches) expect((await submit(batch)).every((outcome) => outcome.duplicate)).toBe(true);
        expect(await counts(atOnce.numbers, atOnce.domains, await brandSlugs(atOnce.source))).toEqual(rows);
      }),
      { numRuns: 3 },
    );
  }, 300_000);
});
