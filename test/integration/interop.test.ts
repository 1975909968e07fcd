import { randomBytes, randomInt } from 'node:crypto';
import { composeIBAN } from 'ibantools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSIONS } from '../../src/evidence/stix-extensions.js';
import { encodeCursor } from '../../src/monitoring/feed.js';
import { startTestApp, TEST_ADMIN_KEY, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { interopToolsMissing, runInteropCheck, unexplained, type StixCheck } from '../helpers/interop-python.js';
import { testDriver } from '../helpers/neo4j.js';

// Packs of every kind, exported from a real graph, run through the tools the peers use: the OASIS
// STIX validator and the stix2 library (test/interop/check_stix.py), PyMISP and the MISP object
// templates (test/interop/check_misp.py).

interface MispCheck {
  file: string;
  objects: number;
  attributes: number;
  problems: string[];
}

const MISSING = interopToolsMissing();
const startedAt = new Date().toISOString();
let app: TestApp;
const driver = testDriver();
const tag = uniqueId().slice(0, 8);
const digits = (n: number) => String(randomInt(0, 10 ** n)).padStart(n, '0');
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const callback = uniqueMobile();
const domain = uniqueDomain();
const url = `https://login.${domain}/verify`;
const email = `help@${uniqueDomain()}`;
const wallet = `0x${randomBytes(20).toString('hex')}`;
const iban = composeIBAN({ countryCode: 'GB', bban: `WEST${digits(14)}` }) as string;
const bsb = `062-000 ${digits(8)}`;
const payId = `mule-${tag}@${uniqueDomain()}`;
const campaignId = `interop-campaign-${tag}`;

const PACK = 'query($k: String!, $v: String!) { evidencePack(kind: $k, value: $v) { stix misp } }';
const CAMPAIGN_PACK = 'query($id: ID!) { campaignEvidencePack(id: $id) { stix misp } }';
const SUBJECTS: readonly (readonly [string, string])[] = [
  ['phone', callback],
  ['domain', domain],
  ['url', url],
  ['email', email],
  ['wallet', `ETH:${wallet}`],
  ['bank_account', `IBAN:${iban}`],
  ['bank_account', `AU_BSB:${bsb}`],
  ['bank_account', `PAYID:email:${payId}`],
];
const packs: { subject: string; stix: string; misp: string }[] = [];

beforeAll(async () => {
  if (MISSING) return;
  // The feed's window ends FEED_SETTLE_MS in the past: none here, so it holds what was just written.
  app = await startTestApp({ FEED_SETTLE_MS: '0' });
  const submitted = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { field code } } }', {
    r: [
      {
        source: `interop-${tag}`,
        channel: 'SMS',
        scamType: 'BANK_IMPERSONATION',
        claimedBrand: `Zorbank ${tag}`,
        receivedAt: daysAgo(3),
        text: `Zorbank: your card is locked. Call ${callback} or visit ${url}`,
        callbackNumbers: [callback],
        callerIds: [uniqueMobile()],
        urls: [url],
        wallets: [{ address: wallet }],
        bankAccounts: [{ iban }],
        referenceNumbers: [`REF-${tag}`],
      },
      {
        source: `interop-${tag}`,
        channel: 'EMAIL',
        receivedAt: daysAgo(1),
        callbackNumbers: [callback],
        emails: [email],
        bankAccounts: [{ bsb: bsb.split(' ')[0], accountNumber: bsb.split(' ')[1] }, { payId }],
      },
    ],
  });
  expect(submitted.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
  const session = driver.session();
  try {
    await session.run(
      `CREATE (c:Campaign {id: $id, size: 2, reportCount: 2, status: 'ACTIVE', firstSeen: datetime($first), lastSeen: datetime($last), createdAt: datetime()})
       WITH c MATCH (r:Report {source: $source}) CREATE (r)-[:IN_CAMPAIGN]->(c)`,
      { id: campaignId, first: daysAgo(3), last: daysAgo(1), source: `interop-${tag}` },
    );
  } finally {
    await session.close();
  }
  for (const [kind, value] of SUBJECTS) {
    const pack = (await app.gql(PACK, { k: kind, v: value })).data!['evidencePack'];
    expect(pack, `${kind}:${value}`).not.toBeNull();
    packs.push({ subject: `${kind}:${value}`, ...pack });
  }
  packs.push({ subject: `campaign:${campaignId}`, ...(await app.gql(CAMPAIGN_PACK, { id: campaignId })).data!['campaignEvidencePack'] });
});
afterAll(async () => {
  await app?.stop();
  await driver.close();
});

