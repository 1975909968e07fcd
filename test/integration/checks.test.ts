import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';

let app: TestApp;
const driver = testDriver();
const tag = uniqueId().slice(0, 6).replace(/[0-9]/g, 'x');
const digits = (n: number) => String(randomInt(0, 10 ** n)).padStart(n, '0');
const brand = { slug: `zorbank-${tag}`, name: `Zorbank ${tag}`, official: `zorbank${tag}.com.au`, number: `+61 2 9${digits(7)}` };
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const CHECK_NUMBER =
  'query($n: String!, $r: String) { checkNumber(number: $n, defaultRegion: $r) { e164 verdict score reasons { code weight count message } } }';
const CHECK_DOMAIN = 'query($d: String!) { checkDomain(domain: $d) { domain verdict score reasons { code weight count message } } }';

async function submit(reports: Record<string, unknown>[]) {
  const response = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { field code } } }', { r: reports });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
}
const numberCheck = async (number: string) => (await app.gql(CHECK_NUMBER, { n: number })).data!['checkNumber'];
const domainCheck = async (domain: string) => (await app.gql(CHECK_DOMAIN, { d: domain })).data!['checkDomain'];
const codes = (check: { reasons: { code: string }[] }) => check.reasons.map((reason) => reason.code);

beforeAll(async () => {
  app = await startTestApp();
  const upsert = await app.gql('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: { slug: brand.slug, name: brand.name, officialNumbers: [brand.number], officialDomains: [brand.official] },
  });
  expect(upsert.errors).toBeUndefined();
});
afterAll(async () => {
  await app?.stop();
  await driver.close();
});

