import { randomBytes, randomInt } from 'node:crypto';
import { composeIBAN } from 'ibantools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdoId } from '../../src/evidence/stix-ids.js';
import { startTestApp, TEST_ADMIN_KEY, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';
import { bundleViolations } from '../helpers/stix-spec.js';

let app: TestApp;
const driver = testDriver();
const tag = uniqueId().slice(0, 8);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const digits = (n: number) => String(randomInt(0, 10 ** n)).padStart(n, '0');

const callback = uniqueMobile();
const callerId = uniqueMobile();
const domain = uniqueDomain();
const url = `https://login.${domain}/verify`;
const email = `help@${uniqueDomain()}`;
const wallet = `0x${randomBytes(20).toString('hex')}`;
const iban = composeIBAN({ countryCode: 'GB', bban: `WEST${digits(14)}` }) as string;
const bsbAccount = digits(8);
const brand = `Zorbank ${tag}`;
/** Who reported: must never reach a pack. */
const source = `secret-intake-${tag}`;
const externalIds = [`secret-ext-${tag}-1`, `secret-ext-${tag}-2`];
const campaignId = `evidence-campaign-${tag}`;

const PACK = 'query($k: String!, $v: String!) { evidencePack(kind: $k, value: $v) { createdAt digest reportCount json csv stix misp } }';
const CAMPAIGN_PACK = 'query($id: ID!) { campaignEvidencePack(id: $id) { digest reportCount json csv stix misp } }';
const numberPack = async () => (await app.gql(PACK, { k: 'phone', v: callback })).data!['evidencePack'];
const code = (response: { errors?: any[] }) => response.errors?.[0]?.extensions?.code;

async function submit(reports: Record<string, unknown>[]) {
  const response = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { field code } } }', { r: reports });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
}

