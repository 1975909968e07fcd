import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCER, sdoId, stixIndicatorId } from '../../src/evidence/stix-ids.js';
import { campaignCollectionId, INDICATORS_COLLECTION_ID } from '../../src/taxii/taxii-collections.js';
import { startTestApp, TEST_ADMIN_KEY, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';

const TAXII = 'application/taxii+json;version=2.1';
let app: TestApp;
const driver = testDriver();
const tag = uniqueId().slice(0, 8);
const campaignId = `taxii-campaign-${tag}`;
const root = () => `${new URL(app.url).origin}/taxii2/scamgraph/`;
const collection = (id: string) => `${root()}collections/${id}/`;

async function taxii(url: string, init: { key?: string | null; basic?: string; accept?: string } = {}) {
  const { key = TEST_ADMIN_KEY, basic, accept = TAXII } = init;
  const authorization =
    basic !== undefined ? `Basic ${Buffer.from(`opencti:${basic}`).toString('base64')}` : key ? `Bearer ${key}` : undefined;
  const response = await fetch(url, { headers: { accept, ...(authorization ? { authorization } : {}) } });
  return { status: response.status, headers: response.headers, body: JSON.parse(await response.text()) };
}

/** Every page from `query` on, following `next` with the same filters, as taxii2-client's as_pages does. */
async function allPages(collectionId: string, query: Record<string, string>, between: () => Promise<void> = async () => {}) {
  const pages: any[] = [];
  let next: string | undefined;
  do {
    const page = await taxii(`${collection(collectionId)}objects/?${new URLSearchParams({ ...query, ...(next ? { next } : {}) })}`);
    expect(page.status).toBe(200);
    pages.push(page);
    next = page.body.next;
    expect(Boolean(next)).toBe(page.body.more);
    await between();
  } while (next);
  return pages;
}

async function submit(reports: Record<string, unknown>[]) {
  const response = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { report { id } errors { code } } }', {
    r: reports,
  });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
  return response.data!['submitReports'].map((result: any) => result.report.id as string);
}

/** Four reports from two brands name each number and domain: HIGH_RISK, as the feed's test makes them. */
const highRisk = (numbers: string[], domains: string[] = []) =>
  submit(
    ['A', 'B', 'A', 'B'].map((brand, i) => ({
      channel: 'SMS',
      claimedBrand: `Taxii ${brand} ${tag}`,
      callbackNumbers: numbers,
      urls: domains.map((domain) => `https://${domain}/${i}`),
    })),
  );

async function joinCampaign(reportIds: string[], id = campaignId) {
  await driver.executeQuery(
    `MERGE (c:Campaign {id: $id}) ON CREATE SET c.size = 1, c.reportCount = 1, c.status = 'ACTIVE', c.createdAt = datetime()
     WITH c UNWIND $ids AS rid MATCH (r:Report {id: rid}) MERGE (r)-[:IN_CAMPAIGN]->(c)`,
    { id, ids: reportIds },
  );
}

beforeAll(async () => {
  // No settling window: nothing else writes here while a poll runs (production waits past any request's deadline).
  // Windows of 7 reports (2,000 by default): every paging test here crosses many windows' edges.
  app = await startTestApp({ FEED_SETTLE_MS: '0', TAXII_WINDOW_REPORTS: '7' });
});
afterAll(async () => {
  await app?.stop();
  await driver.close();
});