describe('checkNumber', () => {
  it('answers bad input with UNKNOWN and a reason, never an error', async () => {
    expect(await numberCheck('not a number')).toMatchObject({
      e164: null,
      verdict: 'UNKNOWN',
      score: 0,
      reasons: [{ code: 'INVALID_NUMBER' }],
    });
    const region = (await app.gql(CHECK_NUMBER, { n: '0412 345 678', r: 'ZZ' })).data!['checkNumber'];
    expect(codes(region)).toEqual(['INVALID_REGION']);
  });

  it('says there are no reports for a number never reported', async () => {
    const number = uniqueMobile();
    expect(await numberCheck(number)).toMatchObject({ e164: number, verdict: 'UNKNOWN', score: 0, reasons: [{ code: 'NO_REPORTS' }] });
  });

  it('weighs callback reports as strong evidence, and more brands as more', async () => {
    const number = uniqueMobile();
    await submit([
      { channel: 'SMS', claimedBrand: `A ${tag}`, callbackNumbers: [number], receivedAt: daysAgo(0) },
      { channel: 'SMS', claimedBrand: `B ${tag}`, callbackNumbers: [number], receivedAt: daysAgo(0) },
    ]);
    const check = await numberCheck(number);
    expect(check.verdict).toBe('HIGH_RISK');
    expect(check.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'CALLBACK_REPORTS', count: 2, weight: 45 }),
        expect.objectContaining({ code: 'CROSS_BRAND', count: 2, weight: 15 }),
        expect.objectContaining({ code: 'RECENT', count: 0 }),
      ]),
    );
    expect(check.score).toBe(45 + 15);
  });

  it('weighs caller-ID-only reports as weak, saying they may be spoofed', async () => {
    const number = uniqueMobile();
    await submit([{ channel: 'PHONE_CALL', callerIds: [number], text: `Call ${uniqueMobile()} now` }]);
    const check = await numberCheck(number);
    // Weak, but scam reports name it: suspicious, never unknown (issue 17).
    expect(check).toMatchObject({ verdict: 'SUSPICIOUS', score: 10 });
    expect(check.reasons[0]).toMatchObject({ code: 'SPOOFABLE_ONLY', count: 1 });
    expect(check.reasons).toContainEqual(expect.objectContaining({ code: 'EVIDENCE_ON_RECORD' }));
    expect(check.reasons[0].message).toMatch(/spoof/);
    const both = uniqueMobile();
    await submit([{ channel: 'SMS', callbackNumbers: [both], callerIds: [both] }]);
    expect((await numberCheck(both)).reasons).toContainEqual(expect.objectContaining({ code: 'SPOOFABLE_REPORTS', weight: 0, count: 1 }));
  });

  it("never blames a brand's official number, and explains the spoofing", async () => {
    await submit([
      { channel: 'PHONE_CALL', callerIds: [brand.number], callbackNumbers: [uniqueMobile()] },
      { channel: 'SMS', callbackNumbers: [brand.number] },
    ]);
    const check = await numberCheck(brand.number);
    expect(check).toMatchObject({ verdict: 'OFFICIAL', score: 0 });
    expect(codes(check)).toEqual(['OFFICIAL_CHANNEL', 'SPOOFED_OFFICIAL', 'OFFICIAL_GIVEN_AS_CALLBACK']);
  });

  it('adds the number type: premium rate, VoIP, toll free, shared cost', async () => {
    const numbers = {
      PREMIUM_RATE: `1900 ${digits(6)}`,
      VOIP: `+44 56 ${digits(8)}`,
      TOLL_FREE: `1800 ${digits(6)}`,
      SHARED_COST: `1300 ${digits(6)}`,
    };
    await submit(Object.values(numbers).map((number) => ({ channel: 'SMS', callbackNumbers: [number] })));
    const weights = { PREMIUM_RATE: 10, VOIP: 5, TOLL_FREE: 0, SHARED_COST: 0 };
    for (const [type, number] of Object.entries(numbers)) {
      expect((await numberCheck(number)).reasons).toContainEqual(
        expect.objectContaining({ code: `NUMBER_TYPE_${type}`, weight: weights[type as keyof typeof weights] }),
      );
    }
  });

  it('decays old evidence with the half-life, not below a floor', async () => {
    const number = uniqueMobile();
    await submit([{ channel: 'SMS', callbackNumbers: [number], receivedAt: daysAgo(90) }]);
    const check = await numberCheck(number);
    expect(check.reasons).toContainEqual(expect.objectContaining({ code: 'AGEING', count: 90 }));
    expect(check.score).toBe(Math.round(35 * 0.5));
  });

  it('never reads as UNKNOWN while reports name it, however old, and says how old (issue 17)', async () => {
    const number = uniqueMobile();
    const domain = `old-evidence-${tag}.com.au`;
    await submit([{ channel: 'SMS', callbackNumbers: [number], urls: [`https://${domain}/x`], receivedAt: daysAgo(730) }]);
    for (const check of [await numberCheck(number), await domainCheck(domain)]) {
      expect(check.verdict).toBe('SUSPICIOUS');
      expect(check.score).toBeLessThan(20);
      expect(check.reasons).toContainEqual(expect.objectContaining({ code: 'AGEING', count: 730 }));
      expect(check.reasons).toContainEqual(expect.objectContaining({ code: 'EVIDENCE_ON_RECORD' }));
    }
  });

  it("adds the size of the number's campaign", async () => {
    const number = uniqueMobile();
    await submit([{ channel: 'SMS', callbackNumbers: [number] }]);
    const session = driver.session();
    try {
      await session.run('MATCH (p:PhoneNumber {e164: $e164}) CREATE (p)-[:IN_CAMPAIGN]->(:Campaign {id: $id, size: 12})', {
        e164: number,
        id: `hand-built-${tag}`,
      });
    } finally {
      await session.close();
    }
    expect((await numberCheck(number)).reasons).toContainEqual(expect.objectContaining({ code: 'CAMPAIGN', count: 12, weight: 15 }));
  });
});

