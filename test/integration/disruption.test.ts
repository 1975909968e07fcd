import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';

let app: TestApp;
const tag = uniqueId().slice(0, 8);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const telco = `Telstra ${tag}`;
const [strong, middling, weak, blockedLate, fresh] = [uniqueMobile(), uniqueMobile(), uniqueMobile(), uniqueMobile(), uniqueMobile()];
const domain = uniqueDomain();

const SET = `mutation($k: String!, $v: String!, $s: DisruptionStatus!, $to: String, $ref: String, $note: String) {
  setDisruptionStatus(kind: $k, value: $v, status: $s, escalatedTo: $to, reference: $ref, note: $note) {
    status escalatedTo reference history { from to actor at note escalatedTo reference } } }`;
const set = (value: string, status: string, extra: Record<string, string> = {}, kind = 'phone') =>
  app.gql(SET, { k: kind, v: value, s: status, ...extra });
const code = (response: { errors?: any[] }) => response.errors?.[0]?.extensions?.code;
const AWAITING =
  'query($first: Int, $after: String) { awaitingEscalation(first: $first, after: $after) { totalCount edges { cursor node { kind value status score verdict reportCount } } pageInfo { hasNextPage endCursor } } }';

async function walk(value: string, steps: [string, Record<string, string>?][]) {
  for (const [status, extra] of steps) expect((await set(value, status, extra)).errors).toBeUndefined();
}

beforeAll(async () => {
  app = await startTestApp();
  const response = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', {
    r: [
      { channel: 'SMS', claimedBrand: `A ${tag}`, callbackNumbers: [strong], receivedAt: daysAgo(2) },
      { channel: 'SMS', claimedBrand: `B ${tag}`, callbackNumbers: [strong], receivedAt: daysAgo(2) },
      { channel: 'SMS', callbackNumbers: [middling], urls: [`https://${domain}/pay`], receivedAt: daysAgo(1) },
      { channel: 'EMAIL', callbackNumbers: [middling], receivedAt: daysAgo(1) },
      { channel: 'PHONE_CALL', callerIds: [weak], callbackNumbers: [fresh], receivedAt: daysAgo(1) },
      { channel: 'SMS', callbackNumbers: [blockedLate], receivedAt: daysAgo(4) },
    ],
  });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
});
afterAll(() => app?.stop());

