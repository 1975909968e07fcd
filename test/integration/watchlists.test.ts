import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeToAlerts } from '../helpers/alert-subscription.js';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';

let app: TestApp;
const tag = uniqueId().slice(0, 8);
const slug = `watchbank-${tag}`;
const code = (response: { errors?: any[] }) => response.errors?.[0]?.extensions?.code;
/** Ten numbers no other test uses, sharing one prefix: a telco's range. */
const range = `+61491${String(randomInt(0, 100_000)).padStart(5, '0')}`;
const inRange = (digit: number) => `${range}${digit}`;

const CREATE = `mutation($kind: WatchKind!, $target: String!, $ik: String, $hook: String) {
  createWatch(kind: $kind, target: $target, indicatorKind: $ik, webhookUrl: $hook) { watch { id kind target webhookUrl } webhookSecret } }`;
const SUBMIT = 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { report { id } errors { code message } } }';
const keyFor = async (role: string) =>
  (
    await app.gql('mutation($n: String!, $r: Role!) { createApiKey(name: $n, role: $r) { id key } }', {
      n: `watch ${role} ${tag}`,
      r: role,
    })
  ).data!['createApiKey'] as { id: string; key: string };
const watch = async (key: string, kind: string, target: string, indicatorKind?: string) => {
  const response = await app.gql(CREATE, { kind, target, ik: indicatorKind ?? null, hook: null }, key);
  expect(response.errors).toBeUndefined();
  return response.data!['createWatch'].watch as { id: string; target: string };
};
const submit = async (reports: Record<string, unknown>[]) => {
  const response = await app.gql(SUBMIT, { r: reports });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
  return response.data!['submitReports'].map((result: any) => result.report.id as string);
};

let analyst: { id: string; key: string };
let other: { id: string; key: string };

beforeAll(async () => {
  app = await startTestApp({ WATCHES_PER_KEY_MAX: '6', ALERT_POLL_MS: '200' });
  analyst = await keyFor('ANALYST');
  other = await keyFor('ANALYST');
  await app.gql('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: { slug, name: `Watch Bank ${tag}`, officialNumbers: [], officialDomains: [`official-${tag}.com.au`] },
  });
});
afterAll(() => app?.stop());

