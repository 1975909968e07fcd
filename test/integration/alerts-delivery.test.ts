import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/monitoring/webhook-signature.js';
import { startTestApp, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { startReceiver } from '../helpers/webhook-receiver.js';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let app: TestApp;
let receiver: Receiver;
const tag = uniqueId().slice(0, 8);
const ENV = {
  ALERT_DELIVERY: 'true',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_TIMEOUT_MS: '1000',
  ALERT_POLL_MS: '200',
};
const CREATE = `mutation($target: String!, $hook: String) {
  createWatch(kind: INDICATOR, indicatorKind: "phone", target: $target, webhookUrl: $hook) { watch { id webhookUrl } webhookSecret } }`;
const ALERTS = 'query($w: ID) { alerts(watchId: $w) { id delivery attempts deliveryLog { number outcome httpStatus error } } }';

/** A number with one report, watched with a webhook to `path` on the receiver. */
async function watchedNumber(path: string, on: TestApp = app) {
  const number = uniqueMobile();
  await submit([number], on);
  const response = await on.gql(CREATE, { target: number, hook: `${receiver.url}${path}` });
  expect(response.errors).toBeUndefined();
  const { watch, webhookSecret } = response.data!['createWatch'];
  return { number, watchId: watch.id as string, secret: webhookSecret as string };
}
async function submit(numbers: string[], on: TestApp = app): Promise<string> {
  return (await submitMany([numbers], on))[0]!;
}
/** One submission of a report per list of numbers: its alerts commit together, a burst. */
async function submitMany(reports: string[][], on: TestApp = app): Promise<string[]> {
  const response = await on.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { report { id } errors { code } } }', {
    r: reports.map((numbers) => ({ channel: 'SMS', callbackNumbers: numbers, externalId: uniqueId(), source: `delivery-${tag}` })),
  });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
  return response.data!['submitReports'].map((result: any) => result.report.id as string);
}
const alertSeq = (request: { body: string }) => Number(JSON.parse(request.body).id.split(':').at(-1));
const alertsOf = async (watchId: string, on: TestApp = app) => (await on.gql(ALERTS, { w: watchId })).data!['alerts'] as any[];
async function settled(watchId: string, count: number, on: TestApp = app) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(100)) {
    const alerts = await alertsOf(watchId, on);
    if (alerts.length >= count && alerts.every((alert) => ['DELIVERED', 'DEAD'].includes(alert.delivery))) return alerts;
  }
  throw new Error(`alerts of ${watchId} did not settle: ${JSON.stringify(await alertsOf(watchId, on))}`);
}
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startTestApp(ENV);
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe('webhooks', { timeout: 180_000 }, () => {
  it('POSTs each alert signed with HMAC-SHA256 over its timestamp and body, which a receiver verifies and a replay fails', async () => {
    const { number, watchId, secret } = await watchedNumber('/signed');
    const reportId = await submit([number]);
    const [request] = await receiver.waitFor('/signed', 1);
    const headers = {
      signature: header(request!.headers['x-scamgraph-signature']),
      timestamp: header(request!.headers['x-scamgraph-timestamp']),
    };
    expect(verifyWebhook(secret, headers, request!.body)).toEqual({ ok: true });
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      event: 'NEW_REPORT',
      reportId,
      watch: { id: watchId, kind: 'INDICATOR' },
      subject: { kind: 'phone', value: number, role: 'CALLBACK_NUMBER' },
      attempt: 1,
    });
    expect(header(request!.headers['x-scamgraph-alert-id'])).toBe(body.id);
    expect(verifyWebhook(secret, headers, request!.body.replace(number, uniqueMobile()))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyWebhook('whsec_wrong', headers, request!.body)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyWebhook(secret, { ...headers, timestamp: String(Number(headers.timestamp) + 1) }, request!.body)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyWebhook(secret, headers, request!.body, Number(headers.timestamp) + 301)).toEqual({ ok: false, reason: 'TOO_OLD' });
    const [alert] = await settled(watchId, 1);
    expect(alert).toMatchObject({
      id: body.id,
      delivery: 'DELIVERED',
      attempts: 1,
      deliveryLog: [{ number: 1, outcome: 'DELIVERED', httpStatus: 200 }],
    });
  });

  it('retries a receiver that fails twice: the third try delivers the same alert id, and the log holds all three', async () => {
    receiver.script('/flaky', [500, 503]);
    const { number, watchId } = await watchedNumber('/flaky');
    await submit([number]);
    const requests = await receiver.waitFor('/flaky', 3);
    expect(new Set(requests.map((request) => header(request.headers['x-scamgraph-alert-id']))).size).toBe(1);
    expect(requests.map((request) => JSON.parse(request.body).attempt)).toEqual([1, 2, 3]);
    const [alert] = await settled(watchId, 1);
    expect(alert.deliveryLog.map((attempt: any) => `${attempt.outcome} ${attempt.httpStatus}`)).toEqual([
      'HTTP_ERROR 500',
      'HTTP_ERROR 503',
      'DELIVERED 200',
    ]);
  });

  it('delivers one watch in order, and dead-letters an alert whose attempts run out before the next one goes', async () => {
    receiver.script('/dead', [500, 500, 500]);
    const { number, watchId } = await watchedNumber('/dead');
    const reports = [];
    for (let i = 0; i < 4; i++) reports.push(await submit([number]));
    const alerts = await settled(watchId, 4);
    expect(alerts.map((alert) => alert.delivery)).toEqual(['DEAD', 'DELIVERED', 'DELIVERED', 'DELIVERED']);
    expect(alerts[0].deliveryLog.map((attempt: any) => attempt.outcome)).toEqual(['HTTP_ERROR', 'HTTP_ERROR', 'HTTP_ERROR']);
    const order = receiver.on('/dead').map((request) => JSON.parse(request.body).reportId);
    expect(order).toEqual([reports[0], reports[0], reports[0], reports[1], reports[2], reports[3]]);
  });

  it('delivers a burst of one watch in order, and a failure inside it holds back the alerts behind until its retry', async () => {
    receiver.script('/burst', [200, 200, 500]);
    const { number, watchId } = await watchedNumber('/burst');
    await submitMany(Array.from({ length: 30 }, () => [number]));
    const alerts = await settled(watchId, 30);
    expect(alerts.map((alert) => alert.delivery)).toEqual(Array(30).fill('DELIVERED'));
    const seqs = receiver.on('/burst').map(alertSeq);
    // The third failed once: sent again before any later one, and every other once, in number order.
    expect(seqs).toHaveLength(31);
    expect(seqs.slice(0, 3)).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    expect(seqs[3]).toBe(seqs[2]);
    expect(seqs.slice(3)).toEqual([...seqs.slice(3)].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(30);
    expect(alerts.map((alert) => alert.attempts)).toEqual(alerts.map((_, i) => (i === 2 ? 2 : 1)));
  });

  it('sends to different watches at once: slow receivers overlap, and a hung one holds up only its own watch', async () => {
    const slow = await Promise.all(Array.from({ length: 6 }, (_, i) => watchedNumber(`/slow-${i}`)));
    for (let i = 0; i < 6; i++) receiver.script(`/slow-${i}`, [{ delayMs: 600 }]);
    receiver.script('/stuck', ['hang', 'hang', 'hang']);
    const stuck = await watchedNumber('/stuck');
    const quick = await watchedNumber('/quick');
    await submit([stuck.number, ...slow.map((watch) => watch.number), quick.number]);
    const [hung] = await receiver.waitFor('/stuck', 1);
    const [answered] = await receiver.waitFor('/quick', 1);
    // The quick watch's alert arrives while the stuck one's request is still open (it times out after 1 s).
    expect(answered!.at - hung!.at).toBeLessThan(1_000);
    const arrivals = await Promise.all(slow.map(async (_, i) => (await receiver.waitFor(`/slow-${i}`, 1))[0]!.at));
    // Six receivers each taking 0.6 s, one after another, would span 3 s; at once, well under one answer.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(600);
    for (const { watchId } of slow) expect((await settled(watchId, 1))[0]).toMatchObject({ delivery: 'DELIVERED', attempts: 1 });
  });

  it('records timeouts and redirects (never followed) as failed attempts, and a hung receiver does not hold up ingest', async () => {
    receiver.script('/hang', ['hang', 'hang', 'hang']);
    receiver.script('/moved', [{ redirect: '/elsewhere' }, { redirect: '/elsewhere' }, { redirect: '/elsewhere' }]);
    const hung = await watchedNumber('/hang');
    const moved = await watchedNumber('/moved');
    await submit([hung.number, moved.number]);
    await receiver.waitFor('/hang', 1);
    // The receiver holds the request open; the next report is written and answered all the same.
    expect(await submit([hung.number])).toBeTruthy();
    const [timedOut] = await settled(hung.watchId, 1);
    expect(timedOut.deliveryLog.map((attempt: any) => attempt.outcome)).toEqual(['TIMEOUT', 'TIMEOUT', 'TIMEOUT']);
    const [redirected] = await settled(moved.watchId, 1);
    expect(redirected).toMatchObject({ delivery: 'DEAD', deliveryLog: [{ outcome: 'REDIRECT', httpStatus: 302 }, {}, {}] });
    expect(receiver.on('/elsewhere')).toEqual([]);
  });

  it('delivers an alert written before its API process stopped, from the process started after', async () => {
    // No other process delivers meanwhile; this one writes alerts but delivers none (ALERT_DELIVERY=false),
    // so it stops between the write and any delivery.
    await app.stop();
    const first = await startTestApp({ ...ENV, ALERT_DELIVERY: 'false' });
    const { number, watchId } = await watchedNumber('/restart', first);
    const reportId = await submit([number], first);
    await first.stop();
    app = await startTestApp({ ...ENV, ALERT_DELIVERY: 'false' });
    expect((await alertsOf(watchId))[0]).toMatchObject({ delivery: 'PENDING', attempts: 0 });
    expect(receiver.on('/restart')).toEqual([]);
    const second = await startTestApp(ENV);
    try {
      const [request] = await receiver.waitFor('/restart', 1);
      expect(JSON.parse(request!.body)).toMatchObject({ reportId, subject: { value: number } });
      expect((await settled(watchId, 1, second))[0]).toMatchObject({ delivery: 'DELIVERED', attempts: 1 });
    } finally {
      await second.stop();
    }
  });
});