describe('the peers’ tools on exported packs', () => {
  it('STIX: the OASIS validator finds no error and no unexplained warning; stix2 parses every bundle', (context) => {
    if (MISSING) return context.skip(MISSING);
    const checks = runInteropCheck<StixCheck>(
      'check_stix.py',
      packs.map((pack) => pack.stix),
    );
    expect(checks).toHaveLength(SUBJECTS.length + 1);
    for (const [i, check] of checks.entries()) {
      const subject = packs[i]!.subject;
      expect({ subject, errors: check.errors, parseError: check.parseError, extensionProblems: check.extensionProblems }).toEqual({
        subject,
        errors: [],
        parseError: null,
        extensionProblems: [],
      });
      expect(unexplained(check).map((warning) => warning.message)).toEqual([]);
      expect(check.warnings.length).toBeLessThan(check.objects + 1);
    }
  });

  it('STIX: the indicator feed passes the same checks', async (context) => {
    if (MISSING) return context.skip(MISSING);
    const feed = async (query: string) => {
      const response = await fetch(`${new URL(app.url).origin}/feeds/indicators.stix.json?verdicts=HIGH_RISK,SUSPICIOUS&${query}`, {
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      });
      return response.text();
    };
    // What this file wrote (every kind of indicator), from a cursor at its start, beside the oldest page of
    // what the earlier files left: the validator's time grows with the objects (the whole feed took 10 s).
    const [own, earlier] = [await feed(`cursor=${encodeCursor(startedAt, '')}&limit=5000`), await feed('limit=300')];
    expect(JSON.parse(own).objects.map((object: { name?: string }) => object.name)).toContain(callback);
    for (const check of runInteropCheck<StixCheck>('check_stix.py', [own, earlier])) {
      expect({ errors: check.errors, parseError: check.parseError, extensionProblems: check.extensionProblems }).toEqual({
        errors: [],
        parseError: null,
        extensionProblems: [],
      });
      expect(unexplained(check).map((warning) => warning.message)).toEqual([]);
    }
  }, 120_000);

  it('STIX: the checks see what they are for (a broken extension, a custom property at the top level)', (context) => {
    if (MISSING) return context.skip(MISSING);
    const bundle = JSON.parse(packs[0]!.stix);
    for (const object of bundle.objects) {
      if (object.type === 'phone-number') object.extensions[EXTENSIONS.phone.id].country = 'Australia';
      if (object.type === 'report') object.x_scamgraph_note = 'top level';
    }
    const [check] = runInteropCheck<StixCheck>('check_stix.py', [JSON.stringify(bundle)]);
    expect(check!.extensionProblems.join('\n')).toContain("'Australia' does not match");
    expect(unexplained(check!).map((warning) => warning.code)).toContain('401');
  });

  it('MISP: PyMISP loads every event and every object meets its template as copied from the MISP objects project', (context) => {
    if (MISSING) return context.skip(MISSING);
    const checks = runInteropCheck<MispCheck>(
      'check_misp.py',
      packs.map((pack) => pack.misp),
    );
    expect(checks.map((check, i) => ({ subject: packs[i]!.subject, problems: check.problems }))).toEqual(
      packs.map((pack) => ({ subject: pack.subject, problems: [] })),
    );
    const campaign = checks.at(-1)!;
    // url, coin-address and three bank-account objects: every template is exercised.
    expect(campaign.objects).toBe(5);
  });

  it('MISP: an object on an old template version, or an attribute its template lacks, is a problem', (context) => {
    if (MISSING) return context.skip(MISSING);
    const { Event: event } = JSON.parse(packs.at(-1)!.misp);
    const url = event.Object.find((object: { name: string }) => object.name === 'url');
    url.template_version = '3';
    url.Attribute.push({ ...url.Attribute[0], uuid: uniqueId(), object_relation: 'hostname-typo' });
    const [check] = runInteropCheck<MispCheck>('check_misp.py', [JSON.stringify({ Event: event })]);
    const problems = check!.problems.join('\n');
    expect(problems).toContain('template_version 3 is not 10');
    expect(problems).toContain('hostname-typo is not an attribute of the template');
  });
});