describe('watches and their alerts over a subscription', { timeout: 180_000 }, () => {
  it('alerts for each kind of watch, in order, to its owner only, and resumes from an alert id without gaps or repeats', async () => {
    const watched = uniqueMobile();
    const [fresh, siteOfScam] = [uniqueMobile(), uniqueDomain()];
    const brandWatch = await watch(analyst.key, 'BRAND', slug);
    const indicatorWatch = await watch(analyst.key, 'INDICATOR', watched.replace('+61', '0'), 'phone').catch(async () => {
      await submit([{ channel: 'SMS', callbackNumbers: [watched] }]);
      return watch(analyst.key, 'INDICATOR', watched, 'phone');
    });
    const prefixWatch = await watch(analyst.key, 'PREFIX', `${range.slice(0, 3)} ${range.slice(3)}`);
    expect(prefixWatch.target).toBe(range);
    const theirs = subscribeToAlerts(app.url, other.key);
    const ours = subscribeToAlerts(app.url, analyst.key);
    await sleep(500); // both sockets subscribed: only new alerts from here

    const [first, second] = await submit([
      { channel: 'SMS', claimedBrand: `Watch Bank ${tag}`, callbackNumbers: [fresh], urls: [`https://${siteOfScam}/login`] },
      { channel: 'SMS', claimedBrand: `Watch Bank ${tag}`, callbackNumbers: [fresh, watched], callerIds: [inRange(7)] },
    ]);
    const alerts = await ours.until(5);
    await sleep(500);
    const seen = ours.alerts.map((alert) => `${alert.watchId}|${alert.event}|${alert.subjectValue}|${alert.reportId}`);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(
      [
        `${brandWatch.id}|NEW_CALLBACK_NUMBER|${fresh}|${[first, second].sort()[0]}`,
        `${brandWatch.id}|NEW_CALLBACK_NUMBER|${watched}|${second}`,
        `${brandWatch.id}|NEW_DOMAIN|${siteOfScam}|${first}`,
        `${indicatorWatch.id}|NEW_REPORT|${watched}|${second}`,
        `${prefixWatch.id}|NUMBER_REPORTED|${inRange(7)}|${second}`,
      ].sort(),
    );
    expect(alerts.find((alert) => alert.event === 'NUMBER_REPORTED')).toMatchObject({ role: 'CALLER_ID', delivery: 'NONE' });
    // Ids are in commit order: a client resuming after one gets exactly the rest.
    const ids = alerts.map((alert) => alert.id as string);
    const numbers = ids.map((id) => Number(id.split(':').at(-1)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const resumed = subscribeToAlerts(app.url, analyst.key, { after: ids[0]! });
    expect((await resumed.until(4)).map((alert) => alert.id)).toEqual(ids.slice(1));
    await submit([{ channel: 'EMAIL', callbackNumbers: [inRange(8)] }]);
    const [afterMore] = (await resumed.until(5)).slice(4);
    expect(afterMore).toMatchObject({ event: 'NUMBER_REPORTED', subjectValue: inRange(8), role: 'CALLBACK_NUMBER' });
    await sleep(500);
    expect(resumed.alerts).toHaveLength(5);
    // The same alerts through a query, and none of them for another key.
    const listed = await app.gql('query($w: ID) { alerts(watchId: $w) { id event } }', { w: prefixWatch.id }, analyst.key);
    expect(listed.data!['alerts'].map((alert: any) => alert.event)).toEqual(['NUMBER_REPORTED', 'NUMBER_REPORTED']);
    expect((await app.gql('{ alerts { id } }', {}, other.key)).data!['alerts']).toEqual([]);
    expect(theirs.alerts).toEqual([]);
    await Promise.all([ours.close(), theirs.close(), resumed.close()]);
  });

  it('does not alert a brand watch again for a number the brand already had', async () => {
    const watchOwner = await keyFor('ANALYST');
    const known = uniqueMobile();
    await submit([{ channel: 'SMS', claimedBrand: `Watch Bank ${tag}`, callbackNumbers: [known] }]);
    const brandWatch = await watch(watchOwner.key, 'BRAND', slug);
    await submit([{ channel: 'SMS', claimedBrand: `Watch Bank ${tag}`, callbackNumbers: [known] }]);
    const [reportId] = await submit([{ channel: 'SMS', claimedBrand: `Watch Bank ${tag}`, callbackNumbers: [uniqueMobile()] }]);
    const alerts = (await app.gql('{ alerts { event reportId watchId } }', {}, watchOwner.key)).data!['alerts'];
    expect(alerts).toEqual([{ event: 'NEW_CALLBACK_NUMBER', reportId, watchId: brandWatch.id }]);
  });

  it('alerts a campaign watch when new infrastructure joins the campaign', async () => {
    const [a, b, newcomer] = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    await submit([
      { channel: 'SMS', callbackNumbers: [a, b], receivedAt: day(3) },
      { channel: 'SMS', callbackNumbers: [a, b], receivedAt: day(2) },
      { channel: 'EMAIL', callbackNumbers: [a, b], receivedAt: day(1) },
    ]);
    expect((await app.gql('mutation { detectCampaigns { campaignCount } }')).errors).toBeUndefined();
    const campaignId = (await app.gql('query($n: String!) { phoneNumber(number: $n) { campaign { id } } }', { n: a })).data!['phoneNumber']
      .campaign?.id;
    expect(campaignId).toBeTruthy();
    const owner = await keyFor('ANALYST');
    const campaignWatch = await watch(owner.key, 'CAMPAIGN', campaignId);
    const [reportId] = await submit([{ channel: 'SMS', callbackNumbers: [a, newcomer] }]);
    const alerts = (await app.gql('{ alerts { event subjectValue reportId watchId } }', {}, owner.key)).data!['alerts'];
    expect(alerts).toEqual([{ event: 'NEW_INFRASTRUCTURE', subjectValue: newcomer, reportId, watchId: campaignWatch.id }]);
  });

  it('writes each alert in the transaction of its report: every alert has its report, and a duplicate report alerts nothing', async () => {
    const owner = await keyFor('ANALYST');
    const number = uniqueMobile();
    await submit([{ channel: 'SMS', callbackNumbers: [number] }]);
    await watch(owner.key, 'INDICATOR', number, 'phone');
    const report = { externalId: `dup-${tag}`, source: 'watch-test', channel: 'SMS', callbackNumbers: [number] };
    await submit([report]);
    await submit([report]);
    const driver = testDriver();
    try {
      const { records } = await driver.executeQuery(
        'MATCH (a:Alert {ownerKeyId: $owner}) OPTIONAL MATCH (r:Report {id: a.reportId}) RETURN count(a) AS alerts, count(r) AS reports',
        { owner: owner.id },
      );
      expect(records[0]!.get('alerts').toNumber()).toBe(1);
      expect(records[0]!.get('reports').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
  });
});

describe('watches belong to their key', { timeout: 180_000 }, () => {
  it('lists, deletes and alerts only the owner; other keys get NOT_FOUND', async () => {
    const mine = await watch(analyst.key, 'PREFIX', `${range}9`);
    expect((await app.gql('{ watches { id } }', {}, other.key)).data!['watches'].map((w: any) => w.id)).not.toContain(mine.id);
    expect(code(await app.gql('mutation($id: ID!) { deleteWatch(id: $id) }', { id: mine.id }, other.key))).toBe('NOT_FOUND');
    expect((await app.gql('mutation($id: ID!) { deleteWatch(id: $id) }', { id: mine.id }, analyst.key)).data!['deleteWatch']).toBe(mine.id);
    expect((await app.gql('{ watches { id } }', {}, analyst.key)).data!['watches'].map((w: any) => w.id)).not.toContain(mine.id);
  });

  it('refuses a REPORTER key, and a socket without a key', async () => {
    const reporter = await keyFor('REPORTER');
    expect(code(await app.gql(CREATE, { kind: 'PREFIX', target: '+614', ik: null, hook: null }, reporter.key))).toBe('FORBIDDEN');
    const anonymous = subscribeToAlerts(app.url, null);
    await anonymous.until(1, 5_000).catch(() => {});
    expect(String((anonymous.errors[0] as { code?: number })?.code ?? anonymous.errors[0])).toMatch(/4403|Forbidden/);
    const refused = subscribeToAlerts(app.url, reporter.key);
    await refused.until(1, 5_000).catch(() => {});
    expect(JSON.stringify(refused.errors)).toContain('FORBIDDEN');
    await refused.close();
  });
});

describe('bad watches are coded errors and write nothing', { timeout: 180_000 }, () => {
  it('refuses what does not exist, what is not a value, a bad webhook, and a list past the limit', async () => {
    const owner = await keyFor('ANALYST');
    const refusal = async (variables: Record<string, unknown>) => {
      const response = await app.gql(CREATE, { ik: null, hook: null, ...variables }, owner.key);
      return { code: code(response), message: response.errors?.[0]?.message as string, field: response.errors?.[0]?.extensions?.field };
    };
    expect(await refusal({ kind: 'BRAND', target: `no-such-brand-${tag}` })).toMatchObject({ code: 'NOT_FOUND', field: 'target' });
    expect(await refusal({ kind: 'CAMPAIGN', target: `no-such-campaign-${tag}` })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal({ kind: 'INDICATOR', target: uniqueMobile(), ik: 'phone' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal({ kind: 'INDICATOR', target: '12', ik: 'phone' })).toMatchObject({ code: 'INVALID_PHONE_NUMBER' });
    expect(await refusal({ kind: 'INDICATOR', target: 'x', ik: 'fax' })).toMatchObject({ code: 'INVALID_VALUE', field: 'indicatorKind' });
    const huge = await refusal({ kind: 'PREFIX', target: `+61${'4'.repeat(100_000)}` });
    expect(huge.code).toBe('INVALID_PREFIX');
    expect(huge.message.length).toBeLessThan(200);
    expect(await refusal({ kind: 'PREFIX', target: '+6', hook: 'ftp://example.com/' })).toMatchObject({ code: 'INVALID_PREFIX' });
    expect(await refusal({ kind: 'PREFIX', target: '+614', hook: 'ftp://example.com/' })).toMatchObject({
      code: 'INVALID_WEBHOOK_URL',
      field: 'webhookUrl',
    });
    for (const hook of ['http://10.0.0.1/hook', 'http://localhost:1/hook', 'http://169.254.169.254/latest', 'http://[::1]:8080/']) {
      expect(await refusal({ kind: 'PREFIX', target: '+614', hook })).toMatchObject({ code: 'WEBHOOK_ADDRESS_REFUSED' });
    }
    expect((await app.gql('{ watches { id } }', {}, owner.key)).data!['watches']).toEqual([]);
    for (let i = 0; i < 6; i++) await watch(owner.key, 'PREFIX', `+6142${i}`);
    expect(await refusal({ kind: 'PREFIX', target: '+61499' })).toMatchObject({ code: 'TOO_MANY_WATCHES' });
    expect((await app.gql('{ watches { id } }', {}, owner.key)).data!['watches']).toHaveLength(6);
  });
});