describe('setDisruptionStatus', () => {
  it('walks the allowed path and keeps every change with actor, time and note', async () => {
    await walk(strong, [
      ['UNDER_REVIEW', { note: 'two brands, one line' }],
      ['ESCALATED', { to: telco, ref: 'T-1' }],
    ]);
    const blocked = (await set(strong, 'BLOCKED', { note: 'blocked by the carrier' })).data!['setDisruptionStatus'];
    expect(blocked).toMatchObject({ status: 'BLOCKED', escalatedTo: telco, reference: 'T-1' });
    expect(blocked.history.map((change: any) => `${change.from}>${change.to}`)).toEqual([
      'NEW>UNDER_REVIEW',
      'UNDER_REVIEW>ESCALATED',
      'ESCALATED>BLOCKED',
    ]);
    expect(blocked.history[0]).toMatchObject({ actor: 'env-admin', note: 'two brands, one line', at: expect.stringMatching(/^\d{4}-/) });
    expect(blocked.history[2]).toMatchObject({ escalatedTo: telco, reference: 'T-1', note: 'blocked by the carrier' });
    const field = await app.gql('query($n: String!) { phoneNumber(number: $n) { disruption { status history { to } } } }', { n: strong });
    expect(field.data!['phoneNumber'].disruption).toMatchObject({ status: 'BLOCKED', history: [{}, {}, {}] });
  });

  it('refuses a move the workflow does not allow with INVALID_TRANSITION, and writes nothing', async () => {
    const skipped = await set(middling, 'BLOCKED');
    expect(code(skipped)).toBe('INVALID_TRANSITION');
    expect(skipped.errors![0].message).toMatch(/from NEW to BLOCKED; from NEW it may go to UNDER_REVIEW, FALSE_POSITIVE/);
    const field = await app.gql('query($n: String!) { phoneNumber(number: $n) { disruption { status history { to } } } }', { n: middling });
    expect(field.data!['phoneNumber'].disruption).toEqual({ status: 'NEW', history: [] });
    expect(code(await set(strong, 'NEW'))).toBe('INVALID_TRANSITION');
  });

  it('asks an escalation for its party and reference, and only an escalation', async () => {
    await walk(blockedLate, [['UNDER_REVIEW']]);
    expect(code(await set(blockedLate, 'ESCALATED', { to: telco }))).toBe('INVALID_VALUE');
    expect(code(await set(blockedLate, 'FALSE_POSITIVE', { to: telco }))).toBe('INVALID_VALUE');
    expect(code(await set(uniqueMobile(), 'UNDER_REVIEW'))).toBe('NOT_FOUND');
    expect(code(await set('12', 'UNDER_REVIEW'))).toBe('INVALID_PHONE_NUMBER');
    await walk(blockedLate, [['ESCALATED', { to: telco, ref: 'T-2' }], ['BLOCKED']]);
  });

  it('lets one of two concurrent identical moves through', async () => {
    const answers = await Promise.all([set(fresh, 'UNDER_REVIEW'), set(fresh, 'UNDER_REVIEW')]);
    expect(answers.map(code).sort()).toEqual(['INVALID_TRANSITION', undefined]);
    await set(fresh, 'NEW');
  });

  it('is for ADMIN keys; an ANALYST reads', async () => {
    const created = await app.gql('mutation { createApiKey(name: "disruption analyst", role: ANALYST) { key } }');
    const key = created.data!['createApiKey'].key;
    expect(code(await app.gql(SET, { k: 'phone', v: weak, s: 'UNDER_REVIEW' }, key))).toBe('FORBIDDEN');
    expect((await app.gql(AWAITING, { first: 1 }, key)).errors).toBeUndefined();
  });
});

describe('awaitingEscalation and timeToBlock', () => {
  it('ranks the indicators under review by check score, and pages through them', async () => {
    await walk(middling, [['UNDER_REVIEW']]);
    await walk(weak, [['UNDER_REVIEW']]);
    expect((await set(domain, 'UNDER_REVIEW', {}, 'domain')).errors).toBeUndefined();
    const all = (await app.gql(AWAITING, { first: 100 })).data!['awaitingEscalation'];
    const ours = all.edges.map((edge: any) => edge.node).filter((node: any) => [middling, weak, fresh, domain].includes(node.value));
    expect(ours.map((node: any) => node.value)).toEqual([domain, middling, fresh, weak]);
    expect(ours[0]).toMatchObject({ kind: 'domain', status: 'UNDER_REVIEW', verdict: 'SUSPICIOUS' });
    expect(ours[3]).toMatchObject({ kind: 'phone', score: 10 });
    const first = (await app.gql(AWAITING, { first: 1 })).data!['awaitingEscalation'];
    const second = (await app.gql(AWAITING, { first: 1, after: first.pageInfo.endCursor })).data!['awaitingEscalation'];
    expect([first.pageInfo.hasNextPage, second.edges[0].node]).toEqual([true, all.edges[1].node]);
    const domainField = await app.gql('query($d: String!) { domain(name: $d) { disruption { status } } }', { d: domain });
    expect(domainField.data!['domain'].disruption.status).toBe('UNDER_REVIEW');
  });

  it('gives the median hours from first report to block, per party', async () => {
    const rows = (await app.gql('{ timeToBlock { escalatedTo blocked medianHours } }')).data!['timeToBlock'];
    const ours = rows.find((row: any) => row.escalatedTo === telco);
    expect(ours.blocked).toBe(2);
    expect(ours.medianHours).toBeGreaterThan(71.5);
    expect(ours.medianHours).toBeLessThan(72.5);
  });
});
