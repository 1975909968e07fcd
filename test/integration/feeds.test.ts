import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_KEY, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';

let app: TestApp;
const tag = uniqueId().slice(0, 8);
const feedUrl = (format: string, query: Record<string, string> = {}) =>
  `${app.url.replace(/\/graphql$/, '')}/feeds/indicators.${format}?${new URLSearchParams(query)}`;
const poll = async (format: string, query: Record<string, string> = {}, key: string | null = TEST_ADMIN_KEY) => {
  const response = await fetch(feedUrl(format, query), { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: response.status, headers: response.headers, text: await response.text() };
};
/** Polls from `cursor` until a page has nothing more; every item of every page. */
async function drain(query: Record<string, string>, cursor: string) {
  const items: any[] = [];
  for (;;) {
    const page = JSON.parse((await poll('json', { ...query, cursor })).text);
    items.push(...page.items);
    cursor = page.cursor;
    if (!page.hasMore) return { items, cursor };
  }
}
async function submit(reports: Record<string, unknown>[]) {
  const response = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', { r: reports });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
}

beforeAll(async () => {
  // No settling window: nothing else writes here while a poll runs (production waits past any request's deadline).
  app = await startTestApp({ FEED_SETTLE_MS: '0' });
});
afterAll(() => app?.stop());

describe('indicator feeds', { timeout: 180_000 }, () => {
  it('answers only what changed since the cursor, by verdict and kind, as JSON, CSV and a STIX bundle', async () => {
    const start = JSON.parse((await poll('json', { limit: '5000' })).text);
    const { cursor } = await drain({ limit: '5000' }, start.cursor);
    const [risky, once, site] = [uniqueMobile(), uniqueMobile(), uniqueDomain()];
    await submit([
      { channel: 'SMS', claimedBrand: `Feed A ${tag}`, callbackNumbers: [risky], urls: [`https://${site}/x`] },
      { channel: 'SMS', claimedBrand: `Feed B ${tag}`, callbackNumbers: [risky], urls: [`https://${site}/y`] },
      { channel: 'EMAIL', claimedBrand: `Feed A ${tag}`, callbackNumbers: [risky], urls: [`https://${site}/z`] },
      { channel: 'SMS', claimedBrand: `Feed B ${tag}`, callbackNumbers: [risky], urls: [`https://${site}/w`] },
      { channel: 'SMS', callbackNumbers: [once] },
    ]);
    const high = await drain({}, cursor);
    expect(
      high.items
        .filter((item) => [risky, once, site].includes(item.value))
        .map((item) => `${item.kind} ${item.value} ${item.verdict}`)
        .sort(),
    ).toEqual([`domain ${site} HIGH_RISK`, `phone ${risky} HIGH_RISK`].sort());
    const both = await drain({ verdicts: 'HIGH_RISK,SUSPICIOUS', kinds: 'phone' }, cursor);
    expect(
      both.items
        .filter((item) => [risky, once, site].includes(item.value))
        .map((item) => item.value)
        .sort(),
    ).toEqual([risky, once].sort());
    expect(both.items.find((item) => item.value === risky)).toMatchObject({
      score: expect.any(Number),
      reasons: expect.arrayContaining(['CALLBACK_REPORTS', 'CROSS_BRAND']),
    });
    // Polled again from where it ended: nothing new.
    expect((await drain({}, high.cursor)).items.filter((item) => [risky, once, site].includes(item.value))).toEqual([]);

    const csv = await poll('csv', { cursor, kinds: 'domain', limit: '5000' });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('kind,value,verdict,score,reasons');
    expect(csv.text).toContain(`domain,${site},HIGH_RISK,`);
    expect(csv.headers.get('x-feed-cursor')).toBeTruthy();
    expect(csv.headers.get('link')).toMatch(/^<\/feeds\/indicators\.csv\?.*cursor=.*>; rel="next"$/);
    const stix = await poll('stix.json', { cursor, limit: '5000' });
    expect(stix.headers.get('content-type')).toMatch(/^application\/stix\+json/);
    const bundle = JSON.parse(stix.text);
    expect(bundle.type).toBe('bundle');
    const indicator = bundle.objects.find((object: any) => object.name === site);
    expect(indicator).toMatchObject({
      type: 'indicator',
      spec_version: '2.1',
      pattern: `[domain-name:value = '${site}']`,
      pattern_type: 'stix',
      labels: expect.arrayContaining(['high-risk']),
    });
    expect(indicator.id).toMatch(/^indicator--[0-9a-f-]{36}$/);
  });

  it('pages by the limit with a cursor that misses nothing and repeats nothing', async () => {
    const { cursor } = await drain({ limit: '5000' }, JSON.parse((await poll('json', { limit: '5000' })).text).cursor);
    const numbers = Array.from({ length: 5 }, () => uniqueMobile());
    for (const number of numbers) await submit([{ channel: 'SMS', callbackNumbers: [number] }]);
    const seen: string[] = [];
    let at = cursor;
    for (let pages = 0; pages < 20; pages++) {
      const page = JSON.parse((await poll('json', { cursor: at, limit: '2', verdicts: 'SUSPICIOUS,HIGH_RISK' })).text);
      seen.push(...page.items.map((item: any) => item.value).filter((value: string) => numbers.includes(value)));
      at = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.sort()).toEqual([...numbers].sort());
  });

  it('refuses bad queries with a code, and keys that may not read', async () => {
    const kinds = await poll('json', { kinds: 'fax' });
    expect(kinds.status).toBe(400);
    expect(JSON.parse(kinds.text).errors[0].extensions).toMatchObject({ code: 'INVALID_VALUE', field: 'kinds' });
    const cursor = await poll('json', { cursor: 'x'.repeat(10_000) });
    expect(cursor.status).toBe(400);
    expect(JSON.parse(cursor.text).errors[0].message.length).toBeLessThan(200);
    expect((await poll('json', { limit: '0' })).status).toBe(400);
    expect((await poll('xml')).status).toBe(404);
    expect((await poll('json', {}, null)).status).toBe(401);
    const reporter = (await app.gql('mutation { createApiKey(name: "feed reporter", role: REPORTER) { key } }')).data!['createApiKey'].key;
    expect((await poll('json', {}, reporter)).status).toBe(403);
  });
});

describe('bulk checks', { timeout: 180_000 }, () => {
  it('checks up to 1,000 numbers or domains in one request, in the order asked, and refuses more', async () => {
    const number = uniqueMobile();
    await submit([{ channel: 'SMS', callbackNumbers: [number] }]);
    const numbers = await app.gql('query($n: [String!]!) { checkNumbers(numbers: $n) { e164 verdict reasons { code } } }', {
      n: [number.replace('+61', '0'), '12', uniqueMobile(), number],
    });
    expect(numbers.errors).toBeUndefined();
    expect(numbers.data!['checkNumbers'].map((check: any) => [check.e164 === number, check.verdict])).toEqual([
      [true, 'SUSPICIOUS'],
      [false, 'UNKNOWN'],
      [false, 'UNKNOWN'],
      [true, 'SUSPICIOUS'],
    ]);
    expect(numbers.data!['checkNumbers'][1]).toMatchObject({ e164: null, reasons: [{ code: 'INVALID_NUMBER' }] });
    const thousand = Array.from({ length: 1_000 }, (_, i) => `+6141${String(i).padStart(7, '0')}`);
    const many = await app.gql('query($n: [String!]!) { checkNumbers(numbers: $n) { e164 verdict } }', { n: thousand });
    expect(many.data!['checkNumbers'].map((check: any) => check.e164)).toEqual(thousand);
    const tooMany = await app.gql('query($n: [String!]!) { checkNumbers(numbers: $n) { e164 } }', { n: [...thousand, '+61412000000'] });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('TOO_MANY');
    const domains = await app.gql('query($d: [String!]!) { checkDomains(domains: $d) { domain verdict } }', {
      d: ['https://Example.COM/x', 'not a domain'],
    });
    expect(domains.data!['checkDomains']).toEqual([
      { domain: 'example.com', verdict: 'UNKNOWN' },
      { domain: null, verdict: 'UNKNOWN' },
    ]);
  });
});