async function cypher(text: string, params: Record<string, unknown> = {}) {
  const session = driver.session();
  try {
    return (await session.run(text, params)).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

/** A report as the graph holds it, in the terms a round trip must keep. */
const REPORT_AS_STORED = `
  MATCH (r:Report) WHERE r.id = $id OR (r.source = $source AND r.externalId = $externalId)
  RETURN r.channel AS channel, r.scamType AS scamType, toString(r.receivedAt) AS receivedAt, r.text AS text,
    r.referenceNumbers AS referenceNumbers,
    [(r)-[l]->(n) WHERE NOT n:Campaign | type(l) + ' ' + coalesce(n.e164, n.url, n.name, n.address, n.identifier, n.slug)] AS links`;

beforeAll(async () => {
  app = await startTestApp();
  await submit([
    {
      source,
      externalId: externalIds[0],
      channel: 'SMS',
      scamType: 'BANK_IMPERSONATION',
      claimedBrand: brand,
      receivedAt: daysAgo(3),
      text: `${brand}: your card is locked. Call ${callback} now`,
      callbackNumbers: [callback],
      callerIds: [callerId],
      urls: [url],
      wallets: [{ address: wallet }],
      bankAccounts: [{ iban }],
      referenceNumbers: [`REF-${tag}`],
    },
    {
      source,
      externalId: externalIds[1],
      channel: 'EMAIL',
      receivedAt: daysAgo(1),
      callbackNumbers: [callback],
      emails: [email],
      bankAccounts: [{ bsb: '062-000', accountNumber: bsbAccount }],
    },
  ]);
  await cypher(
    `CREATE (c:Campaign {id: $id, size: 2, reportCount: 2, status: 'ACTIVE', firstSeen: datetime($first), lastSeen: datetime($last), createdAt: datetime()})
     WITH c MATCH (r:Report {source: $source}) CREATE (r)-[:IN_CAMPAIGN]->(c)
     WITH DISTINCT c MATCH (p:PhoneNumber {e164: $e164}) CREATE (p)-[:IN_CAMPAIGN]->(c)`,
    { id: campaignId, first: daysAgo(3), last: daysAgo(1), source, e164: callback },
  );
});
afterAll(async () => {
  await app?.stop();
  await driver.close();
});

describe('evidencePack', () => {
  it('holds every report, the infrastructure, counts per role, phone facts, campaign and checks', async () => {
    const pack = await numberPack();
    expect(pack).toMatchObject({ reportCount: 2, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const { content, checks, digest } = JSON.parse(pack.json);
    expect(digest).toBe(pack.digest);
    expect(content).toMatchObject({
      subject: { kind: 'phone', value: callback },
      reportTotal: 2,
      truncated: false,
      campaign: { id: campaignId },
      brands: [{ name: brand, reports: 1 }],
    });
    expect(content.reports[1]).toMatchObject({
      channel: 'SMS',
      scamType: 'BANK_IMPERSONATION',
      brand: { name: brand },
      referenceNumbers: [`REF-${tag}`],
      excerpt: expect.stringContaining('card is locked'),
    });
    expect(content.indicators.map((each: any) => `${each.kind}:${each.value}`.toLowerCase())).toEqual(
      expect.arrayContaining([
        `phone:${callback}`,
        `phone:${callerId}`,
        `url:${url}`,
        `domain:${domain}`,
        `email:${email}`,
        `wallet:eth:${wallet}`,
        `bank_account:iban:${iban.toLowerCase()}`,
        `bank_account:au_bsb:062-000 ${bsbAccount}`,
      ]),
    );
    const number = content.indicators.find((each: any) => each.value === callback);
    expect(number).toMatchObject({
      roles: { CALLBACK_NUMBER: 2, CALLER_ID: 0, SENDER_ID: 0 },
      phone: { country: 'AU', numberType: 'MOBILE' },
    });
    expect(checks.checks).toContainEqual(
      expect.objectContaining({
        kind: 'phone',
        value: callback,
        verdict: 'SUSPICIOUS',
        score: 45,
        reasons: expect.arrayContaining([expect.objectContaining({ code: 'CALLBACK_REPORTS', count: 2 })]),
      }),
    );
  });

  it('never holds reporter identity, in any format', async () => {
    for (const pack of [await numberPack(), (await app.gql(CAMPAIGN_PACK, { id: campaignId })).data!['campaignEvidencePack']]) {
      for (const format of ['json', 'csv', 'stix', 'misp']) {
        expect(pack[format]).not.toContain(source);
        for (const id of externalIds) expect(pack[format]).not.toContain(id);
        expect(pack[format]).not.toMatch(/"(source|externalId)"/);
      }
    }
  });

  it('gives the same digest for the same graph, and a new one when a report arrives', async () => {
    const [first, second] = [await numberPack(), await numberPack()];
    expect(second.digest).toBe(first.digest);
    expect(JSON.parse(second.json).content).toEqual(JSON.parse(first.json).content);
    await submit([{ channel: 'VOICEMAIL', callbackNumbers: [callback], receivedAt: daysAgo(0) }]);
    const third = await numberPack();
    expect(third.digest).not.toBe(first.digest);
    expect(third.reportCount).toBe(3);
  });

  it('writes valid STIX 2.1, every object checked, for a number and a campaign', async () => {
    const campaign = (await app.gql(CAMPAIGN_PACK, { id: campaignId })).data!['campaignEvidencePack'];
    for (const stix of [(await numberPack()).stix, campaign.stix]) {
      const bundle = JSON.parse(stix);
      expect(bundleViolations(bundle)).toEqual([]);
      expect(bundle.objects.map((object: any) => object.type)).toEqual(
        expect.arrayContaining([
          'phone-number',
          'cryptocurrency-wallet',
          'bank-account',
          'url',
          'domain-name',
          'campaign',
          'identity',
          'report',
        ]),
      );
    }
    expect(campaign.reportCount).toBe(JSON.parse(campaign.json).content.reportTotal);
    expect(JSON.parse(campaign.misp).Event.Attribute).toContainEqual(expect.objectContaining({ type: 'campaign-id', value: campaignId }));
  });

  it('answers null for what nobody reported and a coded error for bad input', async () => {
    expect((await app.gql(PACK, { k: 'phone', v: uniqueMobile() })).data!['evidencePack']).toBeNull();
    expect((await app.gql(CAMPAIGN_PACK, { id: `none-${tag}` })).data!['campaignEvidencePack']).toBeNull();
    expect(code(await app.gql(PACK, { k: 'phone', v: '12' }))).toBe('INVALID_PHONE_NUMBER');
    expect(code(await app.gql(PACK, { k: 'brand', v: 'x' }))).toBe('INVALID_VALUE');
  });
});

describe('downloads', () => {
  const get = async (path: string, key: string | null = TEST_ADMIN_KEY) => {
    const response = await fetch(`${new URL(app.url).origin}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: response.status, headers: response.headers, text: () => response.text(), json: () => response.json() as Promise<any> };
  };

  it('serves each format to a reading key, with the digest in a header', async () => {
    const json = await get(`/evidence/phone/${encodeURIComponent(callback)}.json`);
    expect([json.status, json.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    const body = await json.json();
    expect(json.headers.get('x-evidence-digest')).toBe(body.digest);
    const csv = await get(`/evidence/phone/${encodeURIComponent(callback)}.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^report_id,/);
    expect(bundleViolations(await (await get(`/evidence/phone/${encodeURIComponent(callback)}.stix.json`)).json())).toEqual([]);
    expect((await (await get(`/evidence/campaign/${campaignId}.misp.json`)).json()).Event.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses without a key (401) or with a REPORTER key (403), and says what is not there (404)', async () => {
    const path = `/evidence/phone/${encodeURIComponent(callback)}.json`;
    const missing = await get(path, null);
    expect([missing.status, (await missing.json()).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const created = await app.gql('mutation { createApiKey(name: "evidence reporter", role: REPORTER) { key } }');
    const forbidden = await get(path, created.data!['createApiKey'].key);
    expect([forbidden.status, (await forbidden.json()).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    expect((await get(`/evidence/phone/${encodeURIComponent(uniqueMobile())}.json`)).status).toBe(404);
    expect((await get(`/evidence/phone/${encodeURIComponent(callback)}.pdf`)).status).toBe(404);
    const bad = await get('/evidence/phone/12.json');
    expect([bad.status, (await bad.json()).errors[0].extensions.code]).toEqual([400, 'INVALID_PHONE_NUMBER']);
  });
});

describe('imports', () => {
  it('STIX round trip: every exported report comes back whole, and importing twice writes once', async () => {
    const pack = await numberPack();
    const bundle = pack.stix;
    const IMPORT =
      'mutation($b: String!) { importStix(bundle: $b) { reports written duplicates rejected { externalId errors { code } } } }';
    expect((await app.gql(IMPORT, { b: bundle })).data!['importStix']).toEqual({ reports: 3, written: 3, duplicates: 0, rejected: [] });
    expect((await app.gql(IMPORT, { b: bundle })).data!['importStix']).toEqual({ reports: 3, written: 0, duplicates: 3, rejected: [] });
    for (const report of JSON.parse(pack.json).content.reports) {
      const [original, imported] = [
        await cypher(REPORT_AS_STORED, { id: report.id, source: '', externalId: '' }),
        await cypher(REPORT_AS_STORED, { id: '', source: 'stix:scamgraph', externalId: sdoId('report', report.id) }),
      ].map(([row]) => ({ ...row, referenceNumbers: [...(row!['referenceNumbers'] ?? [])].sort(), links: [...row!['links']].sort() }));
      expect(imported).toEqual(original);
    }
    expect(code(await app.gql(IMPORT, { b: '{"type": "bundle"' }))).toBe('INVALID_VALUE');
  });

  it('MISP round trip: every indicator comes back with its phone roles, and importing twice writes once', async () => {
    const pack = await numberPack();
    const IMPORT = 'mutation($e: String!) { importMisp(event: $e) { reports written duplicates rejected { externalId } } }';
    const first = (await app.gql(IMPORT, { e: pack.misp })).data!['importMisp'];
    expect(first).toMatchObject({ written: first.reports, duplicates: 0, rejected: [] });
    expect((await app.gql(IMPORT, { e: pack.misp })).data!['importMisp']).toMatchObject({ written: 0, duplicates: first.reports });
    const eventUuid = JSON.parse(pack.misp).Event.uuid;
    const [named] = await cypher(
      `MATCH (r:Report {source: 'misp:scamgraph'})-[l]->(n) WHERE r.externalId STARTS WITH $event AND NOT n:Campaign
       RETURN collect(DISTINCT type(l) + ' ' + coalesce(n.e164, n.url, n.name, n.address, n.identifier)) AS links`,
      { event: eventUuid },
    );
    const exported = JSON.parse(pack.json).content.reports.flatMap((report: any) =>
      report.indicators.map((each: any) => `${each.role} ${each.value.replace(/^(ETH|IBAN|AU_BSB):/, '')}`),
    );
    expect([...named!['links']].sort()).toEqual([...new Set<string>(exported)].sort());
  });
});