describe('TAXII 2.1 server', { timeout: 180_000 }, () => {
  it('answers discovery, the API root and the collections, over Bearer and Basic, in TAXII 2.1 only', async () => {
    const discovery = await taxii(`${new URL(app.url).origin}/taxii2/`);
    expect(discovery.status).toBe(200);
    expect(discovery.headers.get('content-type')).toBe(TAXII);
    expect(discovery.body).toMatchObject({ title: 'scamgraph', default: root(), api_roots: [root()] });
    const apiRoot = await taxii(root(), { basic: TEST_ADMIN_KEY });
    expect(apiRoot.body).toEqual({
      title: 'scamgraph',
      description: expect.any(String),
      versions: [TAXII],
      max_content_length: 0,
    });
    await joinCampaign(await submit([{ channel: 'SMS', callbackNumbers: [uniqueMobile()] }]));
    const { body } = await taxii(`${root()}collections/`, { accept: 'application/taxii+json' });
    const ids = body.collections.map((each: any) => each.id);
    expect(ids).toContain(INDICATORS_COLLECTION_ID);
    expect(ids).toContain(campaignCollectionId(campaignId));
    for (const each of body.collections) {
      expect(each).toMatchObject({ can_read: true, can_write: false, media_types: ['application/stix+json;version=2.1'] });
    }
    expect((await taxii(collection(campaignCollectionId(campaignId)))).body.title).toBe(`scamgraph campaign ${campaignId}`);
    expect((await taxii(collection(INDICATORS_COLLECTION_ID), { accept: '*/*' })).status).toBe(200);

    const json = await taxii(`${root()}collections/`, { accept: 'application/json' });
    expect(json.status).toBe(406);
    expect(json.body).toMatchObject({ error_code: 'NOT_ACCEPTABLE', http_status: '406' });
    expect((await taxii(root(), { accept: 'application/taxii+json;version=2.0' })).status).toBe(406);
    const missing = await taxii(collection(uniqueId()));
    expect(missing).toMatchObject({ status: 404, body: { error_code: 'NOT_FOUND', http_status: '404' } });
    expect(missing.headers.get('content-type')).toBe(TAXII);
  });

  it('refuses a wrong key with 401 and a challenge, a REPORTER key with 403, in TAXII error messages', async () => {
    const wrong = await taxii(root(), { basic: 'not-a-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ title: expect.any(String), error_code: 'UNAUTHENTICATED', http_status: '401' });
    expect(wrong.headers.get('www-authenticate')).toMatch(/Basic realm=.*Bearer realm=/);
    expect((await taxii(root(), { key: null })).status).toBe(401);
    const reporter = (await app.gql('mutation { createApiKey(name: "taxii reporter", role: REPORTER) { key } }')).data!['createApiKey'].key;
    const forbidden = await taxii(root(), { key: reporter });
    expect(forbidden).toMatchObject({ status: 403, body: { error_code: 'FORBIDDEN' } });
    expect((await taxii(root(), { basic: reporter })).status).toBe(403);
  });

  it('serves the feed’s indicators of high-risk numbers and domains, dated by their newest report, since added_after', async () => {
    const before = new Date(Date.now() - 1).toISOString();
    const [risky, once, site] = [uniqueMobile(), uniqueMobile(), uniqueDomain()];
    await highRisk([risky], [site]);
    await submit([{ channel: 'SMS', callbackNumbers: [once] }]);
    const pages = await allPages(INDICATORS_COLLECTION_ID, { added_after: before });
    const objects = pages.flatMap((page) => page.body.objects ?? []);
    const ours = objects.filter((object: any) => [risky, once, site].includes(object.name));
    expect(ours.map((object: any) => object.name).sort()).toEqual([risky, site].sort());
    const feed = await fetch(`${new URL(app.url).origin}/feeds/indicators.stix.json?limit=5000`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    const fromFeed = JSON.parse(await feed.text()).objects.find((object: any) => object.name === site);
    const fromTaxii = ours.find((object: any) => object.name === site);
    const { modified: _m, valid_from: _v, ...same } = fromFeed;
    expect(fromTaxii).toMatchObject(same);
    expect(fromTaxii.modified).toBe(fromTaxii.valid_from);
    const first = pages[0]!;
    expect(first.headers.get('x-taxii-date-added-first')! > before).toBe(true);
    // Polled again from the last date added: nothing of ours.
    const last = pages.at(-1)!.headers.get('x-taxii-date-added-last');
    const again = await allPages(INDICATORS_COLLECTION_ID, { added_after: last });
    expect(again.flatMap((page) => page.body.objects ?? []).filter((object: any) => [risky, site].includes(object.name))).toEqual([]);

    // Named again: added again, as a new version.
    await submit([{ channel: 'SMS', claimedBrand: `Taxii A ${tag}`, callbackNumbers: [risky] }]);
    const renamed = (await allPages(INDICATORS_COLLECTION_ID, { added_after: last })).flatMap((page) => page.body.objects ?? []);
    const newer = renamed.find((object: any) => object.name === risky);
    expect(newer.id).toBe(ours.find((object: any) => object.name === risky).id);
    expect(newer.modified > ours.find((object: any) => object.name === risky).modified).toBe(true);

    // The producer and the extension's definition, for a client reading from the start; and one object by id.
    const definitions = await taxii(`${collection(INDICATORS_COLLECTION_ID)}objects/?match[type]=identity,extension-definition`);
    expect(definitions.body.objects.map((object: any) => object.id)).toContain(PRODUCER.id);
    expect(definitions.body.objects.map((object: any) => object.type)).toContain('extension-definition');
    expect(definitions.body.more).toBe(false);
    const one = await taxii(`${collection(INDICATORS_COLLECTION_ID)}objects/${fromTaxii.id}/`);
    expect(one.body.objects).toEqual([fromTaxii]);
    const manifest = await taxii(
      `${collection(INDICATORS_COLLECTION_ID)}manifest/?${new URLSearchParams({ added_after: before, 'match[id]': fromTaxii.id })}`,
    );
    expect(manifest.body.objects).toEqual([
      { id: fromTaxii.id, date_added: fromTaxii.modified, version: fromTaxii.modified, media_type: 'application/stix+json;version=2.1' },
    ]);
  });

  it('finds objects by id through the ids ingest stores, which a start gives older numbers and domains, HIGH_RISK only', async () => {
    const [number, quiet, site] = [uniqueMobile(), uniqueMobile(), uniqueDomain()];
    await highRisk([number], [site]);
    await submit([{ channel: 'SMS', callbackNumbers: [quiet] }]);
    const [numberId, quietId, siteId] = [
      stixIndicatorId('phone', number),
      stixIndicatorId('phone', quiet),
      stixIndicatorId('domain', site),
    ];
    const stored = await driver.executeQuery(
      'MATCH (p:PhoneNumber {e164: $number}), (d:Domain {name: $site}) RETURN p.stixId AS number, d.stixId AS site',
      { number, site },
    );
    expect(stored.records[0]!.toObject()).toEqual({ number: numberId, site: siteId });
    const byId = async (url: string) => (await taxii(url)).body.objects?.map((object: any) => object.name) ?? [];
    const objects = `${collection(INDICATORS_COLLECTION_ID)}objects/`;
    const asked = `${objects}?${new URLSearchParams({ 'match[id]': [numberId, quietId, siteId, `indicator--${uniqueId()}`].join(',') })}`;
    expect((await byId(asked)).sort()).toEqual([number, site].sort());

    // Written before ingest stored ids: not found by id until a start gives them theirs.
    await driver.executeQuery('MATCH (p:PhoneNumber {e164: $number}), (d:Domain {name: $site}) REMOVE p.stixId, d.stixId', {
      number,
      site,
    });
    expect(await byId(`${objects}${numberId}/`)).toEqual([]);
    await (await startTestApp()).stop();
    expect(await byId(`${objects}${numberId}/`)).toEqual([number]);
    expect((await byId(asked)).sort()).toEqual([number, site].sort());
    // The query's place still applies: nothing of theirs after now.
    expect(await byId(`${asked}&added_after=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
  });

  it('pages by limit with next, missing and repeating nothing while new reports arrive between pages', async () => {
    const before = new Date(Date.now() - 1).toISOString();
    const numbers = Array.from({ length: 6 }, () => uniqueMobile());
    await highRisk(numbers.slice(0, 3));
    await highRisk(numbers.slice(3));
    const late = [uniqueMobile(), uniqueMobile()];
    let arrived = false;
    const pages = await allPages(INDICATORS_COLLECTION_ID, { added_after: before, limit: '2' }, async () => {
      if (arrived) return;
      arrived = true;
      await highRisk(late);
    });
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect((page.body.objects ?? []).length).toBeLessThanOrEqual(2);
    const seen = pages.flatMap((page) => page.body.objects ?? []).map((object: any) => object.name);
    expect(seen.filter((name: string) => [...numbers, ...late].includes(name)).sort()).toEqual([...numbers, ...late].sort());

    // A campaign's collection: its pack's objects, each report once, paging while more reports join.
    const reports = await submit(
      Array.from({ length: 5 }, (_, i) => ({ channel: 'SMS', claimedBrand: `Taxii A ${tag}`, callbackNumbers: [numbers[i]!] })),
    );
    const paged = `${campaignId}-paged`;
    await joinCampaign(reports, paged);
    let joined: string[] = [];
    const campaignPages = await allPages(campaignCollectionId(paged), { limit: '3' }, async () => {
      if (joined.length > 0) return;
      joined = await submit([{ channel: 'EMAIL', callbackNumbers: [uniqueMobile()] }]);
      await joinCampaign(joined, paged);
    });
    const servedObjects = campaignPages.flatMap((page) => page.body.objects ?? []);
    const reportIds = servedObjects.filter((object: any) => object.type === 'report').map((object: any) => object.id);
    expect(reportIds.sort()).toEqual([...reports, ...joined].map((id) => sdoId('report', id)).sort());
    // Only what the joining report changed comes again (re-added, later): the objects it refers to.
    const joinedRefs = servedObjects.find((object: any) => object.id === sdoId('report', joined[0]!)).object_refs;
    const counts = new Map<string, number>();
    for (const object of servedObjects) counts.set(object.id, (counts.get(object.id) ?? 0) + 1);
    const repeated = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
    expect(repeated.filter((id) => !joinedRefs.includes(id) && !id.startsWith('relationship--'))).toEqual([]);
    const pack = (await app.gql('query($id: ID!) { campaignEvidencePack(id: $id) { stix } }', { id: paged })).data!['campaignEvidencePack'];
    const packIds = JSON.parse(pack.stix).objects.map((object: any) => object.id);
    const served = campaignPages.flatMap((page) => page.body.objects ?? []).map((object: any) => object.id);
    expect([...new Set(served)].sort()).toEqual([...packIds].sort());
  });

  it('pages every high-risk indicator once, in time order, whatever the write times and the page size', async () => {
    // Neo4j writes 12:00:00.400 as "12:00:00.4Z", which as text sorts after "12:00:00.438Z": a page once
    // skipped or repeated the indicators of a report written at a round millisecond. Times here fall in
    // one second, round ones and equal ones included. Each number's four reports are written at two times,
    // so a window of reports (7 here) often holds a number's older reports but not its newest.
    const numbers = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
    const reportsOf = await Promise.all(numbers.map((number) => highRisk([number])));
    const setWritten = (ids: string[], time: string) =>
      driver.executeQuery('UNWIND $ids AS id MATCH (r:Report {id: id}) SET r.submittedAt = datetime($time)', { ids, time });
    const twoTimes = fc.tuple(fc.nat(999), fc.nat(999));
    await fc.assert(
      fc.asyncProperty(fc.tuple(twoTimes, twoTimes, twoTimes), fc.integer({ min: 1, max: 3 }), async (offsets, limit) => {
        const second = Math.floor((Date.now() - 3_000) / 1_000) * 1_000;
        const at = (offset: number) => new Date(second + offset).toISOString();
        await Promise.all(
          reportsOf.flatMap((ids, i) => [setWritten(ids.slice(0, 2), at(offsets[i]![0])), setWritten(ids.slice(2), at(offsets[i]![1]))]),
        );
        const pages = await allPages(INDICATORS_COLLECTION_ID, { added_after: new Date(second - 1).toISOString(), limit: String(limit) });
        const names = pages.flatMap((page) => page.body.objects ?? []).map((object: any) => object.name);
        // Dated by the newest report.
        const inOrder = numbers
          .map((number, i) => [at(Math.max(...offsets[i]!)), number] as const)
          .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
        expect(names.filter((name: string) => numbers.includes(name))).toEqual(inOrder.map(([, number]) => number));
      }),
      {
        numRuns: 12,
        examples: [
          [
            [
              [400, 400],
              [438, 438],
              [450, 450],
            ],
            1,
          ],
          [
            [
              [0, 0],
              [0, 0],
              [999, 999],
            ],
            1,
          ],
          [
            [
              [450, 450],
              [451, 451],
              [45, 45],
            ],
            2,
          ],
          [
            [
              [10, 900],
              [20, 30],
              [40, 50],
            ],
            3,
          ],
        ],
      },
    );
    // Back before the next test's window.
    await Promise.all(reportsOf.map((ids) => setWritten(ids, new Date(Date.now() - 5_000).toISOString())));
  });

  it('stops a page after a few reads through lower verdicts, with next after the last read', async () => {
    const before = new Date(Date.now() - 1).toISOString();
    const [first, last] = [uniqueMobile(), uniqueMobile()];
    await highRisk([first]);
    // 1,200 indicators of lower verdicts: more than two pages of limit 2 read (5 reads of 100 rows each).
    for (let i = 0; i < 6; i++) {
      await submit(
        Array.from({ length: 100 }, () => ({ channel: 'SMS', callbackNumbers: [uniqueMobile()], urls: [`https://${uniqueDomain()}/`] })),
      );
    }
    await highRisk([last]);
    const pages = await allPages(INDICATORS_COLLECTION_ID, { added_after: before, limit: '2' });
    expect(pages.some((page) => page.body.more && !page.body.objects)).toBe(true);
    const names = pages.flatMap((page) => page.body.objects ?? []).map((object: any) => object.name);
    expect(names.filter((name: string) => [first, last].includes(name))).toEqual([first, last]);
  });

  it('dates a report that detection places in a campaign after it was written by its placing', async () => {
    const placedLater = `${campaignId}-placed`;
    const [early] = await submit([{ channel: 'SMS', callbackNumbers: [uniqueMobile()] }]);
    await joinCampaign(await submit([{ channel: 'SMS', callbackNumbers: [uniqueMobile()] }]), placedLater);
    const written = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // As cypher/campaigns/assign-reports.cypher places it: the membership with its time.
    await driver.executeQuery(
      'MATCH (r:Report {id: $report}), (c:Campaign {id: $id}) MERGE (r)-[m:IN_CAMPAIGN]->(c) ON CREATE SET m.since = datetime.realtime()',
      { report: early, id: placedLater },
    );
    const since = (await allPages(campaignCollectionId(placedLater), { added_after: written })).flatMap((page) => page.body.objects ?? []);
    expect(since.filter((object: any) => object.type === 'report').map((object: any) => object.id)).toEqual([sdoId('report', early!)]);
  });

  it('refuses what it cannot read as TAXII errors with the registry’s codes', async () => {
    const objects = `${collection(INDICATORS_COLLECTION_ID)}objects/`;
    // A poll at the head, nothing written since: an empty page, not an error.
    const ahead = await taxii(`${objects}?added_after=${new Date(Date.now() + 86_400_000).toISOString()}`);
    expect([ahead.status, ahead.body]).toEqual([200, { more: false }]);
    expect((await taxii(`${objects}?limit=0`)).body).toMatchObject({ error_code: 'INVALID_VALUE', http_status: '400' });
    expect((await taxii(`${objects}?added_after=yesterday`)).body.error_code).toBe('INVALID_VALUE');
    expect((await taxii(`${objects}?next=${'x'.repeat(5000)}`)).body.error_code).toBe('INVALID_CURSOR');
    expect((await taxii(`${objects}indicator--${uniqueId()}/`)).status).toBe(404);
    expect((await taxii(`${root()}status/${uniqueId()}/`)).status).toBe(404);

    // The key's request rate, as the feeds and GraphQL count it: a TAXII error with Retry-After.
    const limited = await startTestApp({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const url = `${new URL(limited.url).origin}/taxii2/scamgraph/`;
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await taxii(url));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
      expect(answers[2]!.body).toMatchObject({ error_code: 'RATE_LIMITED', http_status: '429' });
      expect(Number(answers[2]!.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });
});
