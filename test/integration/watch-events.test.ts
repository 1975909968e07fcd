import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/monitoring/webhook-signature.js';
import { subscribeToAlerts, type AlertSubscription } from '../helpers/alert-subscription.js';
import { TEST_ADMIN_KEY, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import {
  campaignsOf,
  detect,
  halvesJoinedByOneNumber,
  makeOfficial,
  query,
  startDetectionApp,
  submit,
  twoCampaigns,
} from '../helpers/campaigns.js';
import { startReceiver } from '../helpers/webhook-receiver.js';

// The watch events that no new report's outbox writes: a disruption status changed, a campaign merged or
// split. Each is written in the transaction of its change and delivered over the existing paths.
let app: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const subscriptions: AlertSubscription[] = [];
const url = (domain: string) => `https://${domain}/`;
const CREATE = `mutation($kind: WatchKind!, $target: String!, $ik: String, $hook: String) {
  createWatch(kind: $kind, target: $target, indicatorKind: $ik, webhookUrl: $hook) { watch { id } webhookSecret } }`;
const ALERTS = 'query($w: ID) { alerts(watchId: $w) { event subjectKind subjectValue reportId from to campaignIds delivery } }';
const SET = 'mutation($v: String!, $s: DisruptionStatus!) { setDisruptionStatus(kind: "phone", value: $v, status: $s) { status } }';

const watch = async (kind: string, target: string, options: { ik?: string; hook?: string } = {}) => {
  const { createWatch } = await query(app, CREATE, { kind, target, ik: options.ik ?? null, hook: options.hook ?? null });
  return createWatch as { watch: { id: string }; webhookSecret: string | null };
};
const alertsOf = async (watchId: string) => (await query(app, ALERTS, { w: watchId })).alerts as Record<string, unknown>[];
/** A real graphql-ws client on one watch's alerts, from the next one on. */
const subscribe = async (watchId: string) => {
  const subscription = subscribeToAlerts(app.url, TEST_ADMIN_KEY, { watchId });
  subscriptions.push(subscription);
  await sleep(500); // subscribed: only alerts from here on
  return subscription;
};
const settle = () => sleep(1_500); // several polls: any extra alert would be here

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startDetectionApp('cypher', {
    ALERT_DELIVERY: 'true',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    ALERT_POLL_MS: '200',
  });
});
afterAll(async () => {
  await Promise.all(subscriptions.map((subscription) => subscription.close()));
  await app?.stop();
  await receiver?.close();
});

