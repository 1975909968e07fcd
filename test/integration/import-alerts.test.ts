import { randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../src/monitoring/webhook-signature.js';
import { startTestApp, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { scamgraphImport } from '../helpers/scamgraph-cli.js';
import { startReceiver } from '../helpers/webhook-receiver.js';

// Issue 18: `scamgraph import` writes through the API's outbox, so an imported report alerts a watch, once.
let app: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const tag = uniqueId().slice(0, 8);
const slug = `importbank-${tag}`;
/** Numbers no other test uses, sharing one prefix: a telco's range. */
const range = `+61491${String(randomInt(0, 100_000)).padStart(5, '0')}`;

const CREATE = `mutation($kind: WatchKind!, $target: String!, $hook: String) {
  createWatch(kind: $kind, target: $target, webhookUrl: $hook) { watch { id } webhookSecret } }`;
const ALERTS = 'query($w: ID) { alerts(watchId: $w) { id event subjectValue reportId delivery } }';

beforeAll(async () => {
  receiver = await startReceiver();
  // This file's app delivers: the alerts an import (another process) wrote go out at its next poll.
  app = await startTestApp({ ALERT_DELIVERY: 'true', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', ALERT_POLL_MS: '200' });
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

async function watch(key: string, kind: string, target: string, path: string) {
  const response = await app.gql(CREATE, { kind, target, hook: `${receiver.url}${path}` }, key);
  expect(response.errors).toBeUndefined();
  return response.data!['createWatch'] as { watch: { id: string }; webhookSecret: string };
}

async function delivered(key: string, watchId: string, count: number) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
    const alerts = (await app.gql(ALERTS, { w: watchId }, key)).data!['alerts'] as any[];
    if (alerts.length >= count && alerts.every((alert) => alert.delivery === 'DELIVERED')) return alerts;
  }
  throw new Error(
    `the alerts of watch ${watchId} were not delivered: ${JSON.stringify((await app.gql(ALERTS, { w: watchId }, key)).data)}`,
  );
}

describe('scamgraph import and watches', { timeout: 180_000 }, () => {
  it('alerts a brand watch and a prefix watch for imported reports, delivered by webhook, and a re-import alerts nothing again', async () => {
    const { key } = (
      await app.gql('mutation($n: String!) { createApiKey(name: $n, role: ANALYST) { key } }', { n: `import alerts ${tag}` })
    ).data!['createApiKey'] as { key: string };
    await app.gql('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
      b: { slug, name: `Import Bank ${tag}`, officialNumbers: [], officialDomains: [] },
    });
    const brand = await watch(key, 'BRAND', slug, '/brand');
    const prefix = await watch(key, 'PREFIX', range, '/prefix');

    const [claimed, ranged, elsewhere] = [`${range}1`, `${range}2`, uniqueMobile()];
    const file = join(mkdtempSync(join(tmpdir(), 'scamgraph-import-alerts-')), 'reports.jsonl');
    const rows = [
      { channel: 'SMS', claimedBrand: `Import Bank ${tag}`, callbackNumbers: [claimed], text: 'Your account is locked' },
      { channel: 'SMS', callbackNumbers: [ranged], text: 'A parcel awaits' },
      { channel: 'EMAIL', callbackNumbers: [elsewhere], text: 'Your refund is ready' },
    ];
    writeFileSync(file, rows.map((row) => `${JSON.stringify({ ...row, source: `import-alerts-${tag}` })}\n`).join(''));

    expect((await scamgraphImport(file)).summary).toMatchObject({ accepted: 3, duplicate: 0, rejected: 0 });
    const brandAlerts = await delivered(key, brand.watch.id, 1);
    const prefixAlerts = await delivered(key, prefix.watch.id, 2);
    expect(brandAlerts).toEqual([expect.objectContaining({ event: 'NEW_CALLBACK_NUMBER', subjectValue: claimed })]);
    expect(prefixAlerts.map((alert) => `${alert.event} ${alert.subjectValue}`).sort()).toEqual([
      `NUMBER_REPORTED ${claimed}`,
      `NUMBER_REPORTED ${ranged}`,
    ]);
    // The webhook got each once, signed with its watch's secret.
    const [brandHook] = await receiver.waitFor('/brand', 1);
    const prefixHooks = await receiver.waitFor('/prefix', 2);
    const headers = (request: { headers: Record<string, string | string[] | undefined> }) => ({
      signature: String(request.headers[SIGNATURE_HEADER]),
      timestamp: String(request.headers[TIMESTAMP_HEADER]),
    });
    expect(verifyWebhook(brand.webhookSecret, headers(brandHook!), brandHook!.body)).toEqual({ ok: true });
    expect(JSON.parse(brandHook!.body)).toMatchObject({ id: brandAlerts[0].id, event: 'NEW_CALLBACK_NUMBER' });
    expect(prefixHooks.map((request) => JSON.parse(request.body).id).sort()).toEqual(prefixAlerts.map((alert) => alert.id).sort());

    // Again: every row a duplicate, no alert written and none sent (a poll or two later).
    expect((await scamgraphImport(file)).summary).toMatchObject({ accepted: 0, duplicate: 3, rejected: 0 });
    await sleep(1_000);
    expect((await app.gql(ALERTS, { w: brand.watch.id }, key)).data!['alerts']).toHaveLength(1);
    expect((await app.gql(ALERTS, { w: prefix.watch.id }, key)).data!['alerts']).toHaveLength(2);
    expect(receiver.received).toHaveLength(3);
  });
});