describe('checkDomain and checkUrl', () => {
  it('marks the official domain OFFICIAL even when reports name it', async () => {
    await submit([{ channel: 'EMAIL', callbackNumbers: [uniqueMobile()], urls: [`https://www.${brand.official}/login`] }]);
    const check = await domainCheck(`https://www.${brand.official}/`);
    expect(check).toMatchObject({ domain: brand.official, verdict: 'OFFICIAL', score: 0 });
    expect(codes(check)).toEqual(['OFFICIAL_CHANNEL', 'OFFICIAL_NAMED_IN_REPORTS']);
  });

  it('finds lookalikes of an official domain: homoglyphs, near spellings, the brand inside another domain', async () => {
    const homoglyph = await domainCheck(`z0rbank${tag}.com.au`);
    expect(codes(homoglyph)).toEqual(['LOOKALIKE_HOMOGLYPH']);
    expect(homoglyph).toMatchObject({ verdict: 'SUSPICIOUS', score: 30 });
    expect(codes(await domainCheck(`zorbanc${tag}.com.au`))).toEqual(['LOOKALIKE_EDIT_DISTANCE']);
    expect(codes(await domainCheck(`zorbank${tag}-secure.help`))).toEqual(['LOOKALIKE_BRAND_IN_NAME']);
    const url = (
      await app.gql('query($u: String!) { checkUrl(url: $u) { url domain reasons { code } } }', {
        u: `https://zorbank${tag}.com.au.verify-id.help/x`,
      })
    ).data!['checkUrl'];
    expect(url).toMatchObject({ domain: 'verify-id.help', reasons: [{ code: 'LOOKALIKE_BRAND_IN_NAME' }] });
  });

  it('weighs reports, shared callback numbers, brands and newness', async () => {
    const domain = `pay-${tag}-${digits(6)}.help`;
    await submit([
      { channel: 'SMS', claimedBrand: `A ${tag}`, callbackNumbers: [uniqueMobile()], urls: [`https://${domain}/a`] },
      { channel: 'SMS', claimedBrand: `B ${tag}`, callbackNumbers: [uniqueMobile()], urls: [`https://${domain}/b`] },
    ]);
    const check = await domainCheck(domain);
    expect(codes(check)).toEqual(['REPORTS', 'SHARED_CALLBACK_NUMBERS', 'CROSS_BRAND', 'NEWLY_SEEN', 'RECENT']);
    expect(check).toMatchObject({ verdict: 'HIGH_RISK', score: 40 + 10 + 10 + 10 });
  });

  it('caps a shortener at SUSPICIOUS, and says there are no reports for an unknown domain', async () => {
    await submit(
      Array.from({ length: 8 }, () => ({ channel: 'SMS', callbackNumbers: [uniqueMobile()], urls: [`https://bit.ly/${digits(8)}`] })),
    );
    const shortener = await domainCheck('bit.ly');
    expect(shortener).toMatchObject({ verdict: 'SUSPICIOUS', score: 40 });
    expect(codes(shortener)).toContain('SHORTENER');
    expect(codes(await domainCheck(`quiet-${tag}-${digits(6)}.com`))).toEqual(['NO_REPORTS']);
    expect(codes(await domainCheck('not a domain'))).toEqual(['INVALID_DOMAIN']);
  });
});

describe('brand impersonation view and the registry', () => {
  it("ranks a brand's impersonating numbers and domains, and finds its lookalikes", async () => {
    const [strong, weak] = [uniqueMobile(), uniqueMobile()];
    await submit([
      { channel: 'SMS', claimedBrand: brand.slug, callbackNumbers: [strong], urls: [`https://zorbank${tag}-login.help/`] },
      { channel: 'SMS', claimedBrand: brand.slug, callbackNumbers: [strong] },
      { channel: 'SMS', claimedBrand: brand.slug, callbackNumbers: [weak], receivedAt: daysAgo(200) },
    ]);
    const view = (
      await app.gql(
        `query($s: String!) { brand(slug: $s) { impersonation(first: 10) {
      numbers { e164 score } domains { domain verdict } lookalikeDomains { domain reasons { code } } } } }`,
        { s: brand.slug },
      )
    ).data!['brand'].impersonation;
    expect(view.numbers.map((n: any) => n.e164)).toEqual([strong, weak]);
    expect(view.domains).toContainEqual({ domain: `zorbank${tag}-login.help`, verdict: 'HIGH_RISK' });
    expect(view.lookalikeDomains.map((d: any) => d.domain)).toContain(`zorbank${tag}-login.help`);
  });

  it('adds and removes one official channel, normalised like the rest', async () => {
    const added = await app.gql(
      'mutation($s: String!) { addOfficialChannel(slug: $s, kind: PHONE, value: "1800 000 111") { officialNumbers } }',
      { s: brand.slug },
    );
    expect(added.data!['addOfficialChannel'].officialNumbers).toContain('+611800000111');
    const removed = await app.gql(
      'mutation($s: String!) { removeOfficialChannel(slug: $s, kind: PHONE, value: "+61 1800 000 111") { officialNumbers } }',
      { s: brand.slug },
    );
    expect(removed.data!['removeOfficialChannel'].officialNumbers).not.toContain('+611800000111');
    const unknown = await app.gql('mutation { addOfficialChannel(slug: "no-such-brand", kind: DOMAIN, value: "x.com") { slug } }');
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