describe('indicator watch: a change of disruption status', { timeout: 120_000 }, () => {
  it('alerts once per change, from and to, written with the change and delivered to a signed webhook; a refused move alerts nothing', async () => {
    const number = uniqueMobile();
    await submit(app, [{ callbackNumbers: [number] }]);
    const { watch: watched, webhookSecret } = await watch('INDICATOR', number, { ik: 'phone', hook: `${receiver.url}/status` });

    expect((await query(app, SET, { v: number, s: 'UNDER_REVIEW' })).setDisruptionStatus.status).toBe('UNDER_REVIEW');
    const [request] = await receiver.waitFor('/status', 1);
    const headers = {
      signature: request!.headers['x-scamgraph-signature'] as string,
      timestamp: request!.headers['x-scamgraph-timestamp'] as string,
    };
    expect(verifyWebhook(webhookSecret!, headers, request!.body)).toEqual({ ok: true });
    expect(JSON.parse(request!.body)).toMatchObject({
      event: 'DISRUPTION_STATUS_CHANGED',
      watch: { id: watched.id, kind: 'INDICATOR' },
      subject: { kind: 'phone', value: number, role: null },
      reportId: null,
      from: 'NEW',
      to: 'UNDER_REVIEW',
    });

    // The same status again is refused (UNDER_REVIEW cannot follow itself): nothing changed, nothing alerted.
    expect((await app.gql(SET, { v: number, s: 'UNDER_REVIEW' })).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    await settle();
    expect(receiver.on('/status')).toHaveLength(1);
    expect(await alertsOf(watched.id)).toEqual([
      {
        event: 'DISRUPTION_STATUS_CHANGED',
        subjectKind: 'phone',
        subjectValue: number,
        reportId: null,
        from: 'NEW',
        to: 'UNDER_REVIEW',
        campaignIds: null,
        delivery: 'DELIVERED',
      },
    ]);
  });

  it('alerts an escalation, but not its hand-over to another party (ESCALATED again: the status stays)', async () => {
    const number = uniqueMobile();
    await submit(app, [{ callbackNumbers: [number] }]);
    const { watch: watched } = await watch('INDICATOR', number, { ik: 'phone' });
    const ESCALATE = `mutation($v: String!, $to: String!) {
      setDisruptionStatus(kind: "phone", value: $v, status: ESCALATED, escalatedTo: $to, reference: "R-1") { status } }`;
    await query(app, SET, { v: number, s: 'UNDER_REVIEW' });
    await query(app, ESCALATE, { v: number, to: 'Telco A' });
    await query(app, ESCALATE, { v: number, to: 'Telco B' });
    expect((await alertsOf(watched.id)).map(({ from, to }) => `${from}>${to}`)).toEqual(['NEW>UNDER_REVIEW', 'UNDER_REVIEW>ESCALATED']);
  });
});

describe('campaign watch: the campaign merges or splits', { timeout: 180_000 }, () => {
  it('alerts CAMPAIGN_MERGED with the campaign it merged into, over a subscription, once', async () => {
    const { x1, y1, larger, smaller } = await twoCampaigns(app);
    const { watch: watched } = await watch('CAMPAIGN', smaller);
    const alerts = await subscribe(watched.id);

    await submit(app, [{ callbackNumbers: [x1, y1] }]);
    await detect(app);
    await alerts.until(1);
    await detect(app); // a run that changes nothing more alerts nothing more
    await settle();
    expect(alerts.alerts).toEqual([
      expect.objectContaining({
        watchId: watched.id,
        event: 'CAMPAIGN_MERGED',
        subjectKind: 'campaign',
        subjectValue: smaller,
        reportId: null,
        campaignIds: [larger],
      }),
    ]);
  });

  it('alerts CAMPAIGN_SPLIT with the campaigns its members went to, including the new one split from it', async () => {
    const { a1, b1, joint, whole } = await halvesJoinedByOneNumber(app);
    const { watch: watched } = await watch('CAMPAIGN', whole);
    const alerts = await subscribe(watched.id);

    await makeOfficial(app, joint);
    await detect(app);
    const after = await campaignsOf(app, { phones: [a1, b1] });
    expect(after[b1]).toBe(whole);
    await alerts.until(1);
    await settle();
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts[0]).toMatchObject({ watchId: watched.id, event: 'CAMPAIGN_SPLIT', subjectValue: whole, reportId: null });
    expect([...alerts.alerts[0]!['campaignIds']].sort()).toEqual([whole, after[a1]].sort());
  });
});

describe('brand watch: lookalike domains', { timeout: 120_000 }, () => {
  it('alerts LOOKALIKE_DOMAIN once per new domain imitating an official one in a report not claiming the brand; never for an unlike domain', async () => {
    const tag = uniqueId().slice(0, 8);
    const official = `lookbank${tag}.com.au`;
    await query(app, 'mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
      b: { slug: `lookbank-${tag}`, name: `Lookbank ${tag}`, officialNumbers: [], officialDomains: [official] },
    });
    const { watch: watched } = await watch('BRAND', `lookbank-${tag}`);
    const alerts = await subscribe(watched.id);
    const [homoglyph, branded, unlike] = [`l00kbank${tag}.com.au`, `lookbank${tag}-secure-login.com`, uniqueDomain()];

    const [first] = await submit(app, [{ urls: [url(homoglyph), url(branded), url(unlike), url(official)] }]);
    await submit(app, [{ urls: [url(homoglyph)] }]); // no longer new: no second alert
    await submit(app, [{ urls: [url(uniqueDomain())] }]); // new, but like nothing the brand owns
    await alerts.until(2);
    await settle();
    const seen = alerts.alerts.map(({ event, subjectValue, reportId, resembles, role }) => ({
      event,
      subjectValue,
      reportId,
      resembles,
      role,
    }));
    expect(seen.sort((a, b) => (a.subjectValue < b.subjectValue ? -1 : 1))).toEqual(
      [
        { event: 'LOOKALIKE_DOMAIN', subjectValue: homoglyph, reportId: first, resembles: official, role: 'NAMES_DOMAIN' },
        { event: 'LOOKALIKE_DOMAIN', subjectValue: branded, reportId: first, resembles: official, role: 'NAMES_DOMAIN' },
      ].sort((a, b) => (a.subjectValue < b.subjectValue ? -1 : 1)),
    );
  });
});
